// Steps on the quiz attempt page that several browser tests take.

/** answerFirst picks the first option of the question on screen and returns its text. */
export async function answerFirst(page) {
  const option = page.locator('label.option').first();
  const text = (await option.locator('.label').innerText()).trim();
  await option.click();
  await page.locator('label.option.picked').first().waitFor();
  return text;
}
