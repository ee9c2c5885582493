// People the browser tests create: a fresh citizen per run (so tests also
// pass against a server that keeps earlier runs' accounts), the steps of
// the registration form, shared by the registration and quiz scenarios,
// and the demo organizers' way in.
import assert from 'node:assert/strict';
import { BASE_URL, assertNoHorizontalScroll, call } from './browser.mjs';

/** The demo organizer seeded by `server serve --demo`. */
export const ORGANIZER = { phone: '0901000001', password: 'hoithi-demo' };

/**
 * The demo organizer of Khu phố 1, a grass-roots unit of Phường An Biên:
 * reports its own figures for the ward's contests ("report" access).
 */
export const UNIT_ORGANIZER = { phone: '0901000003', password: 'hoithi-demo', unit: 'Khu phố 1' };

/** The password box's label is "Mật khẩu*"; the other password boxes have longer labels. */
export const PASSWORD = /^Mật khẩu[\s*]*$/;

let made = 0;

/**
 * newCitizen returns a person nobody registered yet. The CCCD must agree
 * with the birth date and gender: 089 (An Giang) + 0 (male, 19xx) + 90
 * (1990) + 6 digits; the phone is a Viettel 097 number.
 */
export function newCitizen(fullName = 'Nguyễn Văn Kiểm Thử') {
  const n = String(Date.now() * 10 + (made++ % 10)).slice(-7);
  return {
    fullName,
    day: '15',
    month: '5',
    year: '1990',
    phone: `097${n}`,
    cccd: `089090${n.slice(-6)}`,
    email: `kiemthu${n}@example.com`,
    address: 'Số 1 đường Trần Hưng Đạo, Phường An Biên',
    password: 'matkhau-kiem-thu',
  };
}

/** fillRegistration fills the open /register form for person (unit: Phường An Biên). */
export async function fillRegistration(page, person) {
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
}

/** submitRegistration sends the form; the app then goes where ?next= says. */
export async function submitRegistration(page) {
  await page.getByRole('button', { name: 'Đăng ký' }).click();
}

/** logIn fills the open /login form. */
export async function logIn(page, who) {
  await page.getByLabel('Số điện thoại hoặc số CCCD').fill(who.phone);
  await page.getByLabel(PASSWORD).fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** openOrgContests logs an organizer in and follows "Quản lý" to their contests. */
export async function openOrgContests(page, who) {
  await page.goto(BASE_URL + '/login');
  await logIn(page, who);
  await page.waitForURL('**/me');
  await page.getByRole('link', { name: 'Quản lý', exact: true }).click();
  await page.waitForURL('**/org/contests');
}

/** openContestRounds logs an organizer in and opens a quiz contest's rounds tab. */
export async function openContestRounds(page, who, contestId) {
  await openOrgContests(page, who);
  await page.goto(`${BASE_URL}/org/contests/${contestId}`);
  await page.getByRole('tab', { name: /Đợt thi/ }).click();
}

/** apiLogin logs who in through the API (a test's setup) and returns the access token. */
export async function apiLogin(who) {
  return (await call('POST', '/api/v1/auth/login', null, { login: who.phone, password: who.password })).accessToken;
}

/** demoUnits returns the demo units as token sees them, by code; a missing one fails the test. */
export async function demoUnits(token) {
  const units = (await call('GET', '/api/v1/org/units', token)).units;
  return (code) => units.find((u) => u.code === code) ?? assert.fail(`demo unit ${code} missing`);
}
