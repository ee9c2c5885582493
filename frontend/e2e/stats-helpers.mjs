// Steps shared by the statistics scenarios (the contest's organizer and a
// unit's report organizer): calling the API as the page does, reading the
// KPI cards, and reading a weekly report workbook back against the API's
// figures. Not a test file: node --test runs *.test.mjs only.
import assert from 'node:assert/strict';
import readXlsxFile from 'read-excel-file/node';
import { BASE_URL } from './browser.mjs';

/** Counts as the page shows them in Vietnamese. */
export const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** Columns of the report's TheoDonVi sheet that the tests read, by header. */
const COLUMNS = { code: 'Mã đơn vị', name: 'Đơn vị', people: 'Số người dự thi', attempts: 'Số lượt thi', allCorrect: 'Số người đúng tất cả các câu' };

/** apiCall GETs url with the token, like the page does, whatever the answer. */
export function apiCall(token, url) {
  return fetch(BASE_URL + url, { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': 'vi' } });
}

/** api GETs url with the token and returns the JSON of a 200 answer. */
export async function api(token, url) {
  const res = await apiCall(token, url);
  assert.equal(res.status, 200, `GET ${url}: ${res.status} ${await res.clone().text()}`);
  return res.json();
}

/** kpiFigures reads the KPI cards as { people: '12', … } (formatted text). */
async function kpiFigures(page) {
  return page.locator('[data-kpi]').evaluateAll((cards) =>
    Object.fromEntries(cards.map((c) => [c.getAttribute('data-kpi'), c.querySelector('dd').textContent.trim()])),
  );
}

/** expectKpis waits until the cards show the API's counts, then compares them. */
export async function expectKpis(page, counts) {
  const want = { people: vi.format(counts.people), attempts: vi.format(counts.attempts), allCorrect: vi.format(counts.allCorrect) };
  await page.waitForFunction(
    (w) => Object.entries(w).every(([k, v]) => document.querySelector(`[data-kpi="${k}"] dd`)?.textContent.trim() === v),
    want,
  ).catch(() => {});
  const got = await kpiFigures(page);
  assert.deepEqual({ people: got.people, attempts: got.attempts, allCorrect: got.allCorrect }, want);
}

/**
 * readWeeklyReport reads a weekly report workbook: the header and lines of
 * its TheoDonVi sheet with the index of each column the tests read (all
 * must be there), and its ThongTin sheet as { label: value }.
 */
export async function readWeeklyReport(file) {
  const sheets = await readXlsxFile(file);
  const byUnit = sheets.find((s) => s.sheet === 'TheoDonVi').data;
  const header = byUnit[0];
  const col = Object.fromEntries(Object.entries(COLUMNS).map(([k, h]) => [k, header.indexOf(h)]));
  for (const [k, i] of Object.entries(col)) assert.ok(i >= 0, `the header has "${COLUMNS[k]}": ${header.join(' | ')}`);
  const info = Object.fromEntries(sheets.find((s) => s.sheet === 'ThongTin').data.map((r) => [r[0], r[1]]));
  // The last line is the unit's own totals (outside the filter range).
  const lines = byUnit.slice(1);
  const total = lines.at(-1)?.[col.name] === 'Tổng cộng' ? lines.pop() : null;
  return { header, col, lines, total, info };
}

/** reportedUnits: the units a report on unit has a line for (the unit alone when it has no children). */
export const reportedUnits = (unit) => (unit.children?.length ? unit.children : [unit]);

/**
 * expectWeeklyReport checks a report read by readWeeklyReport against the
 * API's figures of unit: one line per child unit (the unit alone when it
 * has none) with its figures, adding up to the unit's own, which the info
 * sheet repeats with the unit's name and the round's title.
 */
export function expectWeeklyReport({ col, lines, total, info }, unit, { unitName, roundTitle }) {
  const figures = (x) => [x.name, x.people, x.attempts, x.allCorrect];
  for (const w of reportedUnits(unit)) {
    const line = lines.find((l) => l[col.code] === w.code);
    assert.ok(line, `the report has a line for ${w.code}`);
    assert.deepEqual([line[col.name], line[col.people], line[col.attempts], line[col.allCorrect]], figures(w), `line of ${w.code}`);
  }
  assert.ok(total, 'the report ends with its totals line');
  assert.deepEqual([total[col.people], total[col.attempts], total[col.allCorrect]], figures(unit).slice(1), 'totals line');
  const sum = (i) => lines.reduce((s, l) => s + Number(l[i] ?? 0), 0);
  assert.deepEqual([sum(col.people), sum(col.attempts), sum(col.allCorrect)], figures(unit).slice(1));
  assert.equal(info['Đơn vị'], unitName);
  assert.equal(info['Đợt thi'], roundTitle);
  assert.equal(info['Số người dự thi'], unit.people);
  assert.equal(info['Số lượt thi'], unit.attempts);
}

/**
 * timeChartRows is what the day, hour and score charts of figures (a
 * unit's breakdown or the whole scope's stats) must list in their tables,
 * by caption: [label, …figures] per bar as the page formats them, or null
 * when the chart has no figure at all ("Chưa có số liệu."). unitName, when
 * given, is named in each caption.
 */
export function timeChartRows(figures, unitName) {
  const of = (title) => (unitName ? `${title} của ${unitName}` : title);
  const days = [...figures.byDay].sort((a, b) => a.date.localeCompare(b.date));
  const hours = Array.from({ length: 24 }, (_, h) => figures.byHour.filter((x) => x.hour === h).reduce((s, x) => s + x.attempts, 0));
  const scores = [...figures.scores].sort((a, b) => a.score - b.score);
  const rows = (list) => (list.length > 0 && list.some((r) => r.slice(1).some((n) => n > 0)) ? list.map(([l, ...n]) => [l, ...n.map((x) => vi.format(x))]) : null);
  return {
    [of('Theo ngày')]: rows(days.map((d) => [`${d.date.slice(8, 10)}/${d.date.slice(5, 7)}`, d.attempts, d.people])),
    [of('Theo giờ trong ngày (lượt thi)')]: rows(hours.map((n, h) => [`${String(h).padStart(2, '0')}h`, n])),
    [of('Phân bố điểm')]: rows(scores.map((s) => [String(s.score), s.people, s.attempts])),
  };
}

/**
 * expectTimeCharts checks the day, hour and score charts on the page show
 * figures (timeChartRows), reading the tables under "Xem số liệu".
 */
export async function expectTimeCharts(page, figures, unitName) {
  for (const [caption, want] of Object.entries(timeChartRows(figures, unitName))) {
    const fig = page.getByRole('figure', { name: caption, exact: true });
    await fig.waitFor();
    if (want === null) {
      await fig.getByText('Chưa có số liệu.').waitFor();
      continue;
    }
    await fig.getByText('Xem số liệu').click();
    const read = () => fig.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
    // The answer may still be rendering: wait a little for the figures.
    let got = await read();
    for (let i = 0; i < 20 && JSON.stringify(got) !== JSON.stringify(want); i++) {
      await page.waitForTimeout(100);
      got = await read();
    }
    assert.deepEqual(got, want, caption);
    await fig.getByText('Xem số liệu').click(); // closed again, as found
  }
}
