// The registration form shows the password rule, and a password the server
// refuses (a common one, or the person's own birth date) comes back on the
// password field; a good one registers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, step, usePhone } from './browser.mjs';
import { PASSWORD, fillRegistration, newCitizen, submitRegistration } from './people.mjs';

const run = usePhone();

test('registration refuses a common password and the birth date, on the password field', async () => {
  const { phone } = run;
  const { page } = phone;
  const person = newCitizen('Trần Thị Mật Khẩu');

  await step(page, 'rule-shown', async () => {
    await page.goto(BASE_URL + '/register');
    await page.getByText('không dùng số điện thoại, số CCCD, ngày sinh của bạn hay mật khẩu phổ biến').waitFor();
  });

  await step(page, 'fill', async () => {
    await fillRegistration(page, { ...person, password: '12345678' });
  });

  for (const [bad, message] of [
    ['12345678', 'Mật khẩu này quá phổ biến'],
    ['15/05/1990', 'không được chứa số điện thoại, số CCCD hay ngày sinh'],
  ]) {
    await step(page, `refused-${bad.replaceAll('/', '-')}`, async () => {
      await page.getByLabel(PASSWORD).fill(bad);
      await page.getByLabel('Nhập lại mật khẩu').fill(bad);
      await submitRegistration(page);
      const field = page.getByLabel(PASSWORD);
      await page.getByText(message).first().waitFor();
      assert.equal(await field.getAttribute('aria-invalid'), 'true', 'the password field is marked');
      assert.ok(page.url().endsWith('/register'), 'still on the form');
    });
  }

  await step(page, 'accepted', async () => {
    await page.getByLabel(PASSWORD).fill('mùa thu Hà Nội');
    await page.getByLabel('Nhập lại mật khẩu').fill('mùa thu Hà Nội');
    await submitRegistration(page);
    await page.waitForURL('**/me');
  });

  assert.deepEqual(
    phone.problems.filter((p) => !p.includes('HTTP 400 POST') && !p.includes('400 (Bad Request)')),
    [],
    'the page logged errors',
  );
});
