// check.mjs drives headless Chromium over the Chrome DevTools Protocol (on a
// pipe: no port, no network) and checks pages of a built Between site:
//
//   - axe-core with the WCAG 2.2 A and AA rules, at 1280 px and at 320 px;
//   - reflow: at 320 CSS px the page must not scroll sideways;
//   - no request leaves the site folder (only file: URLs are loaded);
//   - the stylesheet loaded.
//
// Usage:
//   node check.mjs --chromium /usr/bin/chromium --profile DIR FILE.html...
//   node check.mjs --chromium /usr/bin/chromium --profile DIR --shots OUTDIR FILE.html...
//
// It prints one JSON object: {"pages": [{"file", "violations", "reflow",
// "requests", "styled"}]}. With --shots it also writes, per page, PNG
// screenshots at 1024 px and 320 px and a print PDF (Letter) to OUTDIR.
// The exit status is 0 when the run worked, whatever it found; the Go test
// judges the findings.

import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

function parseArgs(argv) {
  const opts = { files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--chromium') opts.chromium = argv[++i];
    else if (a === '--profile') opts.profile = argv[++i];
    else if (a === '--shots') opts.shots = argv[++i];
    else opts.files.push(resolve(a));
  }
  if (!opts.chromium || !opts.profile || opts.files.length === 0) {
    console.error('usage: node check.mjs --chromium PATH --profile DIR [--shots DIR] FILE.html...');
    process.exit(2);
  }
  return opts;
}

// Browser is a CDP connection over --remote-debugging-pipe (fd 3 and 4).
class Browser {
  constructor(path, profile) {
    this.proc = spawn(path, [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-extensions', '--disable-default-apps', '--mute-audio', '--hide-scrollbars',
      '--allow-file-access-from-files',
      `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank',
    ], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.proc.stderr.on('data', (d) => { this.stderr = (this.stderr + d).slice(-4000); });
    this.out = this.proc.stdio[3];
    this.in = this.proc.stdio[4];
    this.id = 0;
    this.pending = new Map();
    this.listeners = [];
    let buf = Buffer.alloc(0);
    this.in.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      let end;
      while ((end = buf.indexOf(0)) >= 0) {
        const msg = JSON.parse(buf.subarray(0, end).toString('utf8'));
        buf = buf.subarray(end + 1);
        this.dispatch(msg);
      }
    });
    this.proc.on('exit', (code) => {
      for (const { reject } of this.pending.values()) reject(new Error(`chromium exited (${code}): ${this.stderr}`));
      this.pending.clear();
    });
  }

  dispatch(msg) {
    if (msg.id !== undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
      else p.resolve(msg.result);
      return;
    }
    for (const l of this.listeners) l(msg);
  }

  send(method, params = {}, sessionId) {
    const id = ++this.id;
    const msg = { id, method, params };
    if (sessionId) msg.sessionId = sessionId;
    return new Promise((resolveP, reject) => {
      this.pending.set(id, { resolve: resolveP, reject, method });
      this.out.write(JSON.stringify(msg) + '\0');
    });
  }

  waitFor(method, sessionId, timeoutMs = 30000) {
    return new Promise((resolveP, reject) => {
      const timer = setTimeout(() => { done(); reject(new Error(`timed out waiting for ${method}`)); }, timeoutMs);
      const l = (msg) => {
        if (msg.method === method && msg.sessionId === sessionId) { done(); resolveP(msg.params); }
      };
      const done = () => { clearTimeout(timer); this.listeners = this.listeners.filter((x) => x !== l); };
      this.listeners.push(l);
    });
  }

  async close() {
    try { await this.send('Browser.close'); } catch { /* already gone */ }
    this.proc.kill();
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const browser = new Browser(opts.chromium, opts.profile);
  const results = [];
  try {
    const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
    const send = (m, p) => browser.send(m, p, sessionId);
    await send('Page.enable');
    await send('Network.enable');
    let requests = [];
    browser.listeners.push((msg) => {
      if (msg.sessionId === sessionId && msg.method === 'Network.requestWillBeSent') requests.push(msg.params.request.url);
    });
    const evaluate = async (expression) => {
      const r = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
      if (r.exceptionDetails) throw new Error(`evaluate: ${JSON.stringify(r.exceptionDetails).slice(0, 500)}`);
      return r.result.value;
    };
    const setWidth = (width, height = 900) =>
      send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
    const runAxe = () => evaluate(`(async () => {
      if (!window.axe) { ${axeSource}\n }
      const r = await axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} }, resultTypes: ['violations'] });
      return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map(n => ({ target: n.target.join(' '), summary: n.failureSummary })) }));
    })()`);

    for (const file of opts.files) {
      const t0 = Date.now();
      requests = [];
      await setWidth(1280);
      const loaded = browser.waitFor('Page.loadEventFired', sessionId);
      await send('Page.navigate', { url: pathToFileURL(file).href });
      await loaded;
      const page = { file, violations: [], reflow: null, requests: [], styled: false };
      page.styled = await evaluate(`document.styleSheets.length > 0 && getComputedStyle(document.body).marginTop === '0px'`);
      page.violations.push(...(await runAxe()).map((v) => ({ ...v, width: 1280 })));
      await setWidth(320, 640);
      page.reflow = await evaluate(`(() => {
        const w = document.documentElement.clientWidth, sw = document.documentElement.scrollWidth;
        const wide = [];
        if (sw > w) {
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.right > w + 1 && wide.length < 5) wide.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' ' + Math.round(r.right));
          }
        }
        return { width: w, scrollWidth: sw, ok: sw <= w, wide };
      })()`);
      page.violations.push(...(await runAxe()).map((v) => ({ ...v, width: 320 })));
      page.requests = requests.filter((u) => !u.startsWith('file:'));
      if (opts.shots) await shoot(send, evaluate, setWidth, file, opts.shots);
      page.ms = Date.now() - t0;
      results.push(page);
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify({ pages: results }, null, 1) + '\n');
}

// shoot writes full-page screenshots at 1024 and 320 px, and a print PDF.
async function shoot(send, evaluate, setWidth, file, dir) {
  const name = basename(dirname(file)) + '-' + basename(file, '.html');
  for (const width of [1024, 320]) {
    await setWidth(width, 800);
    const height = await evaluate('Math.ceil(document.documentElement.scrollHeight)');
    await setWidth(width, Math.min(height, 16000));
    // Narrow pages are long: cut them into pieces that stay legible.
    const piece = width < 500 ? 1000 : 16000;
    for (let y = 0, i = 0; y < height; y += piece, i++) {
      const clip = { x: 0, y, width, height: Math.min(piece, height - y), scale: 1 };
      const shot = await send('Page.captureScreenshot', { format: 'png', clip, captureBeyondViewport: true });
      const suffix = piece < height ? `-${i + 1}` : '';
      writeFileSync(`${dir}/${name}-${width}${suffix}.png`, Buffer.from(shot.data, 'base64'));
    }
  }
  await send('Emulation.clearDeviceMetricsOverride');
  const pdf = await send('Page.printToPDF', { paperWidth: 8.5, paperHeight: 11, preferCSSPageSize: true });
  writeFileSync(`${dir}/${name}.pdf`, Buffer.from(pdf.data, 'base64'));
}

main().catch((err) => {
  console.error(String(err && err.stack || err));
  process.exit(1);
});
