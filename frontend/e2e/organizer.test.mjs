// The contest landing from a shared link, then the demo organizer logs in,
// opens the unit tree (a lazy-loaded page), filters it without diacritics,
// downloads the Excel export, and switches the interface to English.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, assertNoHorizontalScroll, download, screenshot, step, usePhone } from './browser.mjs';
import { ORGANIZER, logIn } from './people.mjs';

const run = usePhone();

test('contest link, organizer unit tree, export and language switch', async () => {
  const { phone } = run;
  const { page } = phone;

  await step(page, 'contest', async () => {
    await page.goto(BASE_URL + '/c/demo');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Thể lệ' }).waitFor();
    await assertNoHorizontalScroll(page, assert);
    await screenshot(page, 'contest');
  });

  await step(page, 'login-from-contest', async () => {
    await page.getByRole('link', { name: 'Đăng nhập', exact: true }).last().click();
    await page.waitForURL('**/login?next=%2Fc%2Fdemo');
    await logIn(page, ORGANIZER);
    // Back where the shared link led, now logged in.
    await page.waitForURL('**/c/demo');
    await page.getByRole('link', { name: 'Hồ sơ', exact: true }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Đăng ký', exact: true }).count(), 0, 'no register button once logged in');
  });

  await step(page, 'unit-tree', async () => {
    await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await page.getByRole('link', { name: 'Quản lý đơn vị' }).click();
    await page.waitForURL('**/org/units');
    await page.getByRole('heading', { name: 'Đơn vị', exact: true }).waitFor();
    await page.getByText('Phường An Biên', { exact: true }).first().waitFor();
    await page.getByLabel('Lọc theo tên hoặc mã (không cần dấu)').fill('khu pho 1');
    // Scoped to the tree: the "parent unit" select lists every unit too.
    const tree = page.getByRole('listitem');
    await tree.getByText('Khu phố 1', { exact: true }).waitFor();
    assert.equal(await tree.getByText('Khu phố 2', { exact: true }).count(), 0, 'the filter hides other units');
    // The demo's Khu phố 1 has a participation target apart from its headcount.
    await tree.getByText('chỉ tiêu 800').waitFor();
    await assertNoHorizontalScroll(page, assert);
    await screenshot(page, 'org-units');
  });

  await step(page, 'export', async () => {
    const { name, file } = await download(page, 'Tải danh sách (Excel)');
    assert.equal(name, 'don-vi.xlsx');
    assert.ok(file, 'the download was saved');
  });

  await step(page, 'english', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Units', exact: true }).waitFor();
    await page.reload();
    // The choice survives a reload (localStorage).
    await page.getByRole('heading', { name: 'Units', exact: true }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await page.getByRole('heading', { name: 'Đơn vị', exact: true }).waitFor();
  });

  assert.deepEqual(phone.problems, [], 'the page logged errors');
});
