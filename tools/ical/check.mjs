// check.mjs parses iCalendar files with ical.js (an RFC 5545 parser) and
// checks what RFC 5545 requires of the files Between writes, offline:
//
//   - the text parses; lines end in CRLF and are at most 75 octets;
//   - VCALENDAR has VERSION 2.0 and PRODID; every VEVENT has UID, DTSTAMP
//     (UTC) and DTSTART; UIDs are unique;
//   - an RRULE parses, and its UNTIL is a local time when DTSTART is one;
//   - every VEVENT has a VALARM with ACTION DISPLAY, a TRIGGER and a
//     DESCRIPTION.
//
// Usage: node check.mjs [--occurrences N] FILE...  For each file it prints
// one JSON line {"file", "ok", "problems", "events"}, where each event
// lists its summary, rule and its first N occurrences as ical.js expands
// them (default 4), so tests can check what a calendar would show. It exits
// 1 if any file has a problem.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

let occurrences = 4;
const files = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--occurrences') {
    occurrences = Number(args[++i]);
  } else {
    files.push(args[i]);
  }
}

function check(file) {
  const problems = [];
  const events = [];
  const text = readFileSync(file, 'utf8');
  const raw = readFileSync(file);
  const lines = text.split('\r\n');
  if (lines.at(-1) !== '') {
    problems.push('the file does not end in CRLF');
  }
  for (const [i, l] of lines.entries()) {
    if (l.includes('\n') || l.includes('\r')) {
      problems.push(`line ${i + 1}: a line break that is not CRLF`);
    }
    if (Buffer.byteLength(l, 'utf8') > 75) {
      problems.push(`line ${i + 1}: longer than 75 octets (not folded)`);
    }
  }
  if (raw.length === 0) {
    problems.push('empty file');
  }
  let cal;
  try {
    cal = new ICAL.Component(ICAL.parse(text));
  } catch (err) {
    problems.push(`does not parse: ${err.message}`);
    return { file, ok: false, problems, events };
  }
  if (cal.name !== 'vcalendar') {
    problems.push('the top component is not VCALENDAR');
  }
  if (cal.getFirstPropertyValue('version') !== '2.0') {
    problems.push('VCALENDAR: VERSION is not 2.0');
  }
  if (!cal.getFirstPropertyValue('prodid')) {
    problems.push('VCALENDAR: no PRODID');
  }
  const uids = new Set();
  const vevents = cal.getAllSubcomponents('vevent');
  if (vevents.length === 0) {
    problems.push('no VEVENT');
  }
  for (const [i, ve] of vevents.entries()) {
    const where = `VEVENT ${i + 1}`;
    for (const p of ['uid', 'dtstamp', 'dtstart']) {
      if (!ve.hasProperty(p)) {
        problems.push(`${where}: no ${p.toUpperCase()}`);
      }
    }
    const uid = ve.getFirstPropertyValue('uid');
    if (uids.has(uid)) {
      problems.push(`${where}: UID used twice`);
    }
    uids.add(uid);
    const stamp = ve.getFirstPropertyValue('dtstamp');
    if (stamp && stamp.zone !== ICAL.Timezone.utcTimezone) {
      problems.push(`${where}: DTSTAMP is not in UTC`);
    }
    const start = ve.getFirstPropertyValue('dtstart');
    const rrule = ve.getFirstPropertyValue('rrule');
    if (rrule) {
      if (!rrule.freq) {
        problems.push(`${where}: RRULE has no FREQ`);
      }
      if (rrule.until && start && (rrule.until.zone === ICAL.Timezone.utcTimezone) !== (start.zone === ICAL.Timezone.utcTimezone)) {
        problems.push(`${where}: RRULE UNTIL and DTSTART are not both local or both UTC`);
      }
    }
    const alarms = ve.getAllSubcomponents('valarm');
    if (alarms.length === 0) {
      problems.push(`${where}: no VALARM`);
    }
    for (const a of alarms) {
      if (a.getFirstPropertyValue('action') !== 'DISPLAY') {
        problems.push(`${where}: VALARM ACTION is not DISPLAY`);
      }
      if (!a.hasProperty('trigger')) {
        problems.push(`${where}: VALARM has no TRIGGER`);
      }
      if (!a.getFirstPropertyValue('description')) {
        problems.push(`${where}: a DISPLAY VALARM has no DESCRIPTION`);
      }
    }
    const event = new ICAL.Event(ve);
    const first = [];
    const it = event.iterator();
    for (let n = 0; n < occurrences; n++) {
      const next = it.next();
      if (!next) {
        break;
      }
      first.push(next.toString());
    }
    events.push({
      summary: event.summary,
      description: ve.getFirstPropertyValue('description'),
      rrule: rrule ? rrule.toString() : null,
      duration: event.duration ? event.duration.toString() : null,
      trigger: alarms[0] ? alarms[0].getFirstPropertyValue('trigger').toString() : null,
      alarmText: alarms[0] ? alarms[0].getFirstPropertyValue('description') : null,
      occurrences: first,
    });
  }
  return { file, ok: problems.length === 0, problems, events };
}

let failed = false;
for (const f of files) {
  let r;
  try {
    r = check(f);
  } catch (err) {
    r = { file: f, ok: false, problems: [String(err)], events: [] };
  }
  failed ||= !r.ok;
  console.log(JSON.stringify(r));
}
process.exit(failed ? 1 : 0);
