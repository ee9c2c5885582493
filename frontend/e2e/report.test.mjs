// The organizer of a grass-roots unit (Khu phố 1) reports its figures for
// the ward's demo contest on a phone: the contest is listed apart as one
// run above, opens on the statistics tab alone, rooted at the unit; the KPI
// cards agree with the API's own figures (nothing hard-coded: the demo data
// grows) and the weekly report of the closed round "Tuần 1" downloads and
// is read back against them. Nothing else of the contest (bank, rounds,
// contest-wide workbooks) is offered. Runs against `server serve --demo`
// (scripts/e2e.sh).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import readXlsxFile from 'read-excel-file/node';
import { BASE_URL, assertNoHorizontalScroll, openPhone, screenshot, step } from './browser.mjs';
import { UNIT_ORGANIZER, logIn } from './people.mjs';

const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const SECTION = 'Cuộc thi cấp trên — báo cáo của đơn vị';
const WEEKLY = 'Báo cáo tuần (Excel)';
/** Columns of the report's TheoDonVi sheet that the test reads, by header. */
const COLUMNS = { code: 'Mã đơn vị', name: 'Đơn vị', people: 'Số người dự thi', attempts: 'Số lượt thi', allCorrect: 'Số người đúng tất cả các câu' };

async function call(token, url) {
  return fetch(BASE_URL + url, { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': 'vi' } });
}

/** api calls the server as the unit's organizer, like the page does. */
async function api(token, url) {
  const res = await call(token, url);
  assert.equal(res.status, 200, `GET ${url}: ${res.status} ${await res.clone().text()}`);
  return res.json();
}

async function login() {
  const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: UNIT_ORGANIZER.phone, password: UNIT_ORGANIZER.password }),
  });
  assert.equal(res.status, 200);
  return (await res.json()).accessToken;
}

/** expectKpis waits until the cards show the API's counts, then compares them. */
async function expectKpis(page, counts) {
  const want = { people: vi.format(counts.people), attempts: vi.format(counts.attempts), allCorrect: vi.format(counts.allCorrect) };
  await page.waitForFunction(
    (w) => Object.entries(w).every(([k, v]) => document.querySelector(`[data-kpi="${k}"] dd`)?.textContent.trim() === v),
    want,
  ).catch(() => {});
  const got = await page.locator('[data-kpi]').evaluateAll((cards) =>
    Object.fromEntries(cards.map((c) => [c.getAttribute('data-kpi'), c.querySelector('dd').textContent.trim()])),
  );
  assert.deepEqual({ people: got.people, attempts: got.attempts, allCorrect: got.allCorrect }, want);
}

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
  // The day, hour and score series are contest-wide only: no empty boxes.
  for (const chart of ['Theo ngày', 'Theo giờ trong ngày (lượt thi)', 'Phân bố điểm']) {
    assert.equal(await page.getByRole('figure').filter({ hasText: chart }).count(), 0, `no "${chart}" chart`);
  }
  // The breadcrumb starts at the unit: nothing above it to go back to.
  const trail = page.getByRole('navigation', { name: 'Đường dẫn đơn vị' });
  assert.deepEqual((await trail.getByRole('listitem').allTextContents()).map((s) => s.trim()), [UNIT_ORGANIZER.unit]);
  assert.equal(await trail.getByRole('button').count(), 0);
}

let phone;
let dir;
before(async () => {
  phone = await openPhone();
  dir = await mkdtemp(path.join(tmpdir(), 'hoithi-e2e-report-'));
});
after(async () => {
  await phone?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('unit organizer: reports Khu phố 1’s figures for the ward’s contest on a phone, weekly report read back from Excel', async () => {
  const { page } = phone;
  const token = await login();
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
    assert.equal((await call(token, url)).status, 403, url);
  }

  await step(page, 'list', async () => {
    await page.goto(BASE_URL + '/login');
    await logIn(page, UNIT_ORGANIZER);
    await page.waitForURL('**/me');
    await page.getByRole('link', { name: 'Quản lý', exact: true }).click();
    await page.waitForURL('**/org/contests');
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
    await page.getByRole('button', { name: WEEKLY }).waitFor();
    await page.locator('table.units[aria-busy="false"]').waitFor();
    assert.deepEqual(await page.locator('tr.total td[data-col]').allTextContents(), [top.unit.people, top.unit.attempts, top.unit.allCorrect].map((n) => vi.format(n)));
    await expectReportOnly(page);
    await assertNoHorizontalScroll(page, assert);
    await screenshot(page, 'org-report-round');
  });

  await step(page, 'weekly-report', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: WEEKLY }).click()]);
    assert.match(download.suggestedFilename(), /^bao-cao-thong-ke-demo-tuan-\d+-ab-kp1\.xlsx$/);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);

    const sheets = await readXlsxFile(file);
    const byUnit = sheets.find((s) => s.sheet === 'TheoDonVi').data;
    const header = byUnit[0];
    const col = Object.fromEntries(Object.entries(COLUMNS).map(([k, h]) => [k, header.indexOf(h)]));
    for (const [k, i] of Object.entries(col)) assert.ok(i >= 0, `the header has "${COLUMNS[k]}": ${header.join(' | ')}`);
    // One line per child unit (the unit alone when it has none), adding up
    // to the unit's figures; no other unit of the ward appears.
    const lines = byUnit.slice(1);
    const want = top.unit.children?.length ? top.unit.children : [top.unit];
    assert.deepEqual(lines.map((l) => l[col.code]).sort(), want.map((w) => w.code).sort(), 'the report lists the unit only');
    for (const w of want) {
      const line = lines.find((l) => l[col.code] === w.code);
      assert.deepEqual([line[col.name], line[col.people], line[col.attempts], line[col.allCorrect]], [w.name, w.people, w.attempts, w.allCorrect], `line of ${w.code}`);
    }
    const sum = (i) => lines.reduce((s, l) => s + Number(l[i] ?? 0), 0);
    assert.deepEqual([sum(col.people), sum(col.attempts), sum(col.allCorrect)], [top.unit.people, top.unit.attempts, top.unit.allCorrect]);
    const info = Object.fromEntries(sheets.find((s) => s.sheet === 'ThongTin').data.map((r) => [r[0], r[1]]));
    assert.equal(info['Đơn vị'], UNIT_ORGANIZER.unit);
    assert.equal(info['Đợt thi'], week1.title);
    assert.equal(info['Số người dự thi'], top.unit.people);
    assert.equal(info['Số lượt thi'], top.unit.attempts);
  });

  assert.deepEqual(phone.problems, [], 'the page logged errors');
});
