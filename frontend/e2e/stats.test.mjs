// The demo organizer reads the statistics of the demo contest on a phone:
// the KPI cards agree with the API's own figures (no count is hard-coded:
// the demo data grows), a unit is opened in the drill-down, and its weekly
// report downloads as a workbook that is read back here, cell by cell,
// against the same figures. Runs against `server serve --demo`
// (scripts/e2e.sh).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import readXlsxFile from 'read-excel-file/node';
import { BASE_URL, assertNoHorizontalScroll, openPhone, screenshot, step } from './browser.mjs';
import { ORGANIZER, logIn } from './people.mjs';

const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
/** Columns of the report's TheoDonVi sheet that the test reads, by header. */
const COLUMNS = { code: 'Mã đơn vị', name: 'Đơn vị', people: 'Số người dự thi', attempts: 'Số lượt thi', allCorrect: 'Số người đúng tất cả các câu' };

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** api calls the server as the organizer, like the page does. */
async function api(token, url) {
  const res = await fetch(BASE_URL + url, { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': 'vi' } });
  assert.equal(res.status, 200, `GET ${url}: ${res.status} ${await res.clone().text()}`);
  return res.json();
}

async function login() {
  const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: ORGANIZER.phone, password: ORGANIZER.password }),
  });
  assert.equal(res.status, 200);
  return (await res.json()).accessToken;
}

/** kpiFigures reads the KPI cards as { people: '12', … } (formatted text). */
async function kpiFigures(page) {
  return page.locator('[data-kpi]').evaluateAll((cards) =>
    Object.fromEntries(cards.map((c) => [c.getAttribute('data-kpi'), c.querySelector('dd').textContent.trim()])),
  );
}

/** expectKpis waits until the cards show the API's counts. */
async function expectKpis(page, counts) {
  const want = { people: vi.format(counts.people), attempts: vi.format(counts.attempts), allCorrect: vi.format(counts.allCorrect) };
  await page.waitForFunction(
    (w) => Object.entries(w).every(([k, v]) => document.querySelector(`[data-kpi="${k}"] dd`)?.textContent.trim() === v),
    want,
  ).catch(() => {});
  const got = await kpiFigures(page);
  assert.deepEqual({ people: got.people, attempts: got.attempts, allCorrect: got.allCorrect }, want);
}

let phone;
let dir;
before(async () => {
  phone = await openPhone();
  dir = await mkdtemp(path.join(tmpdir(), 'hoithi-e2e-stats-'));
});
after(async () => {
  await phone?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('organizer: statistics of the demo contest on a phone, and a unit report read back from Excel', async () => {
  const { page } = phone;
  const token = await login();
  const contest = (await api(token, '/api/v1/org/contests')).contests.find((c) => c.slug === 'demo');
  assert.ok(contest, 'the demo contest exists');
  const rounds = (await api(token, `/api/v1/org/contests/${contest.id}/rounds`)).rounds.filter((r) => r.status !== 'draft');
  assert.ok(rounds.length > 0, 'the demo contest has a round');

  await step(page, 'open-stats', async () => {
    await page.goto(BASE_URL + '/login');
    await logIn(page, ORGANIZER);
    await page.waitForURL('**/me');
    await page.getByRole('link', { name: 'Quản lý', exact: true }).click();
    await page.waitForURL('**/org/contests');
    await page.getByRole('link', { name: contest.title }).first().click();
    await page.getByRole('heading', { name: contest.title }).waitFor();
    await page.getByRole('tab', { name: 'Thống kê' }).click();
    await page.getByText(/^Cập nhật lúc \d\d:\d\d$/).waitFor();
  });

  await step(page, 'contest-kpis', async () => {
    const whole = await api(token, `/api/v1/org/contests/${contest.id}/stats?depth=1`);
    await expectKpis(page, whole.stats);
    // Each round's line agrees with the API.
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
    for (const child of detail.unit.children ?? []) {
      assert.deepEqual(await figures(page.locator('tr.unit', { hasText: child.name })), want(child), child.name);
    }
    await assertNoHorizontalScroll(page, assert);
    await screenshot(page, 'org-stats-unit');
  });

  await step(page, 'weekly-report', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Báo cáo tuần (Excel)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^bao-cao-thong-ke-demo-tuan-\d+-.+\.xlsx$/);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);

    const sheets = await readXlsxFile(file);
    const byUnit = sheets.find((s) => s.sheet === 'TheoDonVi').data;
    const header = byUnit[0];
    assert.deepEqual(header.slice(0, 2), [COLUMNS.code, COLUMNS.name]);
    const col = Object.fromEntries(Object.entries(COLUMNS).map(([k, h]) => [k, header.indexOf(h)]));
    for (const [k, i] of Object.entries(col)) assert.ok(i >= 0, `the header has "${COLUMNS[k]}": ${header.join(' | ')}`);
    // One line per child unit (the unit alone when it has none); they add
    // up to the unit's own figures, which the info sheet repeats.
    const lines = byUnit.slice(1);
    const figures = (x) => [x.name, x.people, x.attempts, x.allCorrect];
    const want = detail.unit.children?.length ? detail.unit.children : [detail.unit];
    for (const w of want) {
      const line = lines.find((l) => l[col.code] === w.code);
      assert.ok(line, `the report has a line for ${w.code}`);
      assert.deepEqual([line[col.name], line[col.people], line[col.attempts], line[col.allCorrect]], figures(w), `line of ${w.code}`);
    }
    const sum = (i) => lines.reduce((s, l) => s + Number(l[i] ?? 0), 0);
    assert.deepEqual([sum(col.people), sum(col.attempts), sum(col.allCorrect)], figures(detail.unit).slice(1));
    const info = Object.fromEntries(sheets.find((s) => s.sheet === 'ThongTin').data.map((r) => [r[0], r[1]]));
    assert.equal(info['Đơn vị'], unit.name);
    assert.equal(info['Đợt thi'], round.title);
    assert.equal(info['Số người dự thi'], detail.unit.people);
    assert.equal(info['Số lượt thi'], detail.unit.attempts);
  });

  await step(page, 'other-workbooks', async () => {
    // The other buttons download workbooks too (their contents are the
    // server's tests' business): each opens as an .xlsx with sheets.
    for (const [button, name] of [
      ['Phân tích câu hỏi (Excel)', /^phan-tich-cau-hoi-demo-tuan-\d+\.xlsx$/],
      ['Tổng hợp cuộc thi (Excel)', /^tong-hop-cuoc-thi-demo\.xlsx$/],
      ['Xếp hạng tập thể (Excel)', /^giai-tap-the-demo-tuan-\d+\.xlsx$/],
    ]) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      assert.match(download.suggestedFilename(), name);
      const file = path.join(dir, download.suggestedFilename());
      await download.saveAs(file);
      assert.ok((await readXlsxFile(file)).length > 0, `${button} has sheets`);
    }
  });

  await step(page, 'back-to-top', async () => {
    await page.getByRole('navigation', { name: 'Đường dẫn đơn vị' }).getByRole('button').first().click();
    await page.getByRole('button', { name: `Xem chi tiết ${unit.name}` }).waitFor();
    await expectKpis(page, top.stats);
  });

  await step(page, 'desktop', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await assertNoHorizontalScroll(page, assert);
    await screenshot(page, 'org-stats-desktop');
  });

  assert.deepEqual(phone.problems, [], 'the page logged errors');
});
