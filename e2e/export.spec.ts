import type { Download, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { expect, test } from './fixtures';

const diagramReady = (page: Page) =>
  expect(page.getByTestId('diagram').locator('.react-flow__node').first()).toBeVisible();

async function exportAs(page: Page, format: string, fill: Record<string, string> = {}): Promise<Download> {
  await page.getByTestId('export-button').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId(`export-format-${format}`).check();
  for (const [id, value] of Object.entries(fill)) await page.getByTestId(id).fill(value);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-save').click()]);
  await expect(page.getByTestId('export-status')).toContainText(download.suggestedFilename());
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  return download;
}

/** The PNG's own size (IHDR) and the size a browser decodes it to. */
async function pngSize(page: Page, bytes: Buffer): Promise<{ ihdr: number[]; decoded: number[] }> {
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const ihdr = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  const decoded = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, bytes.toString('base64'));
  return { ihdr, decoded };
}

test('exports the current step as plain SVG and as a PNG of the chosen size', async ({ page }) => {
  await page.goto('/#scenario=bare-pod&level=overview&language=en&step=4');
  await diagramReady(page);

  const svgFile = await exportAs(page, 'svg');
  expect(svgFile.suggestedFilename()).toBe('podflow-bare-pod-step-004.svg');
  const svg = await readFile(await svgFile.path(), 'utf8');
  expect(svg).toContain('<text');
  expect(svg).toContain('>kube-apiserver</text>');
  expect(svg).not.toContain('foreignObject');
  expect(svg).toContain('>4 / ');

  const pngFile = await exportAs(page, 'png');
  expect(pngFile.suggestedFilename()).toBe('podflow-bare-pod-step-004.png');
  const png = await readFile(await pngFile.path());
  expect(await pngSize(page, png)).toEqual({ ihdr: [1280, 720], decoded: [1280, 720] });

  // Frames are drawn from the step, not captured: playing on does not change what step 4 exports.
  await page.getByTestId('export-button').click();
  await page.getByTestId('export-dialog').getByRole('button', { name: 'Close' }).click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  const again = await readFile(await (await exportAs(page, 'svg')).path(), 'utf8');
  expect(again).toBe(svg);
  const pngAgain = await readFile(await (await exportAs(page, 'png')).path());
  expect(pngAgain.equals(png)).toBe(true);
});

test('exports a three-step range as a zip of numbered PNGs', async ({ page }) => {
  await page.goto('/#scenario=bare-pod&level=overview&language=en&step=2');
  await diagramReady(page);
  const zipFile = await exportAs(page, 'zip', { 'export-from': '2', 'export-to': '4' });
  expect(zipFile.suggestedFilename()).toBe('podflow-bare-pod-steps-002-004.zip');
  const entries = unzipSync(new Uint8Array(await readFile(await zipFile.path())));
  expect(Object.keys(entries)).toEqual([
    'podflow-bare-pod-step-002.png',
    'podflow-bare-pod-step-003.png',
    'podflow-bare-pod-step-004.png',
  ]);
  for (const data of Object.values(entries)) {
    expect(await pngSize(page, Buffer.from(data))).toEqual({ ihdr: [1280, 720], decoded: [1280, 720] });
  }
});

test('exports a range as an animated GIF with one frame per step', async ({ page }) => {
  await page.goto('/#scenario=bare-pod&level=overview&language=en&step=1');
  await diagramReady(page);
  await page.getByTestId('export-button').click();
  await page.getByTestId('export-size').selectOption({ label: '960 × 540' });
  await page.getByTestId('export-dialog').getByRole('button', { name: 'Close' }).click();
  const gifFile = await exportAs(page, 'gif', { 'export-from': '1', 'export-to': '3' });
  expect(gifFile.suggestedFilename()).toBe('podflow-bare-pod-steps-001-003.gif');
  const gif = await readFile(await gifFile.path());
  expect(gif.subarray(0, 6).toString('latin1')).toBe('GIF89a');
  const frames = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    // ImageDecoder counts the frames as the browser sees them.
    const decoder = new (
      globalThis as unknown as {
        ImageDecoder: new (o: object) => { tracks: { ready: Promise<void>; selectedTrack: { frameCount: number } } };
      }
    ).ImageDecoder({ data: bytes, type: 'image/gif' });
    await decoder.tracks.ready;
    return decoder.tracks.selectedTrack.frameCount;
  }, gif.toString('base64'));
  expect(frames).toBe(3);
});
