// A citizen registers on a phone, lands on the profile, logs out and logs
// back in with the phone number. Runs against a real server started with
// --demo (see scripts/e2e.sh): the demo seed has "Phường An Biên".
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, assertNoHorizontalScroll, openPhone, screenshot, step } from './browser.mjs';

// A fresh identity per run, so the test also passes against a server that
// already has earlier runs' accounts. The CCCD must agree with the birth
// date and gender: 089 (An Giang) + 0 (male, 19xx) + 90 (1990) + 6 digits.
const suffix = String(Date.now()).slice(-6);
const person = {
  fullName: 'Nguyễn Văn Kiểm Thử',
  day: '15',
  month: '5',
  year: '1990',
  phone: `097${String(Date.now()).slice(-7)}`,
  cccd: `089090${suffix}`,
  email: `kiemthu${suffix}@example.com`,
  address: 'Số 1 đường Trần Hưng Đạo, Phường An Biên',
  password: 'matkhau-kiem-thu',
};

// The label is "Mật khẩu*"; the other password boxes and the "show
// password" box have longer labels.
const PASSWORD = /^Mật khẩu[\s*]*$/;

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
    await page.getByLabel('Họ và tên').fill(person.fullName);
    await page.getByLabel('Ngày', { exact: true }).selectOption(person.day);
    await page.getByLabel('Tháng', { exact: true }).selectOption(person.month);
    await page.getByLabel('Năm', { exact: true }).selectOption(person.year);
    await page.getByLabel('Nam', { exact: true }).check();
    await page.getByLabel('Số điện thoại').fill(person.phone);
    await page.getByLabel('Số CCCD').fill(person.cccd);

    // Typed without diacritics: the server folds them away.
    const unit = page.getByRole('combobox', { name: 'Đơn vị' });
    await unit.click();
    await unit.pressSequentially('phuong an bien', { delay: 20 });
    const option = page.getByRole('option', { name: /^Phường An Biên/ });
    await option.first().waitFor();
    await option.first().tap();
    await page.getByText('Đã chọn: Phường An Biên').waitFor();

    await page.getByLabel('Nghề nghiệp / đối tượng').selectOption('citizen');
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Địa chỉ').fill(person.address);
    await page.getByLabel(PASSWORD).fill(person.password);
    await page.getByLabel('Nhập lại mật khẩu').fill(person.password);
    await assertNoHorizontalScroll(page, assert);
    await screenshot(page, 'register-filled');
  });

  await step(page, 'submit', async () => {
    await page.getByRole('button', { name: 'Đăng ký' }).click();
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
    await page.getByLabel('Số điện thoại hoặc số CCCD').fill(person.phone);
    await page.getByLabel(PASSWORD).fill(person.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/me');
    await page.getByRole('heading', { name: person.fullName }).waitFor();
  });

  assert.deepEqual(phone.problems, [], 'the page logged errors');
});
