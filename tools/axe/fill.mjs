// fill.mjs uses a built Between site as a client would, in headless
// Chromium (cdp.mjs): it types the answers a plan gives into a handout's
// fields, prints the page to PDF, saves the answers with "Save my answers",
// opens the page afresh, opens the saved file with "Open saved answers" and
// reads the fields back. It also tries files that must be refused, checks
// that a 7-day tracker shows every day at 320 and 375 px, and measures the
// type sizes of the handout's elements.
//
// Usage:
//   node fill.mjs --chromium /usr/bin/chromium --profile DIR --out DIR PLAN.json
//
// PLAN.json: {"pages": [{"file", "text": {id: answer}, "checks": [id],
// "radios": {name: value}, "refuse": [{"name", "file" or "fromPage"}]}]}
// (fromPage: the file an earlier page saved). It prints one
// JSON object, {"pages": [...]}, with what it saw; the Go test
// (worksheet/site's TestFillPrintSave) judges it. The exit status is 0 when
// the run worked, whatever it found.

import { readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Browser, openPage } from './cdp.mjs';

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--chromium') opts.chromium = argv[++i];
    else if (a === '--profile') opts.profile = argv[++i];
    else if (a === '--out') opts.out = resolve(argv[++i]);
    else opts.plan = a;
  }
  if (!opts.chromium || !opts.profile || !opts.out || !opts.plan) {
    console.error('usage: node fill.mjs --chromium PATH --profile DIR --out DIR PLAN.json');
    process.exit(2);
  }
  return opts;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// valuesJS reads every field of the page's handouts: text by id, checkbox
// by id, radio group by name.
const valuesJS = `(() => {
  const text = {}, checks = {}, radios = {};
  for (const el of document.querySelectorAll('article.handout textarea, article.handout input')) {
    if (el.type === 'checkbox') checks[el.id] = el.checked;
    else if (el.type === 'radio') { if (el.checked) radios[el.name] = el.value; else if (!(el.name in radios)) radios[el.name] = null; }
    else text[el.id] = el.value;
  }
  return { text, checks, radios };
})()`;

// trackerJS says, at the current width, whether every cell of every 7-day
// tracker is inside the window and shows its day, and whether anything
// scrolls sideways.
const trackerJS = `(() => {
  const w = document.documentElement.clientWidth;
  const out = { width: w, trackers: 0, cells: 0, outside: [], pageScrolls: document.documentElement.scrollWidth > w };
  for (const t of document.querySelectorAll('table.tracker')) {
    out.trackers++;
    const wrap = t.closest('.table-wrap');
    if (wrap && wrap.scrollWidth > wrap.clientWidth + 1) out.outside.push('the tracker scrolls inside its frame');
    for (const td of t.querySelectorAll('tbody td')) {
      out.cells++;
      const r = td.getBoundingClientRect();
      const day = td.querySelector('.day');
      const shown = day && getComputedStyle(day).display !== 'none' && day.getBoundingClientRect().width > 0;
      const colHead = getComputedStyle(t.querySelector('thead')).display !== 'none';
      if (r.left < -1 || r.right > w + 1 || r.width < 20) out.outside.push('cell ' + out.cells + ' at ' + Math.round(r.left) + '..' + Math.round(r.right));
      if (!shown && !colHead) out.outside.push('cell ' + out.cells + ' does not name its day');
    }
  }
  return out;
})()`;

// sizesJS is the computed font size, in CSS px, of the first of each kind
// of element in the handout.
const sizesJS = `(() => {
  const kinds = { h1: 'h1', h2: 'h2', h3: 'h3', p: 'p', li: 'li', summary: '.summary', label: '.handout-fields label',
    blank: 'textarea.blank', lines: '.lines textarea', legend: 'legend', scale: '.scale-option label', th: 'th', tracker: 'table.tracker textarea', crisis: '.crisis p' };
  const a = document.querySelector('article.handout');
  const out = {};
  for (const [k, sel] of Object.entries(kinds)) {
    const el = a.querySelector(sel);
    if (el) out[k] = parseFloat(getComputedStyle(el).fontSize);
  }
  return out;
})()`;

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const plan = JSON.parse(readFileSync(opts.plan, 'utf8'));
  const browser = new Browser(opts.chromium, opts.profile);
  const results = [];
  try {
    const { send, evaluate, navigate, requests, files } = await openPage(browser);
    const setWidth = (width, height = 900) =>
      send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
    const downloads = join(opts.out, 'downloads');
    // Each download is saved under its GUID, so two saves of one handout
    // never collide.
    await browser.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: downloads, eventsEnabled: true });
    let done = null;
    let suggested = '', guid = '';
    browser.listeners.push((msg) => {
      if (msg.method === 'Browser.downloadWillBegin') { suggested = msg.params.suggestedFilename; guid = msg.params.guid; }
      if (msg.method === 'Browser.downloadProgress' && msg.params.state !== 'inProgress' && done) done(msg.params.state);
    });
    const status = () => evaluate(`(() => { const s = document.querySelector('.answer-status'); return s ? { text: s.textContent, refused: s.classList.contains('refused') } : null; })()`);
    // openFile gives the hidden file input a file, as choosing one does,
    // and waits for the status line to change.
    const openFile = async (path) => {
      await evaluate(`document.querySelector('.answer-status').textContent = ''`);
      const { root } = await send('DOM.getDocument', { depth: 0 });
      const { nodeId } = await send('DOM.querySelector', { nodeId: root.nodeId, selector: '.answer-tools input[type="file"]' });
      await send('DOM.setFileInputFiles', { files: [path], nodeId });
      for (let i = 0; i < 100; i++) {
        const s = await status();
        if (s && s.text) return s;
        await sleep(50);
      }
      return await status();
    };

    for (const [n, pg] of plan.pages.entries()) {
      const t0 = Date.now();
      const res = { file: pg.file, requests: [] };
      await setWidth(1280);
      await navigate(pg.file);
      res.toolsShown = await evaluate(`(() => { const t = document.querySelector('.answer-tools'); return !!t && !t.hidden && t.getBoundingClientRect().height > 0; })()`);
      res.sizes = await evaluate(sizesJS);
      // The reading typeface, loaded from the site's own files.
      res.fonts = await evaluate(`document.fonts.ready.then(() => Array.from(document.fonts).filter(f => f.status === 'loaded').map(f => f.family.replace(/"/g, '') + ' ' + f.weight + ' ' + f.style))`);
      res.fontFiles = files().filter((u) => u.endsWith('.ttf')).map((u) => u.slice(u.lastIndexOf('/') + 1));

      // Type each answer as a client would: focus, then text input events.
      for (const [id, text] of Object.entries(pg.text)) {
        const found = await evaluate(`(() => { const el = document.getElementById(${JSON.stringify(id)}); if (!el) return false; el.focus(); return document.activeElement === el; })()`);
        if (!found) { res.missing = (res.missing || []).concat(id); continue; }
        await send('Input.insertText', { text });
      }
      for (const id of pg.checks) await evaluate(`document.getElementById(${JSON.stringify(id)}).click()`);
      for (const [name, value] of Object.entries(pg.radios)) {
        await evaluate(`document.querySelector('input[type=radio][name=${JSON.stringify(name)}][value=${JSON.stringify(value)}]').click()`);
      }
      res.typed = await evaluate(valuesJS);
      // A field that grows shows all its text on screen: no written field
      // hides text behind a scroll.
      res.clipped = await evaluate(`Array.from(document.querySelectorAll('article.handout textarea')).filter(t => t.scrollHeight > t.clientHeight + 2).map(t => t.id)`);

      const pdf = await send('Page.printToPDF', { paperWidth: 8.5, paperHeight: 11, preferCSSPageSize: true, printBackground: false });
      res.pdf = join(opts.out, `page-${n}.pdf`);
      writeFileSync(res.pdf, Buffer.from(pdf.data, 'base64'));

      // Save my answers: a download the client keeps.
      suggested = ''; guid = '';
      const finished = new Promise((r) => { done = r; });
      await evaluate(`document.querySelector('.answer-tools button[data-action="save"]').click()`);
      res.downloadState = await Promise.race([finished, sleep(15000).then(() => 'timeout')]);
      done = null;
      res.suggested = suggested;
      res.saved = guid ? join(downloads, guid) : '';
      res.savedExists = !!res.saved && existsSync(res.saved) && statSync(res.saved).size > 0;
      res.savedStatus = await status();

      // A fresh page: the answers are gone until the file is opened.
      await navigate(pg.file);
      res.fresh = await evaluate(valuesJS);
      res.opened = res.savedExists ? await openFile(res.saved) : null;
      res.restored = await evaluate(valuesJS);

      // Files that must be refused, each leaving the answers as they are.
      res.refusals = [];
      for (const r of pg.refuse || []) {
        // fromPage names the answers another page saved.
        const file = r.fromPage !== undefined ? results[r.fromPage] && results[r.fromPage].saved : r.file;
        if (!file) { res.refusals.push({ name: r.name, status: null, unchanged: false }); continue; }
        const before = JSON.stringify(await evaluate(valuesJS));
        const s = await openFile(file);
        const after = JSON.stringify(await evaluate(valuesJS));
        res.refusals.push({ name: r.name, status: s, unchanged: before === after });
      }

      res.tracker = [];
      for (const w of [320, 375]) {
        await setWidth(w, 800);
        res.tracker.push(await evaluate(trackerJS));
      }
      res.requests = requests();
      res.ms = Date.now() - t0;
      results.push(res);
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify({ pages: results }, null, 1) + '\n');
}

main().catch((err) => {
  console.error(String(err && err.stack || err));
  process.exit(1);
});
