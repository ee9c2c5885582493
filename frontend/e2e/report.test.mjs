// The organizer of a grass-roots unit (Khu phố 1) reports its figures for
// the ward's demo contest on a phone: the contest is listed apart as one
// run above, opens on the statistics tab alone, rooted at the unit; the KPI
// cards and the charts by day, hour and score (the unit's own, named so)
// agree with the API's own figures (nothing hard-coded: the demo data
// grows) and the weekly report of the closed round "Tuần 1" downloads and
// is read back against them. Nothing else of the contest (bank, rounds,
// contest-wide workbooks) is offered. Runs against `server serve --demo`
// (scripts/e2e.sh).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoHorizontalScroll, download, screenshot, step, usePhone } from './browser.mjs';
import { UNIT_ORGANIZER, apiLogin, openOrgContests } from './people.mjs';
import { api, apiCall, expectKpis, expectTimeCharts, expectWeeklyReport, readWeeklyReport, reportedUnits, vi } from './stats-helpers.mjs';

const SECTION = 'Cuộc thi cấp trên — báo cáo của đơn vị';
const WEEKLY = 'Báo cáo tuần (Excel)';

/** expectReportOnly checks the page offers the unit's statistics and nothing of the contest's management. */
async function expectReportOnly(page) {
  assert.deepEqual(await page.getByRole('tab').allTextContents().then((l) => l.map((s) => s.trim())), ['Thống kê']);
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const bad = hrefs.filter((h) => /questions|rounds|export|\.xlsx|\/essay\//.test(h));
  assert.deepEqual(bad, [], 'links to the bank, rounds or exports');
  const buttons = (await page.getByRole('button').allTextContents()).map((s) => s.trim());
  assert.deepEqual(buttons.filter((b) => /Excel|Câu hỏi|Đợt thi|Xuất/.test(b) && b !== WEEKLY), [], `buttons: ${buttons.join(' | ')}`);
  assert.equal(await page.getByLabel('Link cuộc thi (dán vào Zalo, Facebook)').count(), 0, 'no share panel');
  assert.equal(await page.getByRole('heading', { name: 'Phân tích câu hỏi' }).count(), 0, 'no item analysis');
  // The breadcrumb starts at the unit: nothing above it to go back to.
  const trail = page.getByRole('navigation', { name: 'Đường dẫn đơn vị' });
  assert.deepEqual((await trail.getByRole('listitem').allTextContents()).map((s) => s.trim()), [UNIT_ORGANIZER.unit]);
  assert.equal(await trail.getByRole('button').count(), 0);
}

const run = usePhone('hoithi-e2e-report-');

test('unit organizer: reports Khu phố 1’s figures for the ward’s contest on a phone, weekly report read back from Excel', async () => {
  const { phone, dir } = run;
  const { page } = phone;
  const token = await apiLogin(UNIT_ORGANIZER);
  const contest = (await api(token, '/api/v1/org/contests')).contests.find((c) => c.slug === 'demo');
  assert.ok(contest, 'the demo contest is listed for the unit organizer');
  assert.equal(contest.access, 'report');
  assert.equal(contest.ownerUnitName, 'Phường An Biên');
  assert.equal(contest.reportUnit?.name, UNIT_ORGANIZER.unit);
  const unitId = contest.reportUnit.id;
  const week1 = (await api(token, `/api/v1/org/contests/${contest.id}/rounds`)).rounds.find((r) => r.title === 'Tuần 1');
  assert.ok(week1, 'the demo contest has the closed round Tuần 1');
  // What the page does not offer, the server refuses too.
  for (const url of [`/api/v1/org/contests/${contest.id}/summary.xlsx`, `/api/v1/org/contests/${contest.id}/questions`, `/api/v1/org/rounds/${week1.id}/items.xlsx`]) {
    assert.equal((await apiCall(token, url)).status, 403, url);
  }

  await step(page, 'list', async () => {
    await openOrgContests(page, UNIT_ORGANIZER);
    const section = page.getByRole('region', { name: SECTION });
    const card = section.getByRole('listitem').filter({ has: page.getByRole('link', { name: contest.title }) });
    await card.getByText(`Báo cáo của ${UNIT_ORGANIZER.unit}`).waitFor();
    await card.getByText(`/c/${contest.slug} · Phường An Biên`).waitFor();
    // The contests to report on come first; the create form, if any, below.
    const form = page.getByRole('heading', { name: 'Tạo cuộc thi', exact: true });
    if (await form.count()) {
      const [a, b] = await Promise.all([section.boundingBox(), form.boundingBox()]);
      assert.ok(a.y < b.y, `the report section (y=${a.y}) comes before the create form (y=${b.y})`);
    }
    await assertNoHorizontalScroll(page, assert);
    await screenshot(page, 'org-report-list');
  });

  await step(page, 'contest', async () => {
    await page.getByRole('region', { name: SECTION }).getByRole('link', { name: contest.title }).click();
    await page.getByRole('heading', { name: contest.title }).waitFor();
    await page.getByText(`Số liệu của ${UNIT_ORGANIZER.unit}`).waitFor();
    await page.getByText(/^Cập nhật lúc \d\d:\d\d$/).waitFor();
    const whole = await api(token, `/api/v1/org/contests/${contest.id}/stats?depth=1`);
    assert.deepEqual(whole.scope, { access: 'report', unitId, unitName: UNIT_ORGANIZER.unit });
    assert.equal(whole.unit?.id, unitId, 'the answer is about the unit');
    await expectKpis(page, whole.unit);
    assert.deepEqual([whole.stats.byDay, whole.stats.byHour, whole.stats.scores], [whole.breakdown.byDay, whole.breakdown.byHour, whole.breakdown.scores]);
    await expectTimeCharts(page, whole.breakdown, UNIT_ORGANIZER.unit);
    await page.getByText('Chọn một đợt thi ở “Phạm vi số liệu” để tải báo cáo tuần.').waitFor();
    assert.equal(await page.getByRole('button', { name: WEEKLY }).count(), 0, 'no weekly report before a round is chosen');
    await expectReportOnly(page);
    await assertNoHorizontalScroll(page, assert);
  });

  let top;
  await step(page, 'round', async () => {
    await page.getByLabel('Phạm vi số liệu').selectOption({ label: week1.title });
    top = await api(token, `/api/v1/org/rounds/${week1.id}/stats?depth=1`);
    assert.equal(top.scope?.unitId, unitId);
    assert.equal(top.unit?.id, unitId);
    assert.ok(top.unit.people > 0, `${UNIT_ORGANIZER.unit} has participants in ${week1.title}`);
    assert.equal(top.stats.people, top.unit.people, 'the stats describe the unit only');
    await expectKpis(page, top.unit);
    // By day, hour and score: the unit's own, adding up to its attempts.
    const scored = top.breakdown.scores.reduce((s, x) => s + x.attempts, 0);
    assert.equal(scored, top.unit.attempts, 'the unit’s scores add up to its attempts');
    assert.ok(top.breakdown.byDay.length > 0, `${UNIT_ORGANIZER.unit} has attempts by day`);
    await expectTimeCharts(page, top.breakdown, UNIT_ORGANIZER.unit);
    await page.getByRole('button', { name: WEEKLY }).waitFor();
    await page.locator('table.units[aria-busy="false"]').waitFor();
    assert.deepEqual(await page.locator('tr.total td[data-col]').allTextContents(), [top.unit.people, top.unit.attempts, top.unit.allCorrect].map((n) => vi.format(n)));
    await expectReportOnly(page);
    await assertNoHorizontalScroll(page, assert);
    await screenshot(page, 'org-report-round');
  });

  await step(page, 'weekly-report', async () => {
    const { name, file } = await download(page, WEEKLY, dir);
    assert.match(name, /^bao-cao-thong-ke-demo-tuan-\d+-ab-kp1\.xlsx$/);
    const report = await readWeeklyReport(file);
    // No other unit of the ward appears.
    const codes = reportedUnits(top.unit).map((w) => w.code);
    assert.deepEqual(report.lines.map((l) => l[report.col.code]).sort(), codes.sort(), 'the report lists the unit only');
    expectWeeklyReport(report, top.unit, { unitName: UNIT_ORGANIZER.unit, roundTitle: week1.title });
  });

  assert.deepEqual(phone.problems, [], 'the page logged errors');
});
