// A ward essay contest run from the browser alone, against
// `server serve --demo` (scripts/e2e.sh). The demo organizer of Phường An
// Biên creates the staff (three judges and a secretary, each with the
// generated first password they then log in with), creates and publishes
// the contest (ward preset: chính luận, 1.500–3.000 chữ) and sets its
// deadline; six citizens submit Word files (one names the author's Khu phố
// → flagged; two are near-duplicates → flagged); the secretary screens,
// checks similarity and runs a preliminary round (a discrepancy goes to a
// third judge; the judges' progress; a locked sheet reopened with a reason
// the judge is shown) and a final round with the rubric copied; the organizer decides the prizes (still
// there after a reload; a second click erases nothing), forwards two works
// to the province contest picked by name (twice: once), and downloads and
// reads every essay export. Made through the API: only the citizens who
// submit, and the province's contest that receives the works.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import readXlsxFile from 'read-excel-file/node';
import { BASE_URL, call, download, openPhone, screenshot, step } from './browser.mjs';
import { docx } from './docx.mjs';
import { ORGANIZER, apiLogin, demoUnits, logIn, newCitizen } from './people.mjs';

const ADMIN = { phone: '0901000000', password: 'hoithi-demo' };
const suffix = String(Date.now()).slice(-6);
const n = (i) => `${suffix.slice(-5)}${i}`;
/** Staff made in the UI: a fresh phone per run. */
const JUDGES = ['Trần Thị Giám', 'Phạm Văn Khảo', 'Lê Thị Chấm'].map((fullName, i) => ({ fullName, phone: `096${n(i)}0` }));
const SECRETARY = { fullName: 'Võ Thị Thư Ký', phone: `096${n(7)}0` };
const WARD = 'Phường An Biên';
const TITLE = `Chính luận phường An Biên ${suffix}`;
const PARENT_TITLE = `Chính luận tỉnh An Giang ${suffix}`;
/** Keys people must never see, on screen or in a file. */
const RAW_KEYS = /^(chinh_luan|nhat|nhi|ba|kk|youngest|oldest|fullName|birthDate|third_judge_stands|average_all|preliminary|final|submitted|accepted|rejected)$/;
/** The same on screen, where "ba" is also the Vietnamese word for three. */
const SCREEN_KEYS = /^(chinh_luan|nhat|nhi|kk|youngest|oldest|fullName|birthDate|third_judge_stands|average_all|preliminary|final|submitted|accepted|rejected)$/;

const pages = [];
async function browser() {
  const p = await openPhone();
  pages.push(p);
  return p.page;
}
let dir;
const ctx = { works: [] };

/** words makes about count words of Vietnamese prose from a seed: different seeds share no long phrase. */
function words(seed, count) {
  const vocab = ('Đảng nhân dân đất nước tư tưởng lý luận thực tiễn nền tảng bảo vệ đấu tranh phản bác quan điểm sai trái thù địch ' +
    'cán bộ đảng viên thanh niên học sinh gia đình khu dân cư đoàn kết xây dựng chỉnh đốn phát triển kinh tế văn hóa xã hội ' +
    'niềm tin trách nhiệm kỷ cương pháp luật mạng xã hội thông tin chính xác kịp thời sáng tạo kiên định mục tiêu độc lập dân tộc ' +
    'chủ nghĩa xã hội đổi mới hội nhập quốc tế hòa bình ổn định truyền thống lịch sử vẻ vang cách mạng nhân nghĩa lòng yêu nước ' +
    'gương mẫu tiên phong học tập làm theo đạo đức phong cách tấm gương bình dị lan tỏa việc tốt người tốt sức mạnh đại đoàn kết').split(' ');
  let x = seed * 2654435761 % 4294967296;
  const rnd = () => ((x = (x * 1664525 + 1013904223) % 4294967296) / 4294967296);
  const out = [];
  while (out.length * 12 < count) {
    const sentence = [];
    for (let i = 0; i < 12; i++) sentence.push(vocab[Math.floor(rnd() * vocab.length)]);
    sentence[0] = sentence[0][0].toUpperCase() + sentence[0].slice(1);
    out.push(sentence.join(' ') + '.');
  }
  return out.join(' ');
}

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hoithi-e2e-ward-'));
  const adminToken = await apiLogin(ADMIN);
  const unit = await demoUnits(adminToken);
  // The province's contest that receives forwarded works (the ward preset's categories).
  const parent = await call('POST', '/api/v1/org/contests', adminToken, {
    slug: `chinh-luan-tinh-${suffix}`, kind: 'essay', title: PARENT_TITLE, ownerUnitId: unit('AG').id, status: 'published',
    settings: { deadline: new Date(Date.now() + 7 * 24 * 3600_000).toISOString() },
  });
  ctx.parentId = parent.contest.id;
  // Six citizens of the ward's Khu phố 1 and 2 (registration has its own test).
  const authors = ['Đỗ Văn Một', 'Ngô Thị Hai', 'Bùi Văn Ba', 'Hồ Thị Bốn', 'Đinh Văn Năm', 'Lý Thị Sáu'];
  for (const [i, fullName] of authors.entries()) {
    const p = newCitizen(fullName);
    const res = await call('POST', '/api/v1/auth/register', null, {
      fullName: p.fullName, birthDate: `${1980 + i}-05-15`, gender: i % 2 ? 'female' : 'male', phone: p.phone,
      cccd: `089${i % 2 ? 1 : 0}${String(80 + i).padStart(2, '0')}${p.cccd.slice(-6)}`, unitId: unit(i < 3 ? 'AB-KP1' : 'AB-KP2').id,
      occupation: 'citizen', password: p.password,
    });
    ctx.works.push({ author: { ...p, id: res.user.id } });
  }
  // The works: A–D distinct; E names its author's Khu phố 2; F copies D with a few words changed.
  const texts = [words(11, 1620), words(23, 1650), words(37, 1700), words(41, 1640)];
  texts.push(words(53, 800) + ' Ở Khu phố 2 chúng tôi luôn gương mẫu đi đầu. ' + words(59, 800));
  texts.push(texts[3].replace(/^(\S+ \S+ \S+)/, 'Hôm nay $1').replace(/ nhân dân /, ' toàn dân '));
  const titles = ['Giữ vững trận địa tư tưởng', 'Niềm tin từ cơ sở', 'Ngọn lửa đoàn kết', 'Lan tỏa điều tốt', 'Khu phố gương mẫu', 'Việc tốt quanh ta'];
  for (const [i, w] of ctx.works.entries()) {
    w.title = `${titles[i]} ${suffix}`;
    w.file = path.join(dir, `bai-${i + 1}.docx`);
    const text = texts[i].split('. ');
    await writeFile(w.file, docx([text.slice(0, 40).join('. '), text.slice(40).join('. ')]));
  }
});

after(async () => {
  for (const p of pages) await p.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** logInAt opens /login, logs who in and waits for the profile page. */
async function logInAt(page, who) {
  await page.goto(BASE_URL + '/login');
  await logIn(page, who);
  await page.waitForURL('**/me');
}

/** selectByText picks the option of the select labelled label whose text contains text. */
async function selectByText(page, label, text) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  assert.ok(value, `no option "${text}" in "${label}"`);
  await select.selectOption(value);
}

/** noRawKeys fails when the page shows a key instead of a label or an internal ID. */
async function noRawKeys(page, where) {
  const text = await page.locator('body').innerText();
  for (const word of text.split(/[\s·,()—:]+/)) {
    assert.doesNotMatch(word, SCREEN_KEYS, `${where} shows the key "${word}"`);
  }
  for (const id of [ctx.parentId, ctx.contestId, ...ctx.works.map((w) => w.author.id)].filter(Boolean)) {
    assert.ok(!text.includes(id), `${where} shows an internal ID`);
  }
}

let org;

test('staff are created and granted from the staff screen; judges log in with the first password', async () => {
  org = await browser();
  await step(org, 'staff-created', async () => {
    await logInAt(org, ORGANIZER);
    await org.getByRole('link', { name: 'Quản lý', exact: true }).click();
    await org.getByRole('link', { name: 'Người dùng / Ban giám khảo' }).click();
    await org.waitForURL('**/org/staff');
    for (const person of [...JUDGES, SECRETARY]) {
      await org.getByLabel(/^Họ và tên\*?$/).fill(person.fullName);
      await org.getByLabel(/^Số điện thoại\*?$/).fill(person.phone);
      await selectByText(org, 'Đơn vị công tác', WARD);
      await org.getByLabel('Vai trò', { exact: true }).first().selectOption({ label: person === SECRETARY ? 'Thư ký' : 'Giám khảo' });
      await selectByText(org, 'Phạm vi vai trò (đơn vị và các đơn vị trực thuộc)', WARD);
      await org.getByRole('button', { name: 'Tạo tài khoản' }).click();
      await org.getByText(`Đã tạo tài khoản cho ${person.fullName}.`).waitFor();
      person.password = (await org.getByTestId('first-password').innerText()).trim();
      assert.match(person.password, /^[a-z2-9]{10}$/, 'a generated first password is shown');
      await org.getByRole('button', { name: 'Đã ghi lại, ẩn mật khẩu' }).click();
      assert.equal(await org.getByTestId('first-password').count(), 0, 'the password is shown once');
    }
    // The list names each person's role and unit, never an ID.
    const row = org.getByRole('row', { name: new RegExp(JUDGES[0].fullName) });
    await row.getByText('Giám khảo — Phường An Biên').waitFor();
    await org.getByRole('row', { name: new RegExp(SECRETARY.fullName) }).getByText('Thư ký — Phường An Biên').waitFor();
    // Last activity: nobody new has logged in yet.
    for (const person of [...JUDGES, SECRETARY]) {
      await org.getByRole('row', { name: new RegExp(person.fullName) }).getByRole('cell', { name: 'chưa đăng nhập', exact: true }).waitFor();
    }
    assert.doesNotMatch(await org.locator('main, body').first().innerText(), /\b[a-z0-9]{16}\b/, 'no internal IDs on the staff screen');

    // Revoking asks first; a refused confirmation changes nothing.
    org.once('dialog', (d) => d.dismiss());
    await org.getByRole('button', { name: `Thu hồi vai trò Giám khảo của ${JUDGES[2].fullName}` }).click();
    await org.getByRole('row', { name: new RegExp(JUDGES[2].fullName) }).getByText('Giám khảo — Phường An Biên').waitFor();
    await screenshot(org, 'essay-ward-staff');
  });

  for (const judge of JUDGES) {
    const page = await browser();
    await step(page, `judge-logs-in-${judge.phone}`, async () => {
      await logInAt(page, { phone: judge.phone, password: judge.password });
      await page.getByRole('link', { name: 'Chấm bài' }).waitFor();
      judge.page = page;
    });
  }
  await step(org, 'staff-last-activity', async () => {
    // The judges' logins show as dd/mm/yyyy HH:mm; the secretary's row still says never.
    await org.reload();
    for (const judge of JUDGES) {
      const cell = org.getByRole('row', { name: new RegExp(judge.fullName) }).getByRole('cell', { name: /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/ });
      await cell.waitFor();
    }
    await org.getByRole('row', { name: new RegExp(SECRETARY.fullName) }).getByRole('cell', { name: 'chưa đăng nhập', exact: true }).waitFor();
  });
});

test('the organizer creates the contest, publishes it and sets its rules (ward preset, deadline)', async () => {
  await step(org, 'contest-created', async () => {
    await org.getByRole('link', { name: 'Cuộc thi', exact: true }).click();
    await org.waitForURL('**/org/contests');
    await org.getByLabel(/^Tên cuộc thi/).fill(TITLE);
    await org.getByLabel(/^Loại cuộc thi/).selectOption({ label: 'Thi viết' });
    await selectByText(org, 'Đơn vị tổ chức*', WARD).catch(() => selectByText(org, 'Đơn vị tổ chức', WARD));
    await org.getByRole('button', { name: 'Tạo cuộc thi' }).click();
    await org.waitForURL(/\/org\/contests\/[a-z0-9]+$/);
    ctx.contestId = org.url().split('/').pop();
    await org.getByRole('heading', { name: TITLE }).waitFor();
    await org.getByRole('button', { name: 'Công bố cuộc thi' }).click();
    await org.getByText('Đã công bố cuộc thi.').waitFor();
    ctx.slug = (await call('GET', `/api/v1/org/contests/${ctx.contestId}`, await apiLogin(ORGANIZER))).contest.slug;

    await org.getByRole('link', { name: 'Tổ thư ký (bài viết)' }).click();
    await org.waitForURL(`**/org/essay/${ctx.contestId}`);
    await org.getByRole('tab', { name: 'Thể lệ' }).click();
    // A new essay contest starts from the ward preset.
    assert.equal(await org.getByLabel('Tên thể loại 1').inputValue(), 'Bài chính luận');
    assert.equal(await org.getByLabel('Số chữ tối thiểu thể loại 1').inputValue(), '1500');
    assert.equal(await org.getByLabel('Số chữ tối đa thể loại 1').inputValue(), '3000');
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    const pad = (x) => String(x).padStart(2, '0');
    await org.getByLabel('Hạn nhận tác phẩm').fill(`${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T17:00`);
    await org.getByRole('button', { name: 'Lưu thể lệ' }).click();
    await org.getByText('Đã lưu thể lệ.').waitFor();
    await noRawKeys(org, 'the rules tab');
  });
});

test('six citizens submit their works from the contest page', async () => {
  for (const [i, w] of ctx.works.entries()) {
    const page = await browser();
    await step(page, `submit-${i + 1}`, async () => {
      await logInAt(page, w.author);
      await page.goto(`${BASE_URL}/c/${ctx.slug}`);
      await page.getByRole('heading', { name: TITLE }).waitFor();
      await page.getByText(/Bài chính luận — Số chữ: từ 1\.500 đến 3\.000 chữ/).waitFor();
      await page.getByLabel('Thể loại*').selectOption({ label: 'Bài chính luận' });
      await page.getByLabel('Tên tác phẩm*').fill(w.title);
      await page.getByLabel('Tệp tác phẩm*').setInputFiles(w.file);
      await page.getByLabel(/Tôi cam đoan/).check();
      await page.getByRole('button', { name: 'Gửi tác phẩm' }).click();
      await page.getByText('Đã nhận tác phẩm').waitFor();
      w.receipt = (await page.getByText(/^Mã biên nhận: /).first().innerText()).replace('Mã biên nhận: ', '').trim();
    });
    await pages.pop().close();
  }
});

let sec;

test('the secretary screens: the unit-naming work and the near-duplicate are flagged and rejected', async () => {
  sec = await browser();
  await step(sec, 'screening', async () => {
    await logInAt(sec, SECRETARY);
    await sec.getByRole('link', { name: 'Quản lý', exact: true }).click();
    // A secretary's contest list leads straight to the secretariat's desk.
    await sec.getByRole('link', { name: TITLE }).click();
    await sec.waitForURL(`**/org/essay/${ctx.contestId}`);
    const [, , , , named, copy] = ctx.works;
    await sec.getByRole('row', { name: new RegExp(named.receipt) }).getByText(/Tên đơn vị của tác giả "Khu phố 2"/).waitFor();
    // The secretariat reads the work as it was sent.
    const original = await download(sec, `Tải bản gốc ${named.receipt}`, dir);
    assert.equal(original.name, `${named.receipt}.docx`);
    assert.deepEqual(await readFile(original.file), await readFile(named.file), 'the original, unchanged');

    await sec.getByRole('tab', { name: 'Trùng lặp' }).click();
    await sec.getByRole('button', { name: 'Kiểm tra trùng lặp' }).click();
    await sec.getByText(/Đã so 6 tác phẩm, 1 cặp vượt ngưỡng\./).waitFor();
    const pair = await sec.getByText(/↔/).first().innerText();
    assert.ok(pair.includes(copy.receipt) && pair.includes(ctx.works[3].receipt), `the near-duplicates are paired: ${pair}`);

    await sec.getByRole('tab', { name: 'Bài dự thi' }).click();
    for (const w of [named, copy]) {
      await sec.getByRole('button', { name: `Phạm quy ${w.receipt}` }).click();
      await sec.getByLabel('Lý do phạm quy').fill(w === named ? 'Bài nêu tên khu phố của tác giả' : 'Trùng lặp với bài khác');
      await sec.getByRole('button', { name: 'Xác nhận phạm quy' }).click();
      await sec.getByRole('row', { name: new RegExp(w.receipt) }).getByRole('cell', { name: 'Phạm quy', exact: true }).waitFor();
    }
    for (const w of ctx.works.slice(0, 4)) {
      await sec.getByRole('button', { name: `Hợp lệ ${w.receipt}` }).click();
      const row = sec.getByRole('row', { name: new RegExp(w.receipt) });
      await row.getByRole('cell', { name: 'Hợp lệ', exact: true }).waitFor();
      w.code = (await row.getByRole('cell').first().innerText()).trim();
    }
    await noRawKeys(sec, 'the works table');
  });
});

/** roundCard is the section of the judging round named name. */
const roundCard = (page, name) => page.locator('section.round', { has: page.getByRole('heading', { name: new RegExp(`^\\d+\\. ${name}`) }) });

/** createRound fills the round form as the secretary. */
async function createRound(name, { kind, copyFrom, policy, topN }) {
  await sec.getByRole('tab', { name: 'Vòng chấm' }).click();
  await sec.getByLabel('Tên vòng').fill(name);
  await sec.getByLabel('Loại vòng').selectOption({ label: kind });
  if (copyFrom) {
    await sec.getByRole('button', { name: `Chép tiêu chí từ vòng ${copyFrom}` }).click();
  } else {
    await sec.getByLabel('Tiêu chí 1', { exact: true }).fill('Nội dung');
    await sec.getByLabel('Điểm tối đa tiêu chí 1', { exact: true }).fill('90');
    await sec.getByLabel('Mô tả tiêu chí 1 (giám khảo sẽ thấy)').fill('Tính khoa học, tính Đảng, tính chiến đấu, tính định hướng');
    await sec.getByRole('button', { name: 'Thêm tiêu chí' }).click();
    await sec.getByLabel('Tiêu chí 2', { exact: true }).fill('Hình thức');
    await sec.getByLabel('Điểm tối đa tiêu chí 2', { exact: true }).fill('10');
  }
  await sec.getByText('Tổng điểm tối đa: 100 / 100').waitFor();
  await sec.getByLabel('Xử lý chênh lệch').selectOption({ label: policy });
  await sec.getByLabel('Ngưỡng chênh lệch (điểm)').fill('20');
  await sec.getByLabel('Số bài (N)').fill(String(topN));
  const picker = sec.getByRole('searchbox', { name: 'Giám khảo thể loại Bài chính luận' });
  for (const j of JUDGES) {
    // The form keeps the last round's panel: pick only who is missing.
    if (await sec.getByRole('button', { name: `Bỏ ${j.fullName}` }).count()) continue;
    await picker.fill(j.fullName);
    await picker.press('Enter');
    await sec.getByRole('button', { name: `Chọn ${j.fullName}` }).click();
  }
  await sec.getByRole('button', { name: 'Tạo vòng chấm' }).click();
  await sec.getByText(`Đã tạo vòng ${name}.`).waitFor();
  await roundCard(sec, name).getByRole('button', { name: 'Phân công chấm' }).click();
}

/**
 * judgeAll has every judge score every work waiting for them in the round,
 * from the keyboard: plan maps a work's title to the [content, form] each
 * successive judge gives it (typed as shown, "81,5" included).
 */
async function judgeAll(roundName, plan) {
  const given = {};
  for (const judge of JUDGES) {
    const page = judge.page;
    await step(page, `judge-${roundName}-${judge.phone}`, async () => {
      await page.goto(BASE_URL + '/me');
      await page.getByRole('link', { name: 'Chấm bài' }).click();
      await page.waitForURL('**/judge');
      const card = page.locator('li', { hasText: roundName });
      await card.or(page.getByText('Bạn chưa được phân công vòng chấm nào đang mở.')).first().waitFor();
      if ((await card.count()) === 0) return;
      await card.getByRole('link', { name: 'Vào chấm' }).click();
      const progress = page.getByText(/^Đã chấm \d+\/\d+$/);
      await progress.waitFor();
      let previous = '';
      for (;;) {
        const [done, total] = (await progress.innerText()).match(/\d+/g).map(Number);
        if (done === total) break;
        const reading = page.getByRole('heading', { level: 2 }).filter({ hasText: suffix });
        if (!previous) {
          // "n" opens the next unscored work with the cursor in its first box.
          await page.locator('body').press('n');
        } else {
          // After a submission the page opens the next unscored work itself.
          await page.waitForFunction((prev) => [...document.querySelectorAll('h2')].every((h) => h.textContent !== prev), previous);
        }
        await page.waitForFunction(() => document.activeElement?.id === 'crit-0');
        const heading = (previous = await reading.innerText());
        const title = Object.keys(plan).find((t) => heading.includes(t));
        assert.ok(title, `unplanned work ${heading}`);
        const k = (given[title] = (given[title] ?? 0) + 1) - 1;
        const [content, form] = plan[title][k];
        if (!judge.triedAboveMax) {
          // A value above the criterion's maximum is refused on its field.
          await page.keyboard.type('95');
          await page.getByText('Điểm tối đa của tiêu chí này là 90.').waitFor();
          await page.keyboard.press('Enter');
          assert.equal(await page.evaluate(() => document.activeElement?.id), 'crit-0', 'Enter stays on a refused value');
          await page.locator('#crit-0').fill('');
          judge.triedAboveMax = true;
        }
        const reopened = page.getByText(/^Tổ thư ký đã mở lại phiếu điểm: /);
        if (await reopened.count()) judge.toldReopened = await reopened.innerText();
        // fill, not type: a reopened sheet still holds the earlier figures.
        await page.locator('#crit-0').fill(content);
        await page.keyboard.press('Enter');
        await page.locator('#crit-1').fill(form);
        const sum = Number(content.replace(',', '.')) + Number(form);
        const shown = String(sum).replace('.', ',');
        await page.getByText(`Tổng điểm: ${shown} / 100`).waitFor();
        page.once('dialog', (d) => d.accept());
        await page.keyboard.press('Enter');
        await page.getByText(`Đã nộp điểm (${shown} điểm).`).waitFor();
        await page.getByText(`Đã chấm ${done + 1}/${total}`).waitFor();
      }
    });
  }
}

test('a preliminary round: two judges per work, a discrepancy settled by the third judge', async () => {
  const [A, B, C, D] = ctx.works;
  await step(sec, 'round-1-created', async () => {
    await createRound('Sơ khảo', { kind: 'Sơ khảo', policy: 'Giám khảo thứ ba chấm; điểm của giám khảo thứ ba là điểm cuối cùng', topN: 3 });
    await sec.getByText('Đã phân công 4 bài, 8 lượt chấm.').waitFor();
  });
  await judgeAll('Sơ khảo', {
    [A.title]: [['80', '9'], ['81,5', '9']],
    [B.title]: [['75', '8'], ['45', '5']],
    [C.title]: [['70', '7'], ['72', '7']],
    [D.title]: [['60', '5'], ['62', '5']],
  });
  await step(sec, 'round-1-discrepancy', async () => {
    const card = roundCard(sec, 'Sơ khảo');
    await card.getByRole('button', { name: 'Tải lại' }).click();
    await card.getByText('1 bài chênh lệch').waitFor();
    sec.once('dialog', (d) => {
      assert.match(d.message(), new RegExp(`Giao bài ${B.code} cho giám khảo thứ ba`));
      d.accept();
    });
    await card.getByRole('button', { name: `Giám khảo thứ ba ${B.code}` }).click();
    await card.getByText('Đã giao giám khảo thứ ba.').waitFor();
  });
  await judgeAll('Sơ khảo', { [B.title]: [['70', '8']] });
  await step(sec, 'round-1-progress-and-reopen', async () => {
    const card = roundCard(sec, 'Sơ khảo');
    await card.getByRole('button', { name: 'Tải lại' }).click();
    // Every judge by name with their figures; nobody is pending now.
    const progress = card.getByRole('table', { name: 'Tiến độ giám khảo' });
    for (const j of JUDGES) await progress.getByRole('row', { name: new RegExp(`^${j.fullName}`) }).waitFor();
    assert.equal(await progress.getByRole('link', { name: /^Gọi nhắc/ }).count(), 0, 'no reminder when nothing is pending');
    // The secretariat reopens one locked sheet of D, with a reason.
    const button = card.getByRole('button', { name: new RegExp(`^Mở lại phiếu của .* cho bài ${D.code}$`) }).first();
    const who = (await button.getAttribute('aria-label')).replace(/^Mở lại phiếu của /, '').replace(/ cho bài .*$/, '');
    sec.once('dialog', (d) => d.accept('Nhập nhầm điểm hình thức'));
    await button.click();
    await card.getByText(`Đã mở lại phiếu của ${who} cho bài ${D.code}; giám khảo đã được báo lý do.`).waitFor();
    await progress.getByRole('row', { name: new RegExp(`^${who}.*${D.code}`) }).getByRole('link', { name: `Gọi nhắc ${who}` }).waitFor();
    ctx.reopenedBy = who;
  });
  await judgeAll('Sơ khảo', { [D.title]: [['61', '5']] });
  assert.equal(JUDGES.find((j) => j.fullName === ctx.reopenedBy).toldReopened, 'Tổ thư ký đã mở lại phiếu điểm: Nhập nhầm điểm hình thức', 'the judge is told');
  await step(sec, 'round-1-closed', async () => {
    const card = roundCard(sec, 'Sơ khảo');
    await card.getByRole('button', { name: 'Tải lại' }).click();
    // The averages in vi-VN: 89 and 90,5 → 89,75; the third judge's 78 is final.
    await card.getByRole('row', { name: new RegExp(`${A.code}.*89,75`) }).waitFor();
    await card.getByRole('row', { name: new RegExp(`${B.code}.*78`) }).waitFor();
    sec.once('dialog', (d) => d.accept());
    await card.getByRole('button', { name: 'Kết thúc vòng chấm' }).click();
    await sec.getByText('Đã kết thúc vòng: 3 bài vào vòng sau.').waitFor();
    await screenshot(sec, 'essay-ward-round-1');
  });
});

test('a final round with the rubric copied; then the organizer decides the prizes', async () => {
  const [A, B, C] = ctx.works;
  await step(sec, 'round-2-created', async () => {
    await createRound('Chung khảo', { kind: 'Chung khảo', copyFrom: 'Sơ khảo', policy: 'Giám khảo thứ ba chấm; lấy trung bình cả ba điểm', topN: 3 });
    await sec.getByText('Đã phân công 3 bài, 6 lượt chấm.').waitFor();
  });
  await judgeAll('Chung khảo', {
    [A.title]: [['88', '9'], ['86', '9']],
    [B.title]: [['80', '8'], ['78', '8']],
    [C.title]: [['70', '7'], ['72', '7']],
  });
  await step(sec, 'round-2-closed', async () => {
    const card = roundCard(sec, 'Chung khảo');
    await card.getByRole('button', { name: 'Tải lại' }).click();
    sec.once('dialog', (d) => d.accept());
    await card.getByRole('button', { name: 'Kết thúc vòng chấm' }).click();
    await sec.getByText('Đã kết thúc vòng chung khảo.').waitFor();
    // A secretary reads the prizes but cannot decide them.
    assert.equal(await card.getByRole('button', { name: 'Xem đề xuất xếp giải' }).count(), 0);
  });

  await step(org, 'prizes-decided', async () => {
    await org.goto(`${BASE_URL}/org/essay/${ctx.contestId}`);
    await org.getByRole('tab', { name: 'Vòng chấm' }).click();
    const card = roundCard(org, 'Chung khảo');
    await card.getByLabel('Giải Khuyến khích — Bài chính luận').fill('0');
    await card.getByRole('button', { name: 'Xem đề xuất xếp giải' }).click();
    const proposal = card.getByRole('table', { name: 'Đề xuất theo điểm' });
    await proposal.getByRole('row', { name: new RegExp(`${A.code}.*96 Giải Nhất`) }).waitFor();
    org.once('dialog', (d) => {
      assert.match(d.message(), /Lưu quyết định trao 3 giải của vòng Chung khảo\?/);
      d.accept();
    });
    await card.getByRole('button', { name: 'Lưu quyết định' }).click();
    await org.getByText('Đã lưu quyết định trao giải.').waitFor();

    // After a reload the decision is still there.
    await org.reload();
    await org.getByRole('tab', { name: 'Vòng chấm' }).click();
    const decided = roundCard(org, 'Chung khảo').getByRole('table', { name: 'Danh sách giải đã quyết định' });
    await decided.getByRole('row', { name: new RegExp(`Giải Nhất.*${A.code}.*96`) }).waitFor();
    await decided.getByRole('row', { name: new RegExp(`Giải Nhì.*${B.code}.*87`) }).waitFor();
    await decided.getByRole('row', { name: new RegExp(`Giải Ba.*${C.code}.*78`) }).waitFor();

    // A second click without a reason erases nothing.
    const again = roundCard(org, 'Chung khảo');
    await again.getByRole('button', { name: 'Thay đổi quyết định' }).click();
    await again.getByRole('button', { name: 'Xem đề xuất xếp giải' }).click();
    await again.getByRole('button', { name: 'Lưu quyết định' }).click();
    await again.getByText('Cần ghi lý do để thay đổi danh sách giải đã quyết định.').waitFor();
    await org.reload();
    await org.getByRole('tab', { name: 'Vòng chấm' }).click();
    await roundCard(org, 'Chung khảo').getByRole('row', { name: new RegExp(`Giải Nhất.*${A.code}`) }).waitFor();
    await noRawKeys(org, 'the prize screen');
    await screenshot(org, 'essay-ward-prizes');
  });
});

test('two works go to the province contest picked by name; twice forwards them once', async () => {
  const [A, B] = ctx.works;
  await step(org, 'forwarded', async () => {
    const card = roundCard(org, 'Chung khảo');
    await card.getByLabel('Cuộc thi cấp trên').selectOption({ label: `${PARENT_TITLE} — Tỉnh An Giang` });
    await card.getByLabel('Số bài cao nhất mỗi thể loại').fill('2');
    for (const attempt of [1, 2]) {
      await card.getByRole('button', { name: 'Xem danh sách sẽ chuyển' }).click();
      const list = card.getByRole('list', { name: 'Danh sách bài sẽ chuyển' });
      await list.getByText(new RegExp(`${A.code} — ${A.title}.*Bài chính luận → Bài chính luận.*96.*Giải Nhất`)).waitFor();
      await list.getByText(new RegExp(`${B.code} — ${B.title}`)).waitFor();
      if (attempt === 1) {
        org.once('dialog', (d) => {
          assert.match(d.message(), new RegExp(`Chuyển 2 bài lên "${PARENT_TITLE}" \\(Tỉnh An Giang\\)\\?`));
          d.accept();
        });
        await card.getByRole('button', { name: 'Chuyển 2 bài lên cấp trên' }).click();
        await card.getByText('Đã chuyển 2 tác phẩm lên cấp trên.').waitFor();
      } else {
        // The second time both are marked as sent; nothing can be sent again.
        assert.equal(await list.getByText('đã chuyển trước đó').count(), 2);
        assert.equal(await card.getByRole('button', { name: /^Chuyển \d+ bài lên cấp trên$/ }).isDisabled(), true);
      }
    }
  });
  const up = await call('GET', `/api/v1/org/essay/${ctx.parentId}/works`, await apiLogin(ADMIN));
  assert.deepEqual(up.works.map((w) => w.title).sort(), [A.title, B.title].sort(), 'the province received each work once');
});

/** unzip returns the entries of a zip file (stored or deflated) by name. */
function unzip(buf) {
  const out = {};
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out[name] = method === 8 ? inflateRawSync(data) : data;
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

/** sheetsOf reads every sheet of an .xlsx and checks no cell is a raw key. */
async function sheetsOf(file, what) {
  const sheets = await readXlsxFile(file);
  for (const s of sheets) {
    for (const row of s.data) {
      for (const cell of row) assert.doesNotMatch(String(cell ?? ''), RAW_KEYS, `${what}, sheet ${s.sheet}: a raw key`);
    }
  }
  return Object.fromEntries(sheets.map((s) => [s.sheet, s.data]));
}

test('every essay export downloads from its button and reads back', async () => {
  const [A] = ctx.works;
  await step(org, 'exports', async () => {
    await org.getByRole('tab', { name: 'Xuất dữ liệu' }).click();
    const works = await sheetsOf((await download(org, 'Tải danh sách tác phẩm', dir)).file, 'works');
    assert.deepEqual(works['Tác phẩm'][0].slice(0, 6), ['Mã phách', 'Biên nhận', 'Thể loại', 'Tên tác phẩm', 'Số chữ', 'Trạng thái']);
    const rowA = works['Tác phẩm'].find((r) => r[0] === A.code);
    assert.equal(rowA[2], 'Bài chính luận');
    assert.equal(rowA[5], 'Hợp lệ');
    assert.ok(!works['Tác phẩm'].flat().includes(A.author.fullName), 'the works list names no author');

    const scores1 = await sheetsOf((await download(org, 'Tải bảng điểm vòng Sơ khảo', dir)).file, 'scores');
    assert.deepEqual(scores1['Tổng hợp'][0], ['Mã phách', 'Thể loại', 'Điểm các giám khảo', 'Chênh lệch', 'Cần chấm thêm', 'Điểm cuối cùng', 'Còn chờ']);
    assert.equal(scores1['Tổng hợp'].find((r) => r[0] === A.code)[5], '89,75', 'scores formatted vi-VN');
    assert.equal(Object.keys(scores1).length, 4, 'the aggregate and one sheet per judge');

    await download(org, 'Tải bảng điểm vòng Chung khảo', dir);
    const prizes = await sheetsOf((await download(org, 'Tải danh sách giải thưởng vòng Chung khảo', dir)).file, 'prizes');
    const header = prizes['Giải thưởng'][0];
    assert.deepEqual(header.slice(0, 7), ['Giải', 'Thể loại', 'Mã phách', 'Tên tác phẩm', 'Điểm', 'Tác giả', 'Ngày sinh']);
    const winner = prizes['Giải thưởng'][1];
    assert.deepEqual(winner.slice(0, 7), ['Giải Nhất', 'Bài chính luận', A.code, A.title, '96', A.author.fullName, '15/05/1980']);

    const { file } = await download(org, 'Tải hồ sơ chuyển cấp trên', dir);
    const parts = unzip(await readFile(file));
    const names = Object.keys(parts);
    assert.ok(names.some((p) => p.endsWith('.xlsx')), `the dossier holds its sheets: ${names}`);
    for (const name of names.filter((p) => p.endsWith('.xlsx'))) {
      const x = path.join(dir, path.basename(name));
      await writeFile(x, parts[name]);
      await sheetsOf(x, `dossier ${name}`);
    }
    await noRawKeys(org, 'the exports tab');
  });
});
