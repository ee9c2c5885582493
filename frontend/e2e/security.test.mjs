// Someone tries a wrong password on the Khu phố 1 organizer's phone; the
// province organizer opens "Bảo mật" and sees the try listed under the
// unit, the account as a code, never the phone number.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, assertNoHorizontalScroll, screenshot, step, usePhone } from './browser.mjs';
import { ORGANIZER, UNIT_ORGANIZER, logIn, openOrgContests } from './people.mjs';

const run = usePhone();

test('organizer sees recent failed logins of their units', async () => {
  const { phone } = run;
  const { page } = phone;

  await step(page, 'wrong-password', async () => {
    await page.goto(BASE_URL + '/login');
    await logIn(page, { phone: UNIT_ORGANIZER.phone, password: 'khong-dung-mat-khau' });
    await page.getByText('Số điện thoại/CCCD hoặc mật khẩu không đúng').first().waitFor();
  });

  await step(page, 'security-view', async () => {
    await openOrgContests(page, ORGANIZER);
    await page.getByRole('link', { name: 'Bảo mật', exact: true }).click();
    await page.waitForURL('**/org/security');
    await page.getByRole('heading', { name: 'Đăng nhập sai gần đây' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Khu phố 1' });
    await row.first().waitFor();
    const text = await row.first().innerText();
    assert.match(text, /[0-9a-f]{16}/, 'the account is shown as its code');
    assert.ok(!text.includes('0901000003') && !text.includes('901000003'), 'the phone number is not shown');
    await assertNoHorizontalScroll(page, assert);
    await screenshot(page, 'org-security');
  });

  // The one wrong password is the only problem the page may have logged.
  assert.deepEqual(
    phone.problems.filter((p) => !p.includes('HTTP 401 POST') && !p.includes('401 (Unauthorized)')),
    [],
    'the page logged errors',
  );
});
