// cdp.mjs: headless Chromium driven over the Chrome DevTools Protocol on a
// pipe (--remote-debugging-pipe: no port, no network), for the browser
// tests of worksheet/site (check.mjs: axe-core; fill.mjs: fill, print,
// save and reopen a handout).

import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export // Browser is a CDP connection over --remote-debugging-pipe (fd 3 and 4).
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

// openPage opens a tab and returns helpers bound to it: send (a CDP
// command), evaluate (an expression's value, awaiting promises), navigate
// (to a local file, waiting for its load event), requests (the URLs the
// page asked for since the last navigate that are not file: URLs) and
// files (those that are).
export async function openPage(browser) {
  const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
  const send = (m, p) => browser.send(m, p, sessionId);
  await send('Page.enable');
  await send('Network.enable');
  const seen = [];
  browser.listeners.push((msg) => {
    if (msg.sessionId === sessionId && msg.method === 'Network.requestWillBeSent') seen.push(msg.params.request.url);
  });
  const evaluate = async (expression) => {
    const r = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(`evaluate: ${JSON.stringify(r.exceptionDetails).slice(0, 500)}`);
    return r.result.value;
  };
  const navigate = async (file) => {
    seen.length = 0;
    const loaded = browser.waitFor('Page.loadEventFired', sessionId);
    await send('Page.navigate', { url: file.startsWith('file:') ? file : pathToFileURL(file).href });
    await loaded;
  };
  const requests = () => seen.filter((u) => !u.startsWith('file:'));
  const files = () => seen.filter((u) => u.startsWith('file:'));
  return { send, evaluate, navigate, requests, files, sessionId };
}
