// A ward essay contest run from the browser alone, against
// `server serve --demo` (scripts/e2e.sh): the demo organizer of Phường An
// Biên creates the staff (three judges and a secretary, each with the
// generated first password they then log in with), the contest with the
// ward preset, and runs it with them to the end. Only the citizens who
// submit are made through the API (registration has its own test).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, openPhone, screenshot, step } from './browser.mjs';
import { ORGANIZER, logIn } from './people.mjs';

const suffix = String(Date.now()).slice(-6);
const n = (i) => `${suffix.slice(-5)}${i}`;
/** Staff made in the UI: a fresh phone per run. */
const JUDGES = ['Trần Thị Giám', 'Phạm Văn Khảo', 'Lê Thị Chấm'].map((fullName, i) => ({ fullName, phone: `096${n(i)}0` }));
const SECRETARY = { fullName: 'Võ Thị Thư Ký', phone: `096${n(7)}0` };
const WARD = 'Phường An Biên';

const pages = [];
async function browser() {
  const p = await openPhone();
  pages.push(p);
  return p.page;
}
after(async () => {
  for (const p of pages) await p.close();
});

/** logInAt opens /login, logs who in and waits for the profile page. */
async function logInAt(page, who) {
  await page.goto(BASE_URL + '/login');
  await logIn(page, who);
  await page.waitForURL('**/me');
}

/** selectByText picks the option of the select labelled label whose text is text. */
async function selectByText(page, label, text) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  assert.ok(value, `no option "${text}" in "${label}"`);
  await select.selectOption(value);
}

let org;

test('staff are created and granted from the staff screen; judges log in with the first password', async () => {
  org = await browser();
  await step(org, 'staff-created', async () => {
    await logInAt(org, ORGANIZER);
    await org.getByRole('link', { name: 'Quản lý', exact: true }).click();
    await org.getByRole('link', { name: 'Người dùng / Ban giám khảo' }).click();
    await org.waitForURL('**/org/staff');
    for (const person of [...JUDGES, SECRETARY]) {
      await org.getByLabel(/^Họ và tên\*?$/).fill(person.fullName);
      await org.getByLabel(/^Số điện thoại\*?$/).fill(person.phone);
      await selectByText(org, 'Đơn vị công tác', WARD);
      await org.getByLabel('Vai trò', { exact: true }).first().selectOption({ label: person === SECRETARY ? 'Thư ký' : 'Giám khảo' });
      await selectByText(org, 'Phạm vi vai trò (đơn vị và các đơn vị trực thuộc)', WARD);
      await org.getByRole('button', { name: 'Tạo tài khoản' }).click();
      await org.getByText(`Đã tạo tài khoản cho ${person.fullName}.`).waitFor();
      person.password = (await org.getByTestId('first-password').innerText()).trim();
      assert.match(person.password, /^[a-z2-9]{10}$/, 'a generated first password is shown');
      await org.getByRole('button', { name: 'Đã ghi lại, ẩn mật khẩu' }).click();
      assert.equal(await org.getByTestId('first-password').count(), 0, 'the password is shown once');
    }
    // The list names each person's role and unit, never an ID.
    const row = org.getByRole('row', { name: new RegExp(JUDGES[0].fullName) });
    await row.getByText('Giám khảo — Phường An Biên').waitFor();
    await org.getByRole('row', { name: new RegExp(SECRETARY.fullName) }).getByText('Thư ký — Phường An Biên').waitFor();
    assert.doesNotMatch(await org.locator('main, body').first().innerText(), /\b[a-z0-9]{16}\b/, 'no internal IDs on the staff screen');

    // Revoking asks first; a refused confirmation changes nothing.
    org.once('dialog', (d) => d.dismiss());
    await org.getByRole('button', { name: `Thu hồi vai trò Giám khảo của ${JUDGES[2].fullName}` }).click();
    await org.getByRole('row', { name: new RegExp(JUDGES[2].fullName) }).getByText('Giám khảo — Phường An Biên').waitFor();
    await screenshot(org, 'essay-ward-staff');
  });

  for (const judge of JUDGES) {
    const page = await browser();
    await step(page, `judge-logs-in-${judge.phone}`, async () => {
      await logInAt(page, { phone: judge.phone, password: judge.password });
      await page.getByRole('link', { name: 'Chấm bài' }).waitFor();
      judge.page = page;
    });
  }
});
