// The slow phone of issue "the citizen's phone", for phone.test.mjs: CPU
// 4× slower and a 400 ms / 50 KB/s network set through the Chrome DevTools
// Protocol, a meter of the bytes that came over the network, axe-core run
// in the page, the text-size and tap-target checks, and a small static
// server to play two builds of the app one after the other.
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The phone profile of the issue: 400 ms latency, 51,200 B/s each way, CPU 4× slower. */
export const SLOW_3G = { latency: 400, downloadThroughput: 51_200, uploadThroughput: 51_200 };
export const CPU_SLOWDOWN = 4;

/**
 * slowPhone opens a DevTools session on the page and returns controls: throttle() and
 * unthrottle(), coldCache() (the HTTP cache emptied), and a byte meter.
 */
export async function slowPhone(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const bytes = new Map(); // requestId → bytes on the wire, headers included
  const urls = new Map();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
  return {
    async throttle() {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_3G });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    },
    async unthrottle() {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    },
    async coldCache() {
      await cdp.send('Network.clearBrowserCache');
    },
    /** meter starts counting; the function it returns says the bytes and requests since. */
    meter() {
      bytes.clear();
      urls.clear();
      return () => {
        const files = [...bytes].map(([id, n]) => ({ url: urls.get(id) ?? id, bytes: n }));
        return { total: files.reduce((s, f) => s + f.bytes, 0), files };
      };
    },
  };
}

/** timeTo runs the navigation and returns the ms until ready() resolves. */
export async function timeTo(navigate, ready) {
  const start = Date.now();
  await navigate();
  await ready();
  return Date.now() - start;
}

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axeProblems runs axe-core in the page and returns its serious and critical
 * violations as readable lines. The source is evaluated through DevTools, which
 * the page's Content-Security-Policy (script-src 'self') does not govern.
 */
export async function axeProblems(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const violations = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations));
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/**
 * readabilityProblems lists visible text under 14 px and visible tap targets
 * (links, buttons, summaries, form controls' labels) under 44 px.
 */
export async function readabilityProblems(page) {
  return page.evaluate(() => {
    const out = [];
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 2 && r.height > 2 && s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('[aria-hidden="true"], .visually-hidden');
    };
    const describe = (el) => `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}> "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const small = new Set();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || small.has(el) || !visible(el)) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < 13.99) {
        small.add(el);
        out.push(`text ${px.toFixed(1)} px: ${describe(el)}`);
      }
    }
    for (const el of document.querySelectorAll('a[href], button, summary, select, input:not([type="checkbox"]):not([type="radio"]), label.choice')) {
      if (!visible(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.height < 43.5 || r.width < 43.5) out.push(`tap target ${Math.round(r.width)}×${Math.round(r.height)} px: ${describe(el)}`);
    }
    return out;
  });
}

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.json': 'application/json' };

/**
 * appServer serves a built app from a folder that can be switched (build A,
 * then build B) and forwards /api to the real server, on its own origin so
 * its service worker starts from nothing. Returns { url, use(dir), close() }.
 */
export async function appServer(apiBase) {
  let root = '';
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      if (url.pathname.startsWith('/api/')) {
        const chunks = [];
        for await (const c of req) chunks.push(c);
        const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks);
        const headers = { ...req.headers };
        for (const h of ['host', 'accept-encoding', 'connection', 'content-length']) delete headers[h];
        const up = await fetch(apiBase + req.url, { method: req.method, headers, body });
        const out = {};
        up.headers.forEach((v, k) => {
          if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(k)) out[k] = v;
        });
        res.writeHead(up.status, out).end(Buffer.from(await up.arrayBuffer()));
        return;
      }
      let file = path.join(root, path.normalize(url.pathname).replace(/^(\.\.[/\\])+/, ''));
      const isFile = await stat(file).then((s) => s.isFile(), () => false);
      if (!isFile) {
        if (url.pathname.startsWith('/assets/')) return void res.writeHead(404, { 'cache-control': 'no-store' }).end();
        file = path.join(root, 'index.html');
      }
      const cache = url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
      res.end(await readFile(file));
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    use(dir) {
      root = dir;
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}
