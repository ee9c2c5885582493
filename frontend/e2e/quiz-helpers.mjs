// Steps on the quiz attempt page that several browser tests take.
import { call } from './browser.mjs';

/** answerFirst picks the first option of the question on screen and returns its text. */
export async function answerFirst(page) {
  const option = page.locator('label.option').first();
  const text = (await option.locator('.label').innerText()).trim();
  await option.click();
  await page.locator('label.option.picked').first().waitFor();
  return text;
}

/**
 * seedQuizContest makes, through the API (set-up, not a step under test), a
 * published quiz contest of the demo ward AB that its staff may not enter,
 * with one published round built from round (no 1; opening a minute ago
 * unless round says) over the given questions ([text, options, key] each,
 * options lettered A, B, …). Returns the contest's and the round's IDs and
 * each question's right option text by question ID.
 */
export async function seedQuizContest(orgToken, unit, { slug, title, questions, round }) {
  const contest = await call('POST', '/api/v1/org/contests', orgToken, {
    slug, kind: 'quiz', title, ownerUnitId: unit('AB').id, status: 'published',
    settings: { excludedRoles: ['organizer', 'secretary', 'judge'] },
  });
  const contestId = contest.contest.id;
  const rightText = {};
  for (const [text, options, key] of questions) {
    const q = await call('POST', `/api/v1/org/contests/${contestId}/questions`, orgToken, {
      topic: 'Kiến thức chung', difficulty: 1, text, points: 1, correct: [key],
      options: options.map((o, i) => ({ id: 'ABCD'[i], text: o })),
    });
    rightText[q.question.id] = options['ABCD'.indexOf(key)];
  }
  const made = await call('POST', `/api/v1/org/contests/${contestId}/rounds`, orgToken, {
    no: 1, opensAt: new Date(Date.now() - 60_000).toISOString(), timeLimitSec: 60, maxAttempts: 1, policy: 'best', ...round,
  });
  const roundId = made.round.id;
  await call('POST', `/api/v1/org/rounds/${roundId}/publish`, orgToken);
  return { contestId, roundId, rightText };
}
