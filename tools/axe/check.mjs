// check.mjs drives headless Chromium over the Chrome DevTools Protocol (on a
// pipe: no port, no network) and checks pages of a built Between site:
//
//   - axe-core with the WCAG 2.2 A and AA rules, at 1280 px and at 320 px;
//   - reflow: at 320 CSS px neither the page nor a box in it scrolls
//     sideways (a 7-day tracker turns its days into rows);
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

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import { Browser, openPage } from './cdp.mjs';

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

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const browser = new Browser(opts.chromium, opts.profile);
  const results = [];
  try {
    const { send, evaluate, requests, navigate } = await openPage(browser);
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
      await setWidth(1280);
      await navigate(file);
      const page = { file, violations: [], reflow: null, requests: [], styled: false };
      page.styled = await evaluate(`document.styleSheets.length > 0 && getComputedStyle(document.body).marginTop === '0px'`);
      page.violations.push(...(await runAxe()).map((v) => ({ ...v, width: 1280 })));
      await setWidth(320, 640);
      page.reflow = await evaluate(`(() => {
        const w = document.documentElement.clientWidth, sw = document.documentElement.scrollWidth;
        const name = (el) => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '');
        const wide = [];
        let hidden = false;
        for (const el of document.body.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (sw > w && r.right > w + 1 && wide.length < 5) wide.push(name(el) + ' ' + Math.round(r.right));
          // Content scrolled sideways inside a box is hidden as well.
          if (el.clientWidth > 1 && getComputedStyle(el).overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) {
            hidden = true;
            if (wide.length < 5) wide.push(name(el) + ' scrolls inside: ' + el.scrollWidth + ' > ' + el.clientWidth);
          }
        }
        return { width: w, scrollWidth: sw, ok: sw <= w && !hidden, wide };
      })()`);
      page.violations.push(...(await runAxe()).map((v) => ({ ...v, width: 320 })));
      page.requests = requests();
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
