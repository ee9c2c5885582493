// A citizen takes the demo round on a phone: opens the share link,
// registers, starts an attempt, answers four questions, reloads the page
// (the answers, the question shown and the server's deadline survive), loses the network for
// one answer (kept on the phone, sent when back online), answers the rest,
// predicts, submits and sees the score out of 10. Runs against
// `server serve --demo` (scripts/e2e.sh): contest "demo", round "Tuần 2" ("Tuần 1", last week, has results)
// with 10 questions, 10 minutes, a prediction question.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, assertNoHorizontalScroll, openPhone, screenshot, step } from './browser.mjs';
import { fillRegistration, newCitizen, submitRegistration } from './people.mjs';
import { answerFirst } from './quiz-helpers.mjs';

const person = newCitizen('Trần Thị Dự Thi');
/** The one line beside the timer; screen readers hear the whole sentence. */
const OFFLINE = 'Mất mạng — đã giữ trên máy';

let phone;
before(async () => {
  phone = await openPhone();
});
after(async () => {
  await phone?.close();
});

/** The timer's text ("9:41") as seconds. */
async function timerSeconds(page) {
  const text = (await page.getByRole('timer').innerText()).trim();
  const m = /(\d+):(\d{2})$/.exec(text);
  assert.ok(m, `timer shows ${JSON.stringify(text)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** questionNo reads "Câu 3/10" of the screen shown. */
async function questionNo(page) {
  const text = await page.locator('legend .question-no').innerText();
  return Number(/Câu (\d+)\/10/.exec(text)?.[1]);
}

const saved = (page) => page.locator('[data-status="saved"]').waitFor();

test('take the demo round: reload, offline answer, prediction, result', async () => {
  const { page } = phone;
  const context = page.context();
  const chosen = new Map(); // question number → option text

  await step(page, 'share-link', async () => {
    await page.goto(BASE_URL + '/c/demo');
    // Last week's round is listed too, with its results: look at this week's.
    const round = page.locator('li.round').filter({ has: page.getByRole('heading', { name: 'Tuần 2' }) });
    await round.getByText(/10 câu hỏi · 10 phút/).waitFor();
    await round.getByText(/Đóng sau/).waitFor();
    await page.locator('li.round').filter({ has: page.getByRole('heading', { name: 'Tuần 1' }) }).getByText('Đã có kết quả').waitFor();
    await assertNoHorizontalScroll(page, assert);
    await screenshot(page, 'quiz-contest-rounds');
  });

  await step(page, 'register', async () => {
    await page.getByRole('link', { name: 'Đăng ký', exact: true }).last().click();
    await page.waitForURL('**/register?next=%2Fc%2Fdemo');
    await fillRegistration(page, person);
    await submitRegistration(page);
    await page.waitForURL('**/c/demo');
    await page.getByText('Bạn đã thi 0/3 lượt, còn 3 lượt.').waitFor();
  });

  await step(page, 'start', async () => {
    await page.getByRole('link', { name: 'Vào thi' }).click();
    await page.waitForURL(/\/c\/demo\/r\/[^/]+$/);
    await page.getByRole('heading', { name: 'Tuần 2' }).waitFor();
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await page.getByText('Câu 1/10').waitFor();
    assert.ok((await timerSeconds(page)) > 590, 'a fresh attempt has its ten minutes');
  });

  await step(page, 'answer-four', async () => {
    for (let n = 1; n <= 4; n++) {
      assert.equal(await questionNo(page), n);
      chosen.set(n, await answerFirst(page));
      await saved(page);
      await page.getByRole('button', { name: 'Câu sau' }).click();
    }
    await page.getByText('Đã trả lời 4/10 câu').waitFor();
    await assertNoHorizontalScroll(page, assert);
    await screenshot(page, 'quiz-attempt');
  });

  await step(page, 'reload', async () => {
    const before = await timerSeconds(page);
    const reloadedAt = Date.now();
    await page.reload();
    // Back on the question shown before the reload, not the first one.
    await page.getByText('Câu 5/10').waitFor();
    // The grid says which were answered; each screen shows the same choice.
    for (let n = 1; n <= 4; n++) {
      await page.getByRole('button', { name: `Câu ${n}, đã trả lời` }).click();
      assert.equal(await questionNo(page), n);
      const picked = page.locator('label.option.picked .label');
      assert.deepEqual(await picked.allInnerTexts(), [chosen.get(n)], `question ${n} keeps its answer`);
    }
    await page.getByRole('button', { name: 'Câu 5, chưa trả lời' }).waitFor();
    const after = await timerSeconds(page);
    const elapsed = Math.ceil((Date.now() - reloadedAt) / 1000);
    assert.ok(after <= before, `the timer went on (${before} s before the reload, ${after} s after)`);
    assert.ok(after >= before - elapsed - 2, `the timer did not restart or jump (${before} → ${after} in ${elapsed} s)`);
  });

  await step(page, 'offline-answer', async () => {
    await page.getByRole('button', { name: 'Câu 5, chưa trả lời' }).click();
    await context.setOffline(true);
    chosen.set(5, await answerFirst(page));
    await page.getByText(OFFLINE).waitFor();
    const kept = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('hoithi.quiz.')).map((k) => localStorage.getItem(k)),
    );
    assert.equal(kept.length, 1, 'the attempt is kept in localStorage');
    assert.match(kept[0], /"pending":true/, 'the offline answer waits on the phone');
    await screenshot(page, 'quiz-offline');
    await context.setOffline(false);
    await saved(page);
    await page.getByText('Đã trả lời 5/10 câu').waitFor();
  });

  await step(page, 'answer-rest', async () => {
    for (let n = 6; n <= 10; n++) {
      await page.getByRole('button', { name: 'Câu sau' }).click();
      assert.equal(await questionNo(page), n);
      chosen.set(n, await answerFirst(page));
    }
    await saved(page);
    await page.getByText('Đã trả lời 10/10 câu').waitFor();
    await page.getByRole('button', { name: 'Câu sau' }).click();
    const prediction = page.getByLabel(/có bao nhiêu người trả lời đúng tất cả/);
    await prediction.fill('1234');
    await prediction.blur();
    await saved(page);
    assert.equal(await prediction.getAttribute('inputmode'), 'numeric');
  });

  await step(page, 'submit', async () => {
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nộp bài?' });
    await dialog.getByText('Bạn đã trả lời tất cả các câu.').waitFor();
    await dialog.getByRole('button', { name: 'Nộp bài' }).click();
    await page.getByRole('heading', { name: 'Kết quả lượt 1' }).waitFor();
    const score = await page.locator('.score').innerText();
    assert.match(score, /\d+\/10/, 'the result shows correct answers out of 10');
    await page.getByText('Dự đoán của bạn: 1234').waitFor();
    await page.getByText('Bạn còn 2 lượt thi trong đợt này.').waitFor();
    await page.getByRole('button', { name: 'Thi lượt khác' }).waitFor();
    await assertNoHorizontalScroll(page, assert);
    await screenshot(page, 'quiz-result');
    const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hoithi.quiz.')));
    assert.deepEqual(left, [], 'a submitted attempt leaves nothing on the phone');
  });

  await step(page, 'my-attempts', async () => {
    await page.getByRole('link', { name: 'Xem kết quả đợt thi' }).click();
    await page.getByRole('heading', { name: 'Các lượt thi của tôi' }).waitFor();
    await page.getByText('Lượt 1', { exact: true }).waitFor();
    await page.getByText(/Kết quả đợt thi chưa được công bố/).waitFor();
  });

  assert.deepEqual(phone.problems, [], 'the page logged errors');
});
