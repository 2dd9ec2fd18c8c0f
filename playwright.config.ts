import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

const isCI = !!process.env.CI;
// Another port lets two checkouts run their browser tests side by side.
const port = Number(process.env.PODFLOW_E2E_PORT ?? 4173);

// Browser tests run against the production build (dist/, built by `npm run build`) served by `npm run preview`.
// Chromium is the system one (see scripts/ensure-chromium.mjs): Playwright never downloads a browser here.
export default defineConfig({
  testDir: 'e2e',
  // Not test-results/ itself: Playwright empties its outputDir on start, and test-results/unit.json lives there.
  outputDir: 'test-results/e2e-artifacts',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  forbidOnly: isCI,
  retries: 0,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath(),
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
