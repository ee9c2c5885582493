// The demo organizer reads the statistics of the demo contest on a phone:
// the KPI cards agree with the API's own figures (no count is hard-coded:
// the demo data grows), a unit is opened in the drill-down (its charts by
// day, hour and score become the unit's own, named so), and its weekly
// report downloads as a workbook that is read back here, cell by cell,
// against the same figures. Runs against `server serve --demo`
// (scripts/e2e.sh).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import readXlsxFile from 'read-excel-file/node';
import { assertNoHorizontalScroll, download, screenshot, step, usePhone } from './browser.mjs';
import { ORGANIZER, apiLogin, openOrgContests } from './people.mjs';
import { api, expectKpis, expectTimeCharts, expectWeeklyReport, readWeeklyReport, vi } from './stats-helpers.mjs';

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const run = usePhone('hoithi-e2e-stats-');

test('organizer: statistics of the demo contest on a phone, and a unit report read back from Excel', async () => {
  const { phone, dir } = run;
  const { page } = phone;
  const token = await apiLogin(ORGANIZER);
  const contest = (await api(token, '/api/v1/org/contests')).contests.find((c) => c.slug === 'demo');
  assert.ok(contest, 'the demo contest exists');
  const rounds = (await api(token, `/api/v1/org/contests/${contest.id}/rounds`)).rounds.filter((r) => r.status !== 'draft');
  assert.ok(rounds.length > 0, 'the demo contest has a round');

  await step(page, 'open-stats', async () => {
    await openOrgContests(page, ORGANIZER);
    await page.getByRole('link', { name: contest.title }).first().click();
    await page.getByRole('heading', { name: contest.title }).waitFor();
    await page.getByRole('tab', { name: 'Thống kê' }).click();
    await page.getByText(/^Cập nhật lúc \d\d:\d\d$/).waitFor();
  });

  await step(page, 'contest-kpis', async () => {
    const whole = await api(token, `/api/v1/org/contests/${contest.id}/stats?depth=1`);
    await expectKpis(page, whole.stats);
    // Each round's line agrees with the API.
    assert.ok(whole.rounds?.length > 0, 'the whole-contest answer lists its rounds');
    for (const r of whole.rounds) {
      const row = page.getByRole('region', { name: 'Theo đợt thi' }).getByRole('row', { name: new RegExp(`^${escapeRe(r.title)} `) });
      assert.deepEqual(await row.getByRole('cell').allTextContents(), [r.people, r.attempts, r.allCorrect].map((n) => vi.format(n)));
    }
    // The charts can be read without the canvas: the gender figures.
    const gender = page.getByRole('figure').filter({ hasText: 'Theo giới tính' });
    if (whole.stats.people > 0) {
      await gender.getByText('Xem số liệu').click();
      const male = whole.stats.byGender.find((g) => g.key === 'male');
      await gender.getByRole('row', { name: `Nam ${vi.format(male.people)}` }).waitFor();
    } else {
      await gender.getByText('Chưa có số liệu.').waitFor();
    }
    await assertNoHorizontalScroll(page, assert);
    await screenshot(page, 'org-stats-contest');
  });

  // A closed round (the seeded "Tuần 1") must have people; otherwise the
  // open one is read. The figures of each round shown are the API's.
  const closed = rounds.find((r) => r.phase === 'closed' || r.phase === 'results');
  const round = closed ?? rounds.find((r) => r.phase === 'open') ?? rounds[0];
  let top;
  await step(page, 'round-kpis', async () => {
    await page.getByLabel('Phạm vi số liệu').selectOption({ label: round.title });
    top = await api(token, `/api/v1/org/rounds/${round.id}/stats?depth=1`);
    if (closed) assert.ok(top.stats.people > 0, `the closed round ${closed.title} has participants`);
    await expectKpis(page, top.stats);
    await expectTimeCharts(page, top.stats, '');
    await page.getByRole('heading', { name: 'Phân tích câu hỏi' }).waitFor();
    await assertNoHorizontalScroll(page, assert);
  });

  // The unit with the most people among those listed (the first one when
  // nobody took part yet).
  const listed = top.stats.units.length === 1 ? (top.stats.units[0].children ?? []) : top.stats.units;
  assert.ok(listed.length > 0, 'the drill-down lists units');
  const unit = [...listed].sort((a, b) => b.people - a.people)[0];
  let detail;
  await step(page, 'drill-down', async () => {
    await page.getByRole('button', { name: `Xem chi tiết ${unit.name}` }).click();
    await page.getByRole('navigation', { name: 'Đường dẫn đơn vị' }).getByText(unit.name).waitFor();
    await page.locator('table.units[aria-busy="false"]').waitFor();
    detail = await api(token, `/api/v1/org/rounds/${round.id}/stats?unitId=${unit.id}&depth=1`);
    await expectKpis(page, detail.unit);
    // Every line and the total show the API's figures.
    const figures = (row) => row.locator('td[data-col]').allTextContents();
    const want = (n) => [n.people, n.attempts, n.allCorrect].map((x) => vi.format(x));
    assert.deepEqual(await figures(page.locator('tr.total')), want(detail.unit));
    // A grass-roots unit has no children: then the table says so.
    const children = detail.unit.children ?? [];
    assert.equal(await page.locator('tr.unit').count(), children.length, 'one line per child unit');
    if (children.length === 0) await page.getByText('Đơn vị này không có đơn vị trực thuộc.').waitFor();
    for (const child of children) {
      assert.deepEqual(await figures(page.locator('tr.unit', { hasText: child.name })), want(child), child.name);
    }
    // The charts by day, hour and score are the unit's: its breakdown,
    // which adds up to its own attempts and people.
    const b = detail.breakdown;
    const sum = (list, k) => list.reduce((s, x) => s + x[k], 0);
    assert.deepEqual([sum(b.scores, 'attempts'), sum(b.scores, 'people'), sum(b.byHour, 'attempts')],
      [detail.unit.attempts, detail.unit.people, sum(b.byDay, 'attempts')], 'the unit breakdown adds up');
    await expectTimeCharts(page, b, unit.name);
    await assertNoHorizontalScroll(page, assert);
    await screenshot(page, 'org-stats-unit');
  });

  await step(page, 'weekly-report', async () => {
    const { name, file } = await download(page, 'Báo cáo tuần (Excel)', dir);
    assert.match(name, /^bao-cao-thong-ke-demo-tuan-\d+-.+\.xlsx$/);
    const report = await readWeeklyReport(file);
    assert.deepEqual(report.header.slice(0, 2), ['Mã đơn vị', 'Đơn vị']);
    expectWeeklyReport(report, detail.unit, { unitName: unit.name, roundTitle: round.title });
  });

  await step(page, 'other-workbooks', async () => {
    // The other buttons download workbooks too (their contents are the
    // server's tests' business): each opens as an .xlsx with sheets.
    for (const [button, pattern] of [
      ['Phân tích câu hỏi (Excel)', /^phan-tich-cau-hoi-demo-tuan-\d+\.xlsx$/],
      ['Tổng hợp cuộc thi (Excel)', /^tong-hop-cuoc-thi-demo\.xlsx$/],
      ['Xếp hạng tập thể (Excel)', /^giai-tap-the-demo-tuan-\d+\.xlsx$/],
    ]) {
      const { name, file } = await download(page, button, dir);
      assert.match(name, pattern);
      assert.ok((await readXlsxFile(file)).length > 0, `${button} has sheets`);
    }
  });

  await step(page, 'back-to-top', async () => {
    await page.getByRole('navigation', { name: 'Đường dẫn đơn vị' }).getByRole('button').first().click();
    await page.getByRole('button', { name: `Xem chi tiết ${unit.name}` }).waitFor();
    await expectKpis(page, top.stats);
    await expectTimeCharts(page, top.stats, '');
  });

  await step(page, 'desktop', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await assertNoHorizontalScroll(page, assert);
    await screenshot(page, 'org-stats-desktop');
  });

  assert.deepEqual(phone.problems, [], 'the page logged errors');
});
