// A phone stays logged in for the whole contest: the app rotates its
// 15-minute access token by itself, before it expires while the page is
// open, and when a stale or refused token meets the server. Runs against a
// real server started with --demo (see scripts/e2e.sh).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, openPhone, step } from './browser.mjs';
import { fillRegistration, newCitizen, submitRegistration } from './people.mjs';

const person = newCitizen('Trần Thị Phiên Dài');

let phone;
before(async () => {
  phone = await openPhone();
});
after(async () => {
  await phone?.close();
});

const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('hoithi.auth') ?? 'null'));

test('the access token is refreshed silently; the person never sees the login page', async () => {
  const { page } = phone;
  const refreshes = [];
  page.on('request', (req) => {
    if (req.url().endsWith('/api/v1/auth/refresh')) refreshes.push(req.url());
  });

  await step(page, 'register', async () => {
    await page.goto(BASE_URL + '/register');
    await fillRegistration(page, person);
    await submitRegistration(page);
    await page.waitForURL('**/me');
    await page.getByRole('heading', { name: person.fullName }).waitFor();
  });

  await step(page, 'rotated-before-expiry-while-open', async () => {
    // The token expires in 62 s: the app rotates it a minute ahead, so
    // within a few seconds and with no action from the person.
    const before = await stored(page);
    await page.evaluate(() => {
      const t = JSON.parse(localStorage.getItem('hoithi.auth'));
      t.expiresAt = Date.now() + 62_000;
      localStorage.setItem('hoithi.auth', JSON.stringify(t));
    });
    await page.reload();
    await page.getByRole('heading', { name: person.fullName }).waitFor();
    await page.waitForFunction((old) => {
      const t = JSON.parse(localStorage.getItem('hoithi.auth') ?? 'null');
      return t && t.refreshToken !== old && t.expiresAt > Date.now() + 10 * 60_000;
    }, before.refreshToken, { timeout: 15_000 });
    assert.ok(refreshes.length >= 1, 'no refresh request was sent');
    assert.match(page.url(), /\/me$/);
  });

  await step(page, 'refused-token-refreshed-once', async () => {
    // A token the server refuses (as after its 15 minutes in a phone that
    // slept): the next request is answered 401, the app rotates once and
    // retries, and the profile shows.
    const n = refreshes.length;
    const before = await stored(page);
    await page.evaluate(() => {
      const t = JSON.parse(localStorage.getItem('hoithi.auth'));
      t.accessToken = t.accessToken.slice(0, -4) + 'AAAA';
      localStorage.setItem('hoithi.auth', JSON.stringify(t));
    });
    await page.reload();
    await page.getByRole('heading', { name: person.fullName }).waitFor();
    assert.match(page.url(), /\/me$/, 'sent to the login page');
    const after = await stored(page);
    assert.notEqual(after.refreshToken, before.refreshToken, 'the refresh token was not rotated');
    assert.equal(refreshes.length, n + 1, 'one refresh, not more');
  });

  // The refused token's requests were answered 401 before the refresh.
  const unexpected = phone.problems.filter((p) => !/^HTTP 401 GET .*\/api\/v1\/me(\/[a-z]+)?$/.test(p));
  assert.deepEqual(unexpected, [], 'the page logged errors');
});
