// Shared setup for the browser tests: Debian's Chromium driven by
// playwright-core (no browser download), a phone-sized context, and a
// screenshot into test-results/ when a step fails.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
export const RESULTS_DIR = path.resolve(process.env.TEST_RESULTS_DIR ?? 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A cheap Android phone: 360×740 CSS pixels, touch, 2× density. */
export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/**
 * openPhone starts Chromium with a fresh profile (so no state leaks between
 * runs) and returns its page and a close function.
 */
export async function openPhone(lang = 'vi') {
  const profile = await mkdtemp(path.join(tmpdir(), 'hoithi-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
    ...PHONE,
    locale: lang === 'vi' ? 'vi-VN' : 'en-GB',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    // Failed requests are reported below with their address instead.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${msg.text()}`);
    }
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} ${res.request().method()} ${res.url()}`);
  });
  return {
    page,
    problems,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * usePhone opens a phone before the file's tests and closes it after them;
 * given dirPrefix, also a scratch directory for downloads, removed after.
 * Read .phone and .dir inside a test (they are set by then).
 */
export function usePhone(dirPrefix) {
  const run = { phone: undefined, dir: undefined };
  before(async () => {
    run.phone = await openPhone();
    if (dirPrefix) run.dir = await mkdtemp(path.join(tmpdir(), dirPrefix));
  });
  after(async () => {
    await run.phone?.close();
    if (run.dir) await rm(run.dir, { recursive: true, force: true });
  });
  return run;
}

/**
 * phoneOpener returns openPhone for a file whose tests open phones as they
 * go: each phone it opens is closed after the file's tests.
 */
export function phoneOpener() {
  const opened = [];
  after(async () => {
    for (const p of opened) await p.close();
  });
  return async (lang) => {
    const p = await openPhone(lang);
    opened.push(p);
    return p;
  };
}

/**
 * download clicks the button named button and waits for what it downloads:
 * saved into dir under its suggested name, or else left where the browser
 * put it. Returns that name and the file.
 */
export async function download(page, button, dir) {
  const [got] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const name = got.suggestedFilename();
  if (!dir) return { name, file: await got.path() };
  const file = path.join(dir, name);
  await got.saveAs(file);
  return { name, file };
}

/** screenshot saves a full-page PNG under test-results/ and returns its path. */
export async function screenshot(page, name) {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * step runs one named part of a scenario; on failure it saves a screenshot
 * and says where, so a red CI run shows what the phone showed.
 */
export async function step(page, name, fn) {
  try {
    return await fn();
  } catch (err) {
    const file = await screenshot(page, `failure-${name}`).catch(() => '(no screenshot)');
    err.message = `${name}: ${err.message}\nscreenshot: ${file}\nurl: ${page.url()}`;
    throw err;
  }
}

/** noHorizontalScroll fails when the page is wider than the phone. */
export async function assertNoHorizontalScroll(page, assert) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `page is ${scroll}px wide on a ${client}px screen`);
}

/**
 * call makes one JSON API request as a test's setup does (not the step under
 * test): token may be null; a non-2xx answer throws with its body.
 */
export async function call(method, url, token, body) {
  const res = await fetch(BASE_URL + url, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
