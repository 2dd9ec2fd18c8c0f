import { test as base, expect } from '@playwright/test';

/**
 * `test` that fails when the page throws an uncaught error or logs `console.error`:
 * a React crash or a failed render shows up as a test failure, not as a blank page that happens to pass.
 * Use `pageErrors` (auto) as is; a test that expects an error can empty the array before it ends.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  // The page draws its diagram first and makes its first run right after (the app is aria-busy meanwhile):
  // a test starts once the page is rendered and its run is there, as a person would wait for the step count.
  page: async ({ page }, provide) => {
    const ready = (): Promise<unknown> =>
      page.waitForFunction(() => !document.querySelector('#root:empty, .app[aria-busy="true"]'));
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (...args) => {
      const response = await goto(...args);
      await ready();
      return response;
    };
    page.reload = async (...args) => {
      const response = await reload(...args);
      await ready();
      return response;
    };
    await provide(page);
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
      });
      await use(errors);
      expect(errors, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
