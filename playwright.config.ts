import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from './src/export/browser.ts';

const browser = await findBrowser();

/**
 * Browser tests run against the built site (`dist/`, or `DECK_DIST`), served by
 * tests/e2e/fixtures.ts, in Chromium found by src/export/browser.ts.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: browser.executablePath, args: CHROMIUM_ARGS },
    viewport: { width: 1920, height: 1080 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  },
});
