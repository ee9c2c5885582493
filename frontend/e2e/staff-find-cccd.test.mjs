// The staff screen finds an existing person by the last four digits of
// their CCCD (the organizer has them from the person on the telephone),
// though only the masked CCCD is shown anywhere. The citizen registers
// through the API (registration has its own browser test).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, call, phoneOpener, step } from './browser.mjs';
import { ORGANIZER, apiLogin, demoUnits, logIn, newCitizen } from './people.mjs';


const openPhone = phoneOpener();

test('an organizer finds a person by the last 4 digits of their CCCD', async () => {
  const token = await apiLogin(ORGANIZER);
  const unit = await demoUnits(token);
  const kp1 = unit('AB-KP1');
  const p = newCitizen('Hoàng Thị Bốn Số');
  // Four last digits that are in neither the phone nor the masked CCCD.
  let last4 = p.cccd.slice(-4);
  for (let k = 1; p.phone.includes(last4) || p.cccd.slice(0, 3).includes(last4); k++) {
    last4 = String((Number(p.cccd.slice(-4)) + 1234 * k) % 10000).padStart(4, '0');
  }
  p.cccd = p.cccd.slice(0, 8) + last4;
  await call('POST', '/api/v1/auth/register', null, {
    fullName: p.fullName, birthDate: `${p.year}-05-${p.day}`, gender: 'male', phone: p.phone, cccd: p.cccd,
    unitId: kp1.id, occupation: 'citizen', email: p.email, address: p.address, password: p.password,
  });

  const ph = await openPhone();
  const { page } = ph;
  await step(page, 'staff-find-by-cccd-tail', async () => {
    await page.goto(BASE_URL + '/login');
    await logIn(page, ORGANIZER);
    await page.waitForURL('**/me');
    await page.goto(BASE_URL + '/org/staff');
    await page.getByLabel('Tìm theo tên, số điện thoại hoặc 4 số cuối CCCD').fill(last4);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('button', { name: `Giao vai trò cho ${p.fullName}` }).waitFor();
    assert.equal(await page.getByText(p.cccd).count(), 0, 'the whole CCCD is never shown');
  });
});
