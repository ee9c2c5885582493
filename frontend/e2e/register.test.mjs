// A citizen registers on a phone, lands on the profile, logs out and logs
// back in with the phone number. Runs against a real server started with
// --demo (see scripts/e2e.sh): the demo seed has "Phường An Biên".
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, assertNoHorizontalScroll, openPhone, screenshot, step } from './browser.mjs';
import { fillRegistration, logIn, newCitizen, submitRegistration } from './people.mjs';

const person = newCitizen();

let phone;
before(async () => {
  phone = await openPhone();
});
after(async () => {
  await phone?.close();
});

test('register, log out, log in again with the phone number', async () => {
  const { page } = phone;

  await step(page, 'landing', async () => {
    await page.goto(BASE_URL + '/');
    await page.getByRole('link', { name: 'Đăng ký', exact: true }).first().click();
    await page.waitForURL('**/register');
    await page.getByRole('heading', { name: 'Đăng ký tài khoản' }).waitFor();
  });

  await step(page, 'fill-form', async () => {
    await fillRegistration(page, person);
    await screenshot(page, 'register-filled');
  });

  await step(page, 'submit', async () => {
    await submitRegistration(page);
    await page.waitForURL('**/me');
    await page.getByRole('heading', { name: person.fullName }).waitFor();
    await page.getByText('Phường An Biên').first().waitFor();
    await assertNoHorizontalScroll(page, assert);
    await screenshot(page, 'profile');
  });

  await step(page, 'logout', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL('**/login');
    const stored = await page.evaluate(() => localStorage.getItem('hoithi.auth'));
    assert.equal(stored, null, 'tokens must be gone after logout');
  });

  await step(page, 'login', async () => {
    await logIn(page, person);
    await page.waitForURL('**/me');
    await page.getByRole('heading', { name: person.fullName }).waitFor();
  });

  assert.deepEqual(phone.problems, [], 'the page logged errors');
});
