// Organizer remedy through the UI: a citizen is in a 60 s attempt (set up
// through the API); the demo organizer opens the round's "Bù thời gian,
// trả lượt", adds 5 minutes to every attempt in progress with a written
// reason, then gives that person an attempt back by their phone number;
// the citizen's attempt ends 5 minutes later and their own attempt page
// says the organizers added the time. Runs against `server serve --demo`
// (scripts/e2e.sh).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { BASE_URL, call, phoneOpener, step } from './browser.mjs';
import { ORGANIZER, apiLogin, demoUnits, logIn, openContestRounds } from './people.mjs';
import { seedQuizContest } from './quiz-helpers.mjs';

const suffix = String(Date.now()).slice(-6);
const ROUND = `Tuần thử bù giờ ${suffix}`;
const REASON = 'Mạng di động tại thôn 3 mất sóng 5 phút lúc đang thi';


const ctx = {};
const openPhone = phoneOpener();

before(async () => {
  const orgToken = await apiLogin(ORGANIZER);
  const unit = await demoUnits(orgToken);
  const questions = ['Đảng Cộng sản Việt Nam thành lập năm nào?', 'Quốc khánh nước Việt Nam là ngày nào?'].map(
    (text, i) => [text, ['Một', 'Hai', 'Ba', 'Bốn'].map((o) => `${o} ${i}`), 'A'],
  );
  const { contestId, roundId } = await seedQuizContest(orgToken, unit, {
    slug: `bu-gio-${suffix}`, title: `Thi thử bù giờ ${suffix}`, questions,
    round: {
      title: ROUND, closesAt: new Date(Date.now() + 3_600_000).toISOString(), blueprint: { quotas: [{ n: 2 }] },
      prediction: { enabled: false }, rule: { keys: ['score_desc', 'duration_asc'] },
      tiers: [{ key: 'nhat', name: 'Giải Nhất', count: 1 }],
    },
  });
  Object.assign(ctx, { contestId, roundId });
  const n = String(Date.now()).slice(-6);
  ctx.phone = `0971${n}`;
  ctx.citizen = (await call('POST', '/api/v1/auth/register', null, {
    fullName: 'Đỗ Văn Mất Sóng', birthDate: '1986-04-02', gender: 'male', phone: ctx.phone,
    cccd: `089086${n}`, unitId: unit('AB-KP1').id, occupation: 'citizen', password: 'matkhau-kiem-thu',
  })).accessToken;
  ctx.deadline = Date.parse((await call('POST', `/api/v1/rounds/${ctx.roundId}/attempts`, ctx.citizen)).deadline);
});

test('organizer: adds time to the attempts in progress with a reason', async () => {
  const org = await openPhone();
  const { page } = org;

  await step(page, 'remedy', async () => {
    await openContestRounds(page, ORGANIZER, ctx.contestId);
    const card = page.locator(`li[data-round="${ROUND}"]`);
    await card.getByRole('button', { name: 'Bù thời gian, trả lượt' }).click();
    await card.getByLabel('Cộng thêm thời gian cho mọi lượt đang làm').check();
    await card.getByLabel('Số phút cộng thêm').fill('5');
    await card.getByRole('button', { name: 'Áp dụng' }).click();
    // Without a reason the server refuses and names the field.
    await card.getByText(/Lý do phải từ 10 đến 1000 ký tự/).first().waitFor();
    await card.getByLabel('Lý do').fill(REASON);
    await card.getByRole('button', { name: 'Áp dụng' }).click();
    await card.getByText('Đã cộng thêm thời gian cho 1 lượt đang làm.').waitFor();
  });

  await step(page, 'give-back-by-phone', async () => {
    const card = page.locator(`li[data-round="${ROUND}"]`);
    await card.getByLabel('Trả lại một lượt thi cho một người').check();
    await card.getByLabel('Số điện thoại hoặc CCCD của người dự thi').fill(ctx.phone);
    await card.getByLabel('Lý do').fill(REASON);
    await card.getByRole('button', { name: 'Áp dụng' }).click();
    await card.getByText('Đã trả lại một lượt thi.').waitFor();
  });
  const rounds = (await call('GET', `/api/v1/contests/bu-gio-${suffix}/rounds`, ctx.citizen)).rounds;
  assert.equal(rounds.find((r) => r.id === ctx.roundId)?.maxAttempts, 2, 'the citizen may start one attempt more');

  const cur = await call('GET', `/api/v1/rounds/${ctx.roundId}/attempts/current`, ctx.citizen);
  assert.equal(Date.parse(cur.deadline) - ctx.deadline, 300_000, 'the deadline moved by 5 minutes');
  assert.equal(cur.extraSec, 300);
  assert.deepEqual(org.problems.filter((p) => !/\b400\b/.test(p)), [], 'no errors on the page beyond the refused first try');

  const citizen = await openPhone();
  await step(citizen.page, 'citizen-sees-time-added', async () => {
    const p = citizen.page;
    await p.goto(`${BASE_URL}/login`);
    await logIn(p, { phone: ctx.phone, password: 'matkhau-kiem-thu' });
    await p.waitForURL('**/me');
    await p.goto(`${BASE_URL}/c/bu-gio-${suffix}/r/${ctx.roundId}`);
    await p.getByText('Ban tổ chức đã cộng thêm 5 phút thời gian làm bài').waitFor();
  });
  assert.deepEqual(citizen.problems, [], 'no errors on the attempt page');
});
