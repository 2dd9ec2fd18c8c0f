import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Hostile input through every way in: the YAML editor (paste), a file opened or dropped,
 * a shared link, embed parameters and postMessage. Each case must end in a clear error or a
 * safe result: no page error (the fixture), no script run, no dialog, no main-thread task
 * over 1 s, and the learner's text kept.
 */

const PWNED = `<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>`;

async function guard(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { longest: number; dialogs: number };
    w.longest = 0;
    w.dialogs = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  page.on('dialog', (d) => {
    void d.dismiss();
    void page.evaluate(() => ((window as unknown as { dialogs: number }).dialogs += 1)).catch(() => undefined);
  });
}

async function safe(page: Page): Promise<void> {
  const state = await page.evaluate(() => {
    const w = window as unknown as { pwned?: number; longest: number; dialogs: number };
    return { pwned: w.pwned, longest: w.longest, dialogs: w.dialogs };
  });
  expect(state.pwned).toBeUndefined();
  expect(state.dialogs).toBe(0);
  expect(state.longest).toBeLessThan(1000);
  await expect(page.getByTestId('diagram').locator('.react-flow__node').first()).toBeVisible();
}

async function pasteYaml(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  if (!(await page.getByTestId('yaml-input').isVisible()))
    await page.getByRole('button', { name: 'Edit YAML' }).click();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.getByTestId('yaml-input').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+v');
}

const DEEP = `${'a:\n'.replace('\n', '')}${Array.from({ length: 400 }, () => '[').join('')}1${Array.from({ length: 400 }, () => ']').join('')}`;
const BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...Array.from({ length: 9 }, (_, i) => {
    const prev = String.fromCharCode(97 + i);
    const name = String.fromCharCode(98 + i);
    return `${name}: &${name} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`;
  }),
].join('\n');

const EDITOR_CASES: [string, string, RegExp][] = [
  ['an alias bomb', BOMB, /alias bomb/],
  ['nesting 400 deep', `apiVersion: v1\nkind: Pod\nmetadata:\n  name: deep\nspec: ${DEEP}\n`, /Line \d+, column \d+/],
  ['a tab-indented document', 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n', /Line \d+, column \d+/],
  [
    '__proto__ and constructor keys',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: proto\n  __proto__: {polluted: true}\n  constructor: {prototype: {polluted: true}}\nspec:\n  containers:\n  - name: c\n    image: nginx\n',
    /./,
  ],
  [
    'a name that looks like HTML',
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: "${PWNED.replaceAll('"', '\\"')}"\nspec:\n  containers:\n  - name: c\n    image: nginx\n`,
    /invalid/i,
  ],
  [
    'an image that looks like HTML',
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: '${PWNED.replaceAll("'", "''")}'\n`,
    /./,
  ],
  [
    'a billion replicas',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: huge\nspec:\n  replicas: 1000000000\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec: {containers: [{name: c, image: nginx}]}\n',
    /./,
  ],
  ['a scalar, not an object', '"just a string"\n', /./],
  ['a kind nobody simulates', 'apiVersion: example.com/v1\nkind: Rocket\nmetadata:\n  name: r\n', /not .*simulate/i],
  ['a JSON array of nulls', '[null, null, 3]\n', /./],
  ['an empty document', '---\n---\n', /./],
];

test.describe('the YAML editor', () => {
  for (const [name, text, shown] of EDITOR_CASES) {
    test(`survives ${name}`, async ({ page }) => {
      await guard(page);
      await page.goto('/#language=en');
      await pasteYaml(page, text);
      await page.getByTestId('editor-apply').click();
      // A clear outcome beside the text: problems listed, or applied.
      await expect(page.getByTestId('editor-problems')).toContainText(shown);
      // Nothing lost: the editor still holds exactly the text pasted (its first line, at least).
      await expect(page.getByTestId('yaml-input')).toContainText(text.split('\n')[0]!.slice(0, 40));
      await safe(page);
      expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
    });
  }
});

test('a file of invalid UTF-8 is refused with a message, the text kept', async ({ page }) => {
  await guard(page);
  await page.goto('/#language=en');
  await pasteYaml(page, 'kind: Pod # mine\n');
  await page.getByTestId('editor-file').setInputFiles({
    name: 'broken.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0xc3, 0x28]),
  });
  await expect(page.getByTestId('editor-notice')).toContainText('broken.yaml');
  await expect(page.getByTestId('yaml-input')).toContainText('# mine');
  await safe(page);
});

const LINKS: [string, string][] = [
  ['script in every field', `#scenario=${encodeURIComponent(PWNED)}&level=${encodeURIComponent(PWNED)}&theme=x`],
  ['YAML that is not lz-string', '#yaml=%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
  ['a cluster that is not JSON', '#cluster=NoIgLgrgzg'],
  ['a what-if for a node that is not there', '#whatIf=node-down:node-99:5'],
  ['an inspector on a path', '#inspect=inspector%3A..%2F..%2Fetc%2Fpasswd'],
  ['a step past the end', '#scenario=bare-pod&step=9999999'],
  ['a fragment past the size limit', `#theme=dark&x=${'a'.repeat(40_000)}`],
];

test.describe('a shared link', () => {
  for (const [name, hash] of LINKS) {
    test(`survives ${name}`, async ({ page }) => {
      await guard(page);
      await page.goto(`/${hash}`);
      await expect(page.getByTestId('step-counter')).toHaveText(/^Step \d+ of \d+$/);
      await safe(page);
    });
  }
});

test('embed parameters and postMessage from a hostile parent', async ({ page }) => {
  await guard(page);
  await page.goto(`/?embed=1&from=-1&to=${encodeURIComponent(PWNED)}&origin=javascript:alert(1)#language=en`);
  await expect(page.getByTestId('link-notice')).toContainText('from');
  await page.evaluate((html) => {
    for (const data of [html, { podflow: 'goto', step: 1e12 }, { podflow: 'goto', step: NaN }, { podflow: html }])
      window.postMessage(data, '*');
  }, PWNED);
  await safe(page);
});
