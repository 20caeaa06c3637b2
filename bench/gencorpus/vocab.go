package main

import "github.com/betweensessions/between/worksheet"

// Front matter values shared by every language, as in the real library.
var (
	kinds      = worksheet.Kinds()
	topics     = []string{"sleep", "mood", "anxiety", "stress", "habits", "family", "work", "self-care"}
	approaches = []string{"CBT", "DBT", "ACT", "behavioral activation", "problem solving"}
)

// vocab is the word lists of one language. The lists of every language
// have the same lengths, so the same random choices give a worksheet and
// its translation the same shape.
type vocab struct {
	lang                              string
	howTo, week, plan                 string
	days                              [7]string
	tableHead                         []string
	titleA, titleB                    []string
	summaries, frequencies            []string
	sentences, headings, steps, items []string
	prompts, lineLabels, scales, rows []string
}

var english = vocab{
	lang:      "en",
	howTo:     "How to use this sheet",
	week:      "My week",
	plan:      "My plan for next week",
	days:      [7]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"},
	tableHead: []string{"What I will do", "When", "Who can help"},
	titleA:    []string{"Noticing", "Planning", "Tracking", "Looking at", "Building", "Practising"},
	titleB:    []string{"my days", "small steps", "hard moments", "my energy", "good habits", "calm evenings"},
	summaries: []string{
		"A short sheet to help you notice what changes from day to day.",
		"A week of notes on what you did and how it felt.",
		"A simple plan with small steps you can take this week.",
		"A few questions to look at a hard moment from another side.",
	},
	frequencies: []string{"every evening", "once a day", "when a strong feeling shows up", "three times this week"},
	sentences: []string{
		"There are no right or wrong answers on this sheet.",
		"Take your time and write what you notice, even if it seems small.",
		"It is fine to skip a question and come back to it later.",
		"Most people find that a few words are enough.",
		"Today I felt ___ and my body felt ___.",
		"Try to fill this in at the same time each day, such as after dinner.",
		"If a question feels too hard, write down what makes it hard.",
		"Small changes still count, so write them down when you see them.",
		"Bring this sheet to your next session so we can look at it together.",
		"When I noticed the feeling, I was ___ with ___.",
		"You do not need to share anything you want to keep private.",
		"Think about what helped, even a little, and what did not.",
		"A rating is a quick guess, so do not think about it for too long.",
		"Notice where you were, who was there and what you were doing.",
		"The thing I most want to change this week is ___.",
		"Some days will be harder than others, and that is expected.",
		"Writing a thought down slows it enough to look at it again.",
		"If you miss a day, just start again the next day.",
		"Ask someone you trust to remind you if that would help.",
		"Keep the sheet where you will see it, like next to your bed.",
		"It can help to say the answer out loud before you write it.",
		"One thing I could do differently next time is ___.",
		"Look back at the week and circle the day that went best.",
		"Be as kind to yourself as you would be to a friend.",
		"Write the time next to anything you want to remember.",
		"What I said to myself at that moment was ___.",
		"A short walk or a glass of water can make it easier to start.",
		"These notes are for you, so write them in your own words.",
	},
	headings: []string{
		"Before you start", "Noticing the moment", "What I did", "How it felt",
		"Looking again", "What helps me", "Getting ready", "After it happened",
	},
	steps: []string{
		"Find a quiet place for a few minutes.",
		"Read the example first.",
		"Pick one moment from today.",
		"Write the date at the top.",
		"Rate how strong the feeling was.",
		"Write one short line about what happened.",
		"Check the box when you are done.",
		"Bring this sheet to your next session.",
	},
	items: []string{
		"Going for a walk", "Calling a friend", "Making a cup of tea",
		"Writing a short note", "Listening to music", "Taking three slow breaths",
		"Doing a small chore", "Getting some fresh air", "Eating a proper meal",
		"Going to bed on time",
	},
	prompts: []string{
		"What happened, in a few words?",
		"What went through my mind?",
		"What did I do next?",
		"What would I tell a friend in the same place?",
		"What is one small step I can take?",
		"What do I want to remember about this?",
	},
	lineLabels: []string{"What happened", "My thoughts", "What I did", "A note for next time", "What helped"},
	scales: []string{
		"How strong was the feeling?", "How much do I believe it now?",
		"How ready do I feel?", "How well did I sleep?",
	},
	rows: []string{
		"Mood (0-10)", "Hours of sleep", "Did I practise?", "Time outside",
		"Energy (0-10)", "Who I talked to",
	},
}

var spanishVocab = vocab{
	lang:      "es",
	howTo:     "Cómo usar esta hoja",
	week:      "Mi semana",
	plan:      "Mi plan para la próxima semana",
	days:      [7]string{"lun", "mar", "mié", "jue", "vie", "sáb", "dom"},
	tableHead: []string{"Qué voy a hacer", "Cuándo", "Quién puede ayudar"},
	titleA:    []string{"Notar", "Planificar", "Registrar", "Mirar", "Construir", "Practicar"},
	titleB:    []string{"mis días", "pasos pequeños", "momentos difíciles", "mi energía", "buenos hábitos", "noches tranquilas"},
	summaries: []string{
		"Una hoja breve para notar qué cambia de un día a otro.",
		"Una semana de notas sobre lo que hizo y cómo se sintió.",
		"Un plan sencillo con pasos pequeños para esta semana.",
		"Unas preguntas para mirar un momento difícil desde otro lado.",
	},
	frequencies: []string{"cada noche", "una vez al día", "cuando aparece un sentimiento fuerte", "tres veces esta semana"},
	sentences: []string{
		"En esta hoja no hay respuestas correctas ni incorrectas.",
		"Tómese su tiempo y escriba lo que note, aunque parezca pequeño.",
		"Puede saltar una pregunta y volver a ella más tarde.",
		"A la mayoría de las personas le bastan unas pocas palabras.",
		"Hoy me sentí ___ y mi cuerpo se sintió ___.",
		"Intente completarla a la misma hora cada día, por ejemplo después de cenar.",
		"Si una pregunta le resulta difícil, escriba qué la hace difícil.",
		"Los cambios pequeños también cuentan; anótelos cuando los vea.",
		"Traiga esta hoja a la próxima sesión para mirarla juntos.",
		"Cuando noté el sentimiento, estaba ___ con ___.",
		"No necesita compartir nada que quiera mantener en privado.",
		"Piense en qué ayudó, aunque sea un poco, y en qué no.",
		"Una puntuación es una estimación rápida; no lo piense demasiado.",
		"Fíjese en dónde estaba, quién estaba allí y qué hacía.",
		"Lo que más quiero cambiar esta semana es ___.",
		"Algunos días serán más difíciles que otros, y eso es normal.",
		"Escribir un pensamiento lo frena lo suficiente para mirarlo otra vez.",
		"Si se salta un día, simplemente empiece de nuevo al día siguiente.",
		"Pida a alguien de confianza que se lo recuerde si eso le ayuda.",
		"Deje la hoja donde la vea, por ejemplo junto a la cama.",
		"Puede ayudar decir la respuesta en voz alta antes de escribirla.",
		"Algo que podría hacer distinto la próxima vez es ___.",
		"Repase la semana y marque con un círculo el día que fue mejor.",
		"Sea tan amable consigo mismo como lo sería con un amigo.",
		"Anote la hora junto a lo que quiera recordar.",
		"Lo que me dije en ese momento fue ___.",
		"Un paseo corto o un vaso de agua pueden ayudarle a empezar.",
		"Estas notas son para usted; escríbalas con sus propias palabras.",
	},
	headings: []string{
		"Antes de empezar", "Notar el momento", "Qué hice", "Cómo me sentí",
		"Mirar otra vez", "Qué me ayuda", "Prepararme", "Después de lo ocurrido",
	},
	steps: []string{
		"Busque un lugar tranquilo durante unos minutos.",
		"Lea primero el ejemplo.",
		"Elija un momento de hoy.",
		"Escriba la fecha arriba.",
		"Puntúe la intensidad del sentimiento.",
		"Escriba una línea breve sobre lo que pasó.",
		"Marque la casilla cuando termine.",
		"Traiga esta hoja a la próxima sesión.",
	},
	items: []string{
		"Salir a caminar", "Llamar a un amigo", "Prepararme un té",
		"Escribir una nota corta", "Escuchar música", "Respirar despacio tres veces",
		"Hacer una tarea pequeña", "Tomar aire fresco", "Comer bien",
		"Acostarme a mi hora",
	},
	prompts: []string{
		"¿Qué pasó, en pocas palabras?",
		"¿Qué se me pasó por la cabeza?",
		"¿Qué hice después?",
		"¿Qué le diría a un amigo en la misma situación?",
		"¿Cuál es un paso pequeño que puedo dar?",
		"¿Qué quiero recordar de esto?",
	},
	lineLabels: []string{"Qué pasó", "Mis pensamientos", "Qué hice", "Una nota para la próxima vez", "Qué ayudó"},
	scales: []string{
		"¿Qué tan fuerte fue el sentimiento?", "¿Cuánto lo creo ahora?",
		"¿Qué tan preparado me siento?", "¿Qué tan bien dormí?",
	},
	rows: []string{
		"Ánimo (0-10)", "Horas de sueño", "¿Practiqué?", "Tiempo al aire libre",
		"Energía (0-10)", "Con quién hablé",
	},
}
