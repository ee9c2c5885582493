// Prize review before publishing: three people play a short round (set up
// through the API: a bot answering everything in under a second, two
// people at a human pace whose tie on score the prediction breaks). The
// demo organizer computes the results in the browser, opens the prize
// review, sees the bot flagged as too fast, excludes it with a reason,
// finishes the review and publishes, then sets up and computes the
// contest's overall ranking and downloads its winners. An anonymous
// visitor then sees the next person in first place, the ranking keys in
// words and the prediction column, and the overall standings. Runs against `server serve --demo` (scripts/e2e.sh).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { BASE_URL, call, download, phoneOpener, step } from './browser.mjs';
import { ORGANIZER, apiLogin, demoUnits, openContestRounds } from './people.mjs';
import { seedQuizContest } from './quiz-helpers.mjs';

const suffix = String(Date.now()).slice(-6);
const SLUG = `xet-duyet-${suffix}`;
const ROUND = `Tuần thử xét duyệt ${suffix}`;
const QUESTIONS = [
  ['Thủ đô của nước Việt Nam là thành phố nào?', ['Huế', 'Hà Nội', 'Đà Nẵng', 'Cần Thơ'], 'B'],
  ['Quốc khánh nước Việt Nam là ngày nào?', ['30/4', '1/5', '2/9', '19/8'], 'C'],
  ['Đảng Cộng sản Việt Nam thành lập năm nào?', ['1930', '1945', '1954', '1975'], 'A'],
  ['Chiến thắng Điện Biên Phủ năm nào?', ['1945', '1968', '1975', '1954'], 'D'],
];
const BOT = 'Phạm Văn Máy';
const FIRST = 'Trần Văn Một';
const SECOND = 'Lê Thị Hai';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let made = 0;
/** register makes a citizen through the API (registration has its own browser test); year varies per person. */
async function register(unitId, fullName, year) {
  const n = String(Date.now() * 10 + made++).slice(-6);
  const res = await call('POST', '/api/v1/auth/register', null, {
    fullName, birthDate: `${year}-03-0${made}`, gender: 'male', phone: `097${n}${made}`,
    cccd: `0890${String(year).slice(2)}${n}`, unitId, occupation: 'citizen', password: 'matkhau-kiem-thu',
  });
  return res.accessToken;
}

/** play starts the round's attempt, answers every question right, predicts and waits, then submits. */
async function play(token, rightText, prediction, waitMs) {
  const path = `/api/v1/rounds/${ctx.roundId}/attempts`;
  const a = await call('POST', path, token);
  for (const [i, q] of a.questions.entries()) {
    const option = q.options.find((o) => o.text === rightText[q.id]);
    await call('PUT', `${path}/1/answers/${q.id}`, token, { options: [option.id], seq: i + 1 });
  }
  await call('PUT', `${path}/1/prediction`, token, { value: prediction, seq: 1 });
  return sleep(waitMs).then(() => call('POST', `${path}/1/submit`, token));
}

const ctx = {};
const openPhone = phoneOpener();

before(async () => {
  const orgToken = await apiLogin(ORGANIZER);
  const unit = await demoUnits(orgToken);
  // Open a minute ago, closing 25 s from now: the results can be computed within the test.
  ctx.closesAt = Date.now() + 25_000;
  const { contestId, roundId, rightText } = await seedQuizContest(orgToken, unit, {
    slug: SLUG, title: `Thi thử xét duyệt giải ${suffix}`, questions: QUESTIONS,
    round: {
      title: ROUND, closesAt: new Date(ctx.closesAt).toISOString(), blueprint: { quotas: [{ n: 4 }] },
      prediction: { enabled: true, text: 'Có bao nhiêu người dự thi?', target: 'participants' },
      rule: { keys: ['score_desc', 'prediction_error_asc', 'duration_asc'] },
      tiers: [{ key: 'nhat', name: 'Giải Nhất', count: 1 }, { key: 'nhi', name: 'Giải Nhì', count: 1 }],
      revealAnswers: true, integrity: { requireReview: true },
    },
  });
  Object.assign(ctx, { contestId, roundId });

  const kp = unit('AB-KP1').id;
  const [bot, first, second] = [await register(kp, BOT, 1991), await register(kp, FIRST, 1982), await register(kp, SECOND, 1975)];
  // 3 people take part: the bot guesses the target exactly, in no time; the
  // second is faster than the first, but predicts worse.
  await Promise.all([play(bot, rightText, 3, 0), play(first, rightText, 5, 11_000), play(second, rightText, 9, 9_000)]);
});

test('organizer: prize review excludes a flagged winner, the public standings show the next person and the prediction', async () => {
  const org = await openPhone();
  const { page } = org;

  await step(page, 'compute', async () => {
    await openContestRounds(page, ORGANIZER, ctx.contestId);
    await sleep(Math.max(0, ctx.closesAt + 6_000 - Date.now())); // closed, and the grace over
    await page.reload();
    await page.getByRole('tab', { name: /Đợt thi/ }).click();
    const card = page.locator(`li[data-round="${ROUND}"]`);
    await card.getByRole('button', { name: 'Tính kết quả' }).click();
    // Computing runs on the server as a job: the card shows its progress
    // (the button waits meanwhile), then the summary.
    await card.getByRole('status').getByText(/Đang tính kết quả… \d+%/).waitFor();
    assert.ok(await card.getByRole('button', { name: 'Tính kết quả' }).isDisabled(), 'compute is not clicked twice while it runs');
    await page.getByText('Đã tính kết quả: 3 người, 3 lượt, 3 người đúng hết.').waitFor();
    assert.equal(await card.getByRole('status').count(), 0, 'the progress line goes once done');
  });

  await step(page, 'review', async () => {
    const card = page.locator(`li[data-round="${ROUND}"]`);
    await card.getByRole('button', { name: 'Xét duyệt giải' }).click();
    await card.getByText('1/3 người có khả năng đạt giải bị gắn cờ nghi vấn').waitFor();
    const bot = card.locator(`tr[data-person="${BOT}"]`);
    await bot.getByText(/Làm 4 câu trong .* giây, dưới mức tối thiểu 2 giây mỗi câu/).waitFor();
    assert.match(await bot.innerText(), /Giải Nhất/);
    assert.equal(await card.locator(`tr[data-person="${FIRST}"]`).getByText('⚠').count(), 0, 'a person playing at a human pace is not flagged');
    await bot.getByRole('button', { name: 'Loại' }).click();
    await card.getByLabel(`Lý do loại ${BOT}`).fill('Làm 4 câu trong chưa đầy 1 giây: không thể đọc đề.');
    await card.getByRole('button', { name: 'Xác nhận loại' }).click();
    await card.getByText(`Đã loại ${BOT}; xếp hạng đã được tính lại.`).waitFor();
    assert.match(await card.locator('tbody tr').first().innerText(), new RegExp(`${FIRST}[\\s\\S]*Giải Nhất`));
    await card.getByText('Làm 4 câu trong chưa đầy 1 giây: không thể đọc đề.').waitFor();
  });

  await step(page, 'publish', async () => {
    const card = page.locator(`li[data-round="${ROUND}"]`);
    await card.getByRole('button', { name: 'Hoàn tất xét duyệt' }).click();
    await card.getByText('Đã hoàn tất xét duyệt giải.').waitFor();
    await card.getByRole('button', { name: 'Công bố kết quả' }).click();
    await page.getByText(`Đã công bố kết quả ${ROUND}.`).waitFor();
  });

  await step(page, 'overall', async () => {
    // The whole-contest ranking: switched on with the usual prizes, saved,
    // computed as a job on the server, its winners downloaded.
    const panel = page.getByRole('region', { name: 'Xếp hạng chung cuộc' });
    assert.equal(await panel.getByRole('button', { name: 'Tính xếp hạng chung cuộc' }).count(), 0, 'nothing to compute before it is set up');
    await panel.getByLabel('Cuộc thi có xếp hạng và giải chung cuộc').check();
    await panel.getByLabel('Tên giải 1').waitFor();
    await panel.getByRole('button', { name: 'Lưu cách xếp hạng chung cuộc' }).click();
    await panel.getByText('Đã lưu cách xếp hạng chung cuộc.').waitFor();
    await panel.getByText('Sẽ tính trên 1 đợt thi đã công bố kết quả.').waitFor();
    await panel.getByRole('button', { name: 'Tính xếp hạng chung cuộc' }).click();
    await panel.getByText('Đã xếp hạng chung cuộc: 1 đợt, 2 người, 2 giải. Bảng xếp hạng đã công khai.').waitFor();
    const { name } = await download(page, 'Tải danh sách đoạt giải chung cuộc (Excel)');
    assert.equal(name, `giai-thuong-chung-cuoc-${SLUG}.xlsx`);
  });

  const visitor = await openPhone();
  await step(visitor.page, 'public-standings', async () => {
    const p = visitor.page;
    await p.goto(`${BASE_URL}/c/${SLUG}/r/${ctx.roundId}/results`);
    await p.getByText('Xếp hạng theo: điểm, rồi sai số dự đoán, rồi thời gian làm bài').waitFor();
    await p.getByRole('columnheader', { name: 'Dự đoán' }).waitFor();
    const rows = p.locator('.board tbody tr');
    assert.equal(await rows.count(), 2, 'the excluded bot is not in the public standings');
    const first = await rows.nth(0).innerText();
    const second = await rows.nth(1).innerText();
    // Anonymous visitors see shortened names; the faster second person is
    // below the first because the prediction broke the tie.
    assert.match(first, /Trần V\. M\.[\s\S]*Giải Nhất/);
    assert.match(first, /5[\s\S]*sai số 2/);
    assert.match(second, /Lê T\. H\.[\s\S]*9[\s\S]*sai số 6[\s\S]*Giải Nhì/);
    assert.doesNotMatch(first + second, /Phạm/);
  });
  await step(visitor.page, 'public-overall', async () => {
    const p = visitor.page;
    await p.goto(`${BASE_URL}/c/${SLUG}`);
    await p.getByRole('link', { name: 'Xem bảng xếp hạng chung cuộc ›' }).click();
    await p.getByRole('heading', { name: 'Xếp hạng chung cuộc' }).waitFor();
    const rows = p.locator('.board tbody tr, table tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 2);
    // The usual overall order is score, then time: the faster person
    // leads, the prediction broke only the weekly tie.
    assert.match(await rows.nth(0).innerText(), /Lê T\. H\.[\s\S]*Giải Nhất chung cuộc/);
    assert.match(await rows.nth(1).innerText(), /Trần V\. M\.[\s\S]*Giải Nhì chung cuộc/);
  });
  assert.deepEqual(visitor.problems, [], 'no errors on the public page');
});
