// Two organizers edit one judging round that is still being set up: the
// first one's save goes through; the second, whose form was loaded before
// it, is told "Đã có người khác sửa mục này, hãy tải lại." and after a
// reload edits the current round. The contest and the round are set up
// through the API; the edits are made in the browser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, call, phoneOpener, step } from './browser.mjs';
import { ORGANIZER, apiLogin, demoUnits, logIn } from './people.mjs';

const suffix = String(Date.now()).slice(-6);
const STALE = 'Đã có người khác sửa mục này, hãy tải lại.';


const openPhone = phoneOpener();

async function openRounds(cid) {
  const ph = await openPhone();
  const { page } = ph;
  await page.goto(BASE_URL + '/login');
  await logIn(page, ORGANIZER);
  await page.waitForURL('**/me');
  await page.goto(`${BASE_URL}/org/essay/${cid}`);
  await page.getByRole('tab', { name: 'Vòng chấm' }).click();
  await page.getByRole('heading', { name: /1\. Sơ khảo/ }).waitFor();
  return page;
}

/** editName opens the round's edit form (unless open), renames it and saves. */
async function editName(page, from, to) {
  const form = page.getByRole('form', { name: `Sửa vòng ${from}` });
  if (!(await form.isVisible())) await page.getByRole('button', { name: 'Sửa vòng', exact: true }).click();
  await form.getByLabel('Tên vòng').fill(to);
  await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
  return form;
}

test('two organizers edit one judging round: the later save is refused with the reload message', async () => {
  const token = await apiLogin(ORGANIZER);
  const unit = await demoUnits(token);
  const ab = unit('AB');
  const cid = (await call('POST', '/api/v1/org/contests', token, {
    slug: `sua-vong-${suffix}`, kind: 'essay', title: `Chính luận sửa vòng ${suffix}`, ownerUnitId: ab.id, status: 'published',
    settings: { deadline: new Date(Date.now() + 7 * 24 * 3600_000).toISOString() },
  })).contest.id;
  await call('POST', `/api/v1/org/essay/${cid}/rounds`, token, {
    no: 1, name: 'Sơ khảo', kind: 'preliminary',
    rubric: { scale: 100, step: 0.5, criteria: [{ key: 'c1', name: 'Nội dung', max: 100 }] },
    judgesPerWork: 2, policy: 'average', threshold: 20, advance: { mode: 'top_n', topN: 5 }, panels: [],
  });

  const first = await openRounds(cid);
  const second = await openRounds(cid);
  // Both open the form on the same version.
  await first.getByRole('button', { name: 'Sửa vòng', exact: true }).click();
  await second.getByRole('button', { name: 'Sửa vòng', exact: true }).click();
  await first.getByRole('form', { name: 'Sửa vòng Sơ khảo' }).waitFor();
  await second.getByRole('form', { name: 'Sửa vòng Sơ khảo' }).waitFor();

  await step(first, 'round-edit-first-saves', async () => {
    await editName(first, 'Sơ khảo', 'Sơ khảo vòng 1');
    await first.getByText('Đã lưu vòng Sơ khảo vòng 1.').waitFor();
    await first.getByRole('heading', { name: /1\. Sơ khảo vòng 1/ }).waitFor();
  });

  await step(second, 'round-edit-second-is-stale', async () => {
    const form = await editName(second, 'Sơ khảo', 'Sơ khảo (bản cũ)');
    await form.getByText(STALE).waitFor();
    // The form stays open with what was typed; nothing was saved over the first.
    assert.equal(await form.getByLabel('Tên vòng').inputValue(), 'Sơ khảo (bản cũ)');
    await second.reload();
    await second.getByRole('tab', { name: 'Vòng chấm' }).click();
    await second.getByRole('heading', { name: /1\. Sơ khảo vòng 1/ }).waitFor();
    assert.equal(await second.getByRole('heading', { name: /bản cũ/ }).count(), 0);
  });

  await step(second, 'round-edit-after-reload', async () => {
    await editName(second, 'Sơ khảo vòng 1', 'Sơ khảo cấp phường');
    await second.getByText('Đã lưu vòng Sơ khảo cấp phường.').waitFor();
  });
});
