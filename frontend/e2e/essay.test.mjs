// An essay contest from submission to forwarding, against
// `server serve --demo` (scripts/e2e.sh). What the UI cannot do yet is set
// up through the API: the demo admin opens a province (AG) essay contest,
// the demo organizer a ward (AB) one below it, three judges living in ward
// RG get the judge role on AB (the staff screen has its own test,
// essay-ward.test.mjs). Then in the browser: an author of Khu phố 1
// submits a .docx; the organizer, as secretariat, screens it in, creates a
// final round (90 + 10 points, step 0.5, two judges, third judge on a gap
// over 20) and assigns it; two judges score 90 and 60 from the
// keyboard; the secretariat sees the discrepancy and seats the third judge,
// who scores 70; the round closes and the work goes up to AG, picked by name.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BASE_URL, assertNoHorizontalScroll, call, phoneOpener, screenshot, step } from './browser.mjs';
import { docx } from './docx.mjs';
import { ORGANIZER, apiLogin, demoUnits, logIn, newCitizen } from './people.mjs';

const ADMIN = { phone: '0901000000', password: 'hoithi-demo' };
const suffix = String(Date.now()).slice(-6);
const SLUG = `bai-viet-phuong-${suffix}`;
const PARENT_SLUG = `bai-viet-tinh-${suffix}`;
const TITLE = `Chính luận phường An Biên ${suffix}`;
const WORK_TITLE = `Giữ vững nền tảng tư tưởng ${suffix}`;

/** register makes a citizen of unitId through the API (registration has its own browser test). */
async function register(unitId, fullName) {
  const p = newCitizen(fullName);
  const res = await call('POST', '/api/v1/auth/register', null, {
    fullName: p.fullName, birthDate: `${p.year}-05-${p.day}`, gender: 'male', phone: p.phone, cccd: p.cccd,
    unitId, occupation: 'citizen', email: p.email, address: p.address, password: p.password,
  });
  return { ...p, id: res.user.id, token: res.accessToken };
}

/** About 300 words with no author name in them. */
function essayText() {
  const words = 'Bảo vệ nền tảng tư tưởng của Đảng là nhiệm vụ quan trọng hàng đầu của toàn Đảng toàn dân và toàn quân trong giai đoạn mới'.split(' ');
  const out = [];
  for (let i = 0; out.length < 300; i++) out.push(words[i % words.length]);
  return [out.slice(0, 150).join(' ') + '.', out.slice(150).join(' ') + '.'];
}

const ctx = {};
let dir;
const phone = phoneOpener();

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hoithi-e2e-essay-'));
  const orgToken = await apiLogin(ORGANIZER);
  const unit = await demoUnits(orgToken);
  const deadline = new Date(Date.now() + 24 * 3600_000).toISOString();
  // The national online-newspaper category (a new contest otherwise gets
  // the ward preset, whose 1,500-word minimum this short essay misses).
  const categories = [{
    key: 'newspaper_online', name: 'Báo điện tử', written: true, maxWords: 2000, maxCoauthors: 2,
    maxWorksPerAuthor: 1, maxWorksOfKindPerAuthor: 2, allowedFileKinds: ['docx', 'pdf'], maxFileBytes: 20 << 20,
    maxOverlapPercent: 25,
  }];

  const adminToken = await apiLogin(ADMIN);
  const parent = await call('POST', '/api/v1/org/contests', adminToken, {
    slug: PARENT_SLUG, kind: 'essay', title: `Chính luận tỉnh An Giang ${suffix}`, ownerUnitId: unit('AG').id,
    status: 'published', settings: { deadline, categories },
  });
  const child = await call('POST', '/api/v1/org/contests', orgToken, {
    slug: SLUG, kind: 'essay', title: TITLE, ownerUnitId: unit('AB').id, status: 'published', settings: { deadline, categories },
  });
  ctx.parentId = parent.contest.id;
  ctx.contestId = child.contest.id;
  ctx.adminToken = adminToken;

  ctx.judges = [];
  for (let i = 0; i < 3; i++) {
    const j = await register(unit('RG').id, `Giám Khảo Số ${['Một', 'Hai', 'Ba'][i]}`);
    await call('PUT', `/api/v1/org/users/${j.id}/grants`, orgToken, { grants: [{ role: 'judge', unitId: unit('AB').id }] });
    ctx.judges.push(j);
  }
  ctx.author = await register(unit('AB-KP1').id, 'Lê Văn Tác Giả');
  ctx.file = path.join(dir, 'bai-du-thi.docx');
  await writeFile(ctx.file, docx(essayText()));
});

after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function logInAt(page, who, then) {
  await page.goto(BASE_URL + '/login');
  await logIn(page, who);
  await page.waitForURL('**/me');
  if (then) await page.goto(BASE_URL + then);
}

/** judgesOf asks each judge's queue (API) which of them sit on the work. */
async function judgesOf(roundId) {
  const seated = [];
  for (const j of ctx.judges) {
    const q = await call('GET', `/api/v1/judge/rounds/${roundId}/works`, await apiLogin(j));
    if (q.works.length) seated.push(j);
  }
  return seated;
}

/** score logs a judge in, opens the round from the header and scores from the keyboard. */
async function score(judge, content, form, { draftFirst = false } = {}) {
  const { page } = await phone();
  await logInAt(page, judge);
  await page.getByRole('link', { name: 'Chấm bài' }).click();
  await page.waitForURL('**/judge');
  await page.getByRole('link', { name: 'Vào chấm' }).click();
  await page.getByText('Đã chấm 0/1').waitFor();
  await page.getByRole('heading', { name: new RegExp(WORK_TITLE) }).waitFor();
  // "n" opens the next unscored work with the cursor in its first box.
  await page.locator('body').press('n');
  await assert.doesNotReject(page.waitForFunction(() => document.activeElement?.id === 'crit-0'));
  await page.keyboard.type(String(content));
  if (draftFirst) {
    await page.keyboard.press('Control+s');
    await page.getByText(`Đã lưu nháp (${content} điểm).`).waitFor();
  }
  await page.keyboard.press('Enter');
  await page.keyboard.type(String(form));
  await page.getByText(`Tổng điểm: ${content + form} / 100`).waitFor();
  page.once('dialog', (d) => {
    assert.match(d.message(), new RegExp(`Nộp điểm ${content + form} cho bài`));
    d.accept();
  });
  await page.keyboard.press('Enter');
  await page.getByText(`Điểm đã nộp và bị khóa: ${content + form} điểm`).waitFor();
  await page.getByText('Đã chấm 1/1').waitFor();
  assert.equal(await page.locator('#crit-0').isDisabled(), true, 'a submitted sheet is locked');
  return page;
}

test('essay contest: submit, screen, judge with a third judge, close and forward', async () => {
  let receipt = '';
  await (async () => {
    const { page } = await phone();
    await step(page, 'author-submits', async () => {
      await logInAt(page, ctx.author, `/c/${SLUG}`);
      await page.getByRole('heading', { name: TITLE }).waitFor();
      await page.getByText(/Hạn nhận tác phẩm/).waitFor();
      await page.getByText(/Báo điện tử — Số chữ: tối đa 2\.000 chữ/).waitFor();
      await page.getByLabel('Thể loại*').selectOption('newspaper_online');
      await page.getByText('Đồng tác giả: tối đa 2').first().waitFor();
      await page.getByLabel('Tên tác phẩm*').fill(WORK_TITLE);
      await page.getByLabel('Tệp tác phẩm*').setInputFiles(ctx.file);
      await page.getByRole('button', { name: 'Thêm đồng tác giả' }).click();
      await page.getByRole('button', { name: 'Thêm đồng tác giả' }).click();
      // Two co-authors is the category's limit: no third row.
      assert.equal(await page.getByRole('button', { name: 'Thêm đồng tác giả' }).count(), 0);
      await page.getByRole('button', { name: 'Xóa đồng tác giả 2' }).click();
      await page.locator('#co-0-name').fill('Phạm Thị Đồng');
      await page.locator('#co-0-phone').fill('0987654321');
      await page.getByLabel('Bút danh').fill('Bút Xanh');
      await page.getByLabel('Số tài khoản ngân hàng').fill('0123456789012');
      await page.getByLabel('Tên ngân hàng').fill('Vietcombank');
      await page.getByRole('button', { name: 'Gửi tác phẩm' }).click();
      await page.getByText('Cần xác nhận lời cam đoan.').waitFor();
      await page.getByLabel(/Tôi cam đoan/).check();
      await page.getByRole('button', { name: 'Gửi tác phẩm' }).click();
      await page.getByText('Đã nhận tác phẩm').waitFor();
      const line = await page.getByText(/^Mã biên nhận: /).first().innerText();
      receipt = line.replace('Mã biên nhận: ', '').trim();
      assert.ok(receipt.length >= 4, `receipt "${receipt}"`);
      await page.getByText(/Số chữ đếm được: 3\d\d/).waitFor();
      const mine = page.locator('section.mine');
      await mine.getByText(WORK_TITLE).waitFor();
      await mine.getByText('Chờ sơ loại').waitFor();
      await assertNoHorizontalScroll(page, assert);
      await screenshot(page, 'essay-receipt');
    });
  })();

  const { page: sec } = await phone();
  await step(sec, 'secretariat-screens', async () => {
    await logInAt(sec, ORGANIZER, `/org/contests/${ctx.contestId}`);
    await sec.getByRole('link', { name: 'Tổ thư ký (bài viết)' }).click();
    await sec.waitForURL(`**/org/essay/${ctx.contestId}`);
    await sec.getByRole('cell', { name: receipt, exact: true }).waitFor();
    await sec.getByRole('button', { name: `Phiếu thông tin ${receipt}` }).click();
    await sec.getByRole('heading', { name: `Phiếu thông tin — ${receipt}` }).waitFor();
    await sec.getByText('Lê Văn Tác Giả').waitFor();
    await sec.getByText('Phạm Thị Đồng').waitFor();
    await sec.getByRole('button', { name: `Hợp lệ ${receipt}` }).click();
    const row = sec.getByRole('row', { name: new RegExp(receipt) });
    await row.getByRole('cell', { name: 'Hợp lệ', exact: true }).waitFor();
    ctx.code = (await row.getByRole('cell').first().innerText()).trim();
    assert.match(ctx.code, /^[A-Z0-9-]{4,}$/, `anonymous code "${ctx.code}"`);
  });

  await step(sec, 'secretariat-creates-round', async () => {
    await sec.getByRole('tab', { name: 'Vòng chấm' }).click();
    await sec.getByLabel('Tên vòng').fill('Chung khảo');
    await sec.getByLabel('Loại vòng').selectOption({ label: 'Chung khảo' });
    await sec.getByLabel('Tiêu chí 1', { exact: true }).fill('Nội dung');
    await sec.getByLabel('Điểm tối đa tiêu chí 1', { exact: true }).fill('90');
    await sec.getByRole('button', { name: 'Thêm tiêu chí' }).click();
    await sec.getByLabel('Tiêu chí 2', { exact: true }).fill('Hình thức');
    await sec.getByLabel('Điểm tối đa tiêu chí 2', { exact: true }).fill('10');
    await sec.getByText('Tổng điểm tối đa: 100 / 100').waitFor();
    assert.equal(await sec.getByLabel('Bước điểm').inputValue(), '0.5');
    assert.equal(await sec.getByLabel('Số giám khảo mỗi bài').inputValue(), '2');
    assert.equal(await sec.getByLabel('Xử lý chênh lệch').inputValue(), 'third_judge_stands');
    await sec.getByLabel('Ngưỡng chênh lệch (điểm)').fill('20');
    await sec.getByLabel('Số bài (N)').fill('1');
    // Judges are picked by name, never by ID.
    const picker = sec.getByRole('searchbox', { name: 'Giám khảo thể loại Báo điện tử' });
    await picker.fill('giam khao so');
    await picker.press('Enter');
    for (const j of ctx.judges) await sec.getByRole('button', { name: `Chọn ${j.fullName}` }).click();
    await sec.getByRole('button', { name: 'Tạo vòng chấm' }).click();
    await sec.getByText('Đã tạo vòng Chung khảo.').waitFor();
    await sec.getByRole('heading', { name: /1\. Chung khảo Chưa phân công/ }).waitFor();
    await sec.getByRole('button', { name: 'Phân công chấm' }).click();
    await sec.getByText('Đã phân công 1 bài, 2 lượt chấm.').waitFor();
    await sec.getByRole('heading', { name: /1\. Chung khảo Đang chấm/ }).waitFor();
    const rounds = await call('GET', `/api/v1/org/essay/${ctx.contestId}/rounds`, ctx.adminToken);
    ctx.roundId = rounds.rounds[0].id;
  });

  const seated = await judgesOf(ctx.roundId);
  assert.equal(seated.length, 2, 'two judges per work');
  const judgePages = [];
  for (const [i, [content, form]] of [[80, 10], [55, 5]].entries()) {
    judgePages.push(await score(seated[i], content, form));
  }
  await screenshot(judgePages[0], 'essay-judge-locked');

  await step(sec, 'discrepancy-third-judge', async () => {
    await sec.getByRole('button', { name: 'Tải lại' }).click();
    await sec.getByText('Chênh lệch 30 điểm').waitFor();
    await sec.getByText('1 bài chênh lệch').waitFor();
    sec.once('dialog', (d) => d.accept());
    await sec.getByRole('button', { name: `Giám khảo thứ ba ${ctx.code}` }).click();
    await sec.getByText('Đã giao giám khảo thứ ba.').waitFor();
    await screenshot(sec, 'essay-discrepancy');
  });

  const third = ctx.judges.find((j) => !seated.includes(j));
  await score(third, 65, 5, { draftFirst: true });

  await step(sec, 'close-and-forward', async () => {
    await sec.getByRole('button', { name: 'Tải lại' }).click();
    await sec.getByRole('row', { name: new RegExp(`${ctx.code}.*70\\*`) }).waitFor();
    sec.once('dialog', (d) => d.accept());
    await sec.getByRole('button', { name: 'Kết thúc vòng chấm' }).click();
    await sec.getByText('Đã kết thúc vòng chung khảo.').waitFor();
    await sec.getByRole('heading', { name: /1\. Chung khảo Đã kết thúc/ }).waitFor();
    // The destination is picked by its name, never typed as an ID.
    const to = sec.getByLabel('Cuộc thi cấp trên');
    await to.selectOption({ label: `Chính luận tỉnh An Giang ${suffix} — Tỉnh An Giang` });
    await sec.getByLabel('Số bài cao nhất mỗi thể loại').fill('1');
    await sec.getByRole('button', { name: 'Xem danh sách sẽ chuyển' }).click();
    await sec.getByRole('list', { name: 'Danh sách bài sẽ chuyển' }).getByText(WORK_TITLE, { exact: false }).waitFor();
    sec.once('dialog', (d) => {
      assert.match(d.message(), new RegExp(`Chuyển 1 bài lên "Chính luận tỉnh An Giang ${suffix}"`));
      d.accept();
    });
    await sec.getByRole('button', { name: 'Chuyển 1 bài lên cấp trên' }).click();
    await sec.getByText('Đã chuyển 1 tác phẩm lên cấp trên.').waitFor();
    await screenshot(sec, 'essay-forwarded');
  });

  const up = await call('GET', `/api/v1/org/essay/${ctx.parentId}/works`, ctx.adminToken);
  assert.equal(up.works.length, 1, 'the province contest received the work');
  assert.equal(up.works[0].title, WORK_TITLE);
  assert.equal(up.works[0].origin.contestName, TITLE);
});
