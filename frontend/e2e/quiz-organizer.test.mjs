// The demo organizer sets up a quiz on a phone: creates a contest, imports
// the question template (two example questions), adds three questions by
// hand, creates a five-question round open from now, publishes it and sees
// it open with a bank that fills its paper. Runs against
// `server serve --demo` (scripts/e2e.sh).
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { BASE_URL, assertNoHorizontalScroll, screenshot, step, usePhone } from './browser.mjs';
import { ORGANIZER, openOrgContests } from './people.mjs';

const suffix = String(Date.now()).slice(-6);
const TITLE = `Thi thử kiểm tra ${suffix}`;
const QUESTIONS = [
  ['Thủ đô của nước Việt Nam là thành phố nào?', ['Hà Nội', 'Huế', 'Đà Nẵng', 'Cần Thơ']],
  ['Quốc khánh nước Việt Nam là ngày nào?', ['2/9', '30/4', '1/5', '19/8']],
  ['Đảng Cộng sản Việt Nam thành lập năm nào?', ['1930', '1945', '1954', '1975']],
];

const run = usePhone('hoithi-e2e-files-');

test('organizer: contest, question bank from Excel and by hand, a round opened', async () => {
  const { phone, dir } = run;
  const { page } = phone;
  let contestUrl = '';

  await step(page, 'login', async () => {
    await openOrgContests(page, ORGANIZER);
    await page.getByRole('heading', { name: 'Cuộc thi', exact: true }).waitFor();
  });

  await step(page, 'create-contest', async () => {
    await page.getByLabel('Tên cuộc thi').fill(TITLE);
    // The short link is proposed from the title, without accents.
    assert.equal(await page.getByLabel('Đường dẫn rút gọn').inputValue(), `thi-thu-kiem-tra-${suffix}`);
    await page.getByLabel('Loại cuộc thi').selectOption('quiz');
    await page.getByRole('button', { name: 'Tạo cuộc thi' }).click();
    await page.waitForURL(/\/org\/contests\/[^/]+$/);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    assert.equal(await page.getByLabel('Link cuộc thi (dán vào Zalo, Facebook)').inputValue(), `${BASE_URL}/c/thi-thu-kiem-tra-${suffix}`);
    await page.getByRole('button', { name: 'Hiện mã QR' }).click();
    await page.getByRole('img', { name: /^Mã QR của/ }).waitFor();
    contestUrl = page.url();
  });

  await step(page, 'import-template', async () => {
    // The template needs the organizer's token: fetched like the page does.
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('hoithi.auth')).accessToken);
    const res = await fetch(`${BASE_URL}/api/v1/org/questions/template`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    const file = path.join(dir, 'mau-ngan-hang-cau-hoi.xlsx');
    await writeFile(file, Buffer.from(await res.arrayBuffer()));

    await page.getByRole('tab', { name: /Câu hỏi/ }).click();
    await page.getByText('Ngân hàng chưa có câu hỏi.', { exact: false }).waitFor();
    await page.getByLabel('File Excel (.xlsx)').setInputFiles(file);
    await page.getByRole('button', { name: 'Nhập file' }).click();
    await page.getByText('Đã thêm 2 câu hỏi.').waitFor();
    await page.getByText('2 câu hỏi, 2 câu đang dùng').waitFor();
  });

  await step(page, 'add-questions', async () => {
    for (const [i, [text, options]] of QUESTIONS.entries()) {
      await page.getByLabel('Nội dung câu hỏi').fill(text);
      for (const [j, option] of options.entries()) {
        await page.getByLabel(`Nội dung phương án ${'ABCD'[j]}`).fill(option);
      }
      await page.getByLabel('Phương án A đúng').check();
      await page.getByRole('combobox', { name: /^Chủ đề/ }).fill('Kiến thức chung');
      await page.getByRole('button', { name: 'Thêm câu hỏi' }).click();
      await page.getByText(`${3 + i} câu hỏi, ${3 + i} câu đang dùng`).waitFor();
      assert.equal(await page.getByLabel('Nội dung câu hỏi').inputValue(), '', 'the form is emptied for the next one');
    }
    await page.getByRole('cell', { name: /Thủ đô của nước Việt Nam/ }).waitFor();
    await assertNoHorizontalScroll(page, assert);
  });

  await step(page, 'create-round', async () => {
    await page.getByRole('tab', { name: /Đợt thi/ }).click();
    await page.getByRole('button', { name: 'Thêm đợt thi' }).click();
    await page.getByRole('heading', { name: 'Đợt thi mới' }).waitFor();
    assert.equal(await page.getByLabel('Tên đợt thi').inputValue(), 'Tuần 1');
    await page.getByLabel('Số câu').fill('5');
    await page.getByText('Đề có 5 câu hỏi').waitFor();
    await page.getByLabel('Theo mẫu').selectOption('binhtan');
    await assertNoHorizontalScroll(page, assert);
    await page.getByRole('heading', { name: 'Đợt thi mới' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'org-round-form');
    await page.getByRole('button', { name: 'Tạo đợt thi' }).click();
    await page.getByText('Đã lưu Tuần 1.').waitFor();
  });

  await step(page, 'publish-round', async () => {
    const card = page.locator('li.round', { hasText: 'Tuần 1' });
    await card.getByText('Bản nháp').waitFor();
    await card.getByRole('button', { name: 'Công bố đợt thi' }).click();
    await page.getByText('Đã công bố Tuần 1.').waitFor();
    await card.getByText('Đang mở').waitFor();
    await card.getByText('Ngân hàng đủ câu hỏi cho đề thi').waitFor();
    assert.equal(await card.getByText('Ngân hàng chưa đủ câu hỏi cho đề thi:').count(), 0);
    await card.getByText(/5 câu hỏi · 10 phút · tối đa 3 lượt/).waitFor();

    await card.getByRole('button', { name: 'Xem thử đề' }).click();
    await card.getByRole('heading', { name: 'Đề thử (lần rút 1)' }).waitFor();
    // The heading shows before the drawn questions arrive: wait for the list.
    await card.locator('.preview > ol > li').first().waitFor();
    assert.equal(await card.locator('.preview > ol > li').count(), 5, 'a paper has five questions');
    await screenshot(page, 'org-rounds');
  });

  await step(page, 'reload', async () => {
    // Everything came from the server: a reload shows the same.
    await page.goto(contestUrl);
    await page.getByRole('tab', { name: /Đợt thi/ }).click();
    await page.locator('li.round', { hasText: 'Tuần 1' }).getByText('Đang mở').waitFor();
  });

  assert.deepEqual(phone.problems, [], 'the page logged errors');
});
