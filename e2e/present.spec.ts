import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const diagramReady = (page: Page) =>
  expect(page.getByTestId('diagram').locator('.react-flow__node').first()).toBeVisible();

test('presenter mode: remote keys step and blank, the notes window follows and drives, Escape leaves', async ({
  page,
  context,
}) => {
  await page.goto('/#scenario=bare-pod&level=overview&language=en&step=2');
  await diagramReady(page);
  await page.getByTestId('present-button').click();
  const presenter = page.getByTestId('presenter');
  await expect(presenter).toBeVisible();
  await expect(page.getByTestId('scenario')).toHaveCount(0);
  const count = page.getByTestId('presenter-count');
  await expect(count).toHaveText(/^Step 2 of \d+$/);

  await page.keyboard.press('PageDown');
  await expect(count).toHaveText(/^Step 3 of \d+$/);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageUp');
  await expect(count).toHaveText(/^Step 3 of \d+$/);
  const title = await page.getByTestId('subtitles').locator('.subtitle-title').textContent();
  expect(title).toBeTruthy();

  await page.keyboard.press('b');
  await expect(page.getByTestId('presenter-blank')).toBeVisible();
  await page.keyboard.press('.');
  await expect(page.getByTestId('presenter-blank')).toHaveCount(0);

  // The speaker notes: this step in full, the next step's title, the counter and the virtual clock.
  const [notes] = await Promise.all([context.waitForEvent('page'), page.getByTestId('present-notes').click()]);
  await notes.waitForLoadState();
  await expect(notes.getByTestId('notes-count')).toHaveText(/^Step 3 of \d+$/);
  await expect(notes.getByTestId('notes-title')).toHaveText(title!);
  await expect(notes.getByTestId('notes-clock')).toHaveText(/Virtual time: \d+\.\d{3} s/);
  await expect(notes.getByTestId('notes-next')).toContainText('Next step:');

  // The presenter moves: the notes follow.
  await page.bringToFront();
  await page.keyboard.press('PageDown');
  await expect(count).toHaveText(/^Step 4 of \d+$/);
  await expect(notes.getByTestId('notes-count')).toHaveText(/^Step 4 of \d+$/);

  // Next in the notes window moves the presentation.
  await notes.getByTestId('notes-next-button').click();
  await expect(count).toHaveText(/^Step 5 of \d+$/);
  await expect(notes.getByTestId('notes-count')).toHaveText(/^Step 5 of \d+$/);
  await notes.getByTestId('notes-blank').click();
  await expect(page.getByTestId('presenter-blank')).toBeVisible();
  await notes.getByTestId('notes-blank').click();
  await expect(page.getByTestId('presenter-blank')).toHaveCount(0);
  await notes.close();

  await page.bringToFront();
  await page.keyboard.press('Escape');
  await expect(presenter).toHaveCount(0);
  await expect(page.getByTestId('scenario')).toBeVisible();
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 5 of \d+$/);
});

test('P starts presenter mode, but not while typing in a field; the labels speak Chinese', async ({ page }) => {
  await page.goto('/#scenario=bare-pod&level=overview&language=zh');
  await diagramReady(page);
  await page.getByTestId('embed-button').click();
  await page.getByTestId('embed-title-field').fill('');
  await page.getByTestId('embed-title-field').press('p');
  await page.getByTestId('embed-title-field').press('b');
  await expect(page.getByTestId('embed-title-field')).toHaveValue('pb');
  await expect(page.getByTestId('presenter')).toHaveCount(0);
  await page.getByTestId('embed-dialog').getByRole('button', { name: '关闭' }).click();
  await page.locator('body').press('p');
  await expect(page.getByTestId('presenter')).toBeVisible();
  await expect(page.getByTestId('present-exit')).toHaveText('退出');
  await expect(page.getByTestId('presenter-count')).toHaveText(/^第 0 步，共 \d+ 步$/);
  await page.getByTestId('present-exit').click();
  await expect(page.getByTestId('presenter')).toHaveCount(0);
});
