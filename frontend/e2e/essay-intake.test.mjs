// The public page of an essay contest shows one state, the server's: open
// with its deadline as dd/mm/yyyy HH:mm (Vietnam time) and the submission
// form, or closed with no form. The contests are set up through the API;
// what is tested is what a citizen's phone shows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, call, phoneOpener, step } from './browser.mjs';
import { ORGANIZER, apiLogin, demoUnits, logIn, newCitizen } from './people.mjs';

const suffix = String(Date.now()).slice(-6);


/** dayTime is what the page must show: dd/mm/yyyy HH:mm in Vietnam (UTC+7, no summer time). */
function dayTime(date) {
  const v = new Date(date.getTime() + 7 * 3600_000);
  const p = (n) => String(n).padStart(2, '0');
  return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}`;
}

const openPhone = phoneOpener();

test('an essay contest page says open until its deadline, or closed, as the server decides', async () => {
  const token = await apiLogin(ORGANIZER);
  const unit = await demoUnits(token);
  const ab = unit('AB');
  const kp1 = unit('AB-KP1');
  // 17:30 UTC is 00:30 the next day in Vietnam: the date shown must be Vietnam's.
  const deadline = new Date(Date.now() + 3 * 24 * 3600_000);
  deadline.setUTCHours(17, 30, 0, 0);
  const make = async (slug, dl) =>
    call('POST', '/api/v1/org/contests', token, {
      slug, kind: 'essay', title: `Chính luận ${slug}`, ownerUnitId: ab.id, status: 'published',
      settings: { deadline: dl.toISOString() },
    });
  await make(`mo-${suffix}`, deadline);
  await make(`dong-${suffix}`, new Date(Date.now() - 3600_000));

  const p = newCitizen('Trần Văn Đọc Hạn');
  await call('POST', '/api/v1/auth/register', null, {
    fullName: p.fullName, birthDate: `${p.year}-05-${p.day}`, gender: 'male', phone: p.phone, cccd: p.cccd,
    unitId: kp1.id, occupation: 'citizen', email: p.email, address: p.address, password: p.password,
  });
  const ph = await openPhone();
  const { page } = ph;
  await page.goto(BASE_URL + '/login');
  await logIn(page, p);
  await page.waitForURL('**/me');

  await step(page, 'essay-intake-open', async () => {
    await page.goto(`${BASE_URL}/c/mo-${suffix}`);
    const state = page.getByTestId('essay-intake');
    await state.waitFor();
    assert.equal((await state.innerText()).trim(), `Hạn nhận tác phẩm: ${dayTime(deadline)} (đang nhận bài).`);
    assert.match(dayTime(deadline), / 00:30$/);
    await page.getByRole('button', { name: 'Gửi tác phẩm' }).waitFor();
    assert.equal(await page.getByText('Đã hết hạn nhận tác phẩm').count(), 0, 'an open contest never says closed');
  });

  await step(page, 'essay-intake-closed', async () => {
    await page.goto(`${BASE_URL}/c/dong-${suffix}`);
    const state = page.getByTestId('essay-intake');
    await state.waitFor();
    assert.equal((await state.innerText()).trim(), 'Đã hết hạn nhận tác phẩm.');
    assert.equal(await page.getByRole('button', { name: 'Gửi tác phẩm' }).count(), 0, 'no submission form when closed');
    assert.equal(await page.getByText(/đang nhận bài/).count(), 0, 'a closed contest never says open');
  });
});
