import { test as base, expect } from '@playwright/test';

/**
 * `test` that fails when the page throws an uncaught error or logs `console.error`:
 * a React crash or a failed render shows up as a test failure, not as a blank page that happens to pass.
 * Use `pageErrors` (auto) as is; a test that expects an error can empty the array before it ends.
 */
export const test = base.extend<{ pageErrors: string[] }>({
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
