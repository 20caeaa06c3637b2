// Command between builds a printable, offline library of therapy homework
// handouts, renders personalised handouts, and drafts the homework part of
// a clinical note. Run "between help" for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"
)

// defaultMemoryLimit is the soft memory limit between sets for itself
// unless GOMEMLIMIT says otherwise. A build of 10,000 handouts in two
// languages holds about 60 MB live at its peak; without a limit the Go
// runtime lets the heap grow to several times that between collections
// (323 MiB measured in bench/), and with it the build stays under 200 MB
// at the cost of more frequent collection. It is soft: a build that truly
// needs more still gets it.
const defaultMemoryLimit = 150 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go stopOnSignal(ctx, stop, done, stopGrace)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	close(done)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// stopGrace is how long a command has, after Ctrl-C or SIGTERM, to stop
// cleanly (a build removes its half-written site and unlocks) before the
// program ends without it.
const stopGrace = 5 * time.Second

// exitStopped is the exit status after a signal the command did not
// return from in time, as a shell reports a process ended by SIGINT.
const exitStopped = 130

// stopOnSignal waits for the first Ctrl-C or SIGTERM (ctx done) unless
// the command ends first (done closed). Every command honours ctx; this
// is the backstop for one blocked where ctx cannot reach: it restores the
// signals' default action, so that a second Ctrl-C ends the program at
// once, and ends it itself after grace.
func stopOnSignal(ctx context.Context, stop func(), done <-chan struct{}, grace time.Duration) {
	select {
	case <-done:
		return
	case <-ctx.Done():
	}
	stop()
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		fmt.Fprintln(os.Stderr, "between: stopped")
		os.Exit(exitStopped)
	}
}

// env is what a subcommand may touch: its streams. Subcommands never use
// os.Stdout or os.Stderr directly, so tests can run them in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// command is one subcommand of between.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// commands lists the subcommands in the order "between help" prints them.
func commands() []command {
	return []command{
		{name: "help", summary: "show this help", run: runHelp},
		{name: "version", summary: "print the version", run: runVersion},
		{name: "build", summary: "build the handout library into a static site", run: runBuild},
		{name: "serve", summary: "build the site, serve it on this computer and rebuild on change", run: runServe},
		{name: "list", summary: "list the handout library", run: runList},
		{name: "render", summary: "render one personalised handout as HTML, PDF or JSON", run: runRender},
		{name: "lint", summary: "check templates: format, fonts, translations, readability", run: runLint},
		{name: "i18n", summary: "see and start translations (status, new, check)", run: runI18n},
		{name: "note", summary: "write the homework part of a clinical note, or a FHIR Bundle", run: runNote},
		{name: "questionnaire", summary: "a handout or a measure as a FHIR Questionnaire; read a response back into a review", run: runQuestionnaire},
		{name: "remind", summary: "write an assignment's reminders as a calendar file (.ics) for any phone", run: runRemind},
		{name: "new-assignment", summary: "draft a YAML assignment from a template's clinician notes", run: runNewAssignment},
		{name: "new-review", summary: "draft a YAML review of an assignment for the next session", run: runNewReview},
	}
}

// run is the whole program: it parses args and runs one subcommand.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		printUsage(stderr)
		return usageErrorf("no command given")
	}
	name := args[0]
	if name == "-h" || name == "--help" || name == "-help" {
		name = "help"
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, e, args[1:])
		}
	}
	return usageErrorf("unknown command %q (run \"between help\")", name)
}

// usageError is a mistake in how the command was called; it exits 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// errReported means the command has already printed what went wrong (for
// example lint findings) and only the exit status is left to set.
var errReported = errors.New("failed")

// exitCode prints err (unless already reported) and maps it to 0, 1 or 2.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(stderr, "between:", err)
		return 2
	}
	if !errors.Is(err, errReported) {
		fmt.Fprintln(stderr, "between:", err)
	}
	return 1
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: between <command> [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-15s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run \"between <command> -h\" for a command's flags.")
}

func runHelp(_ context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usageErrorf("help takes no arguments; run \"between <command> -h\"")
	}
	printUsage(e.stdout)
	return nil
}

// version is the program's version, set at link time with
// -ldflags "-X main.version=…".
var version = "0.1.0-dev"

func runVersion(_ context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usageErrorf("version takes no arguments")
	}
	fmt.Fprintln(e.stdout, "between", version)
	return nil
}
