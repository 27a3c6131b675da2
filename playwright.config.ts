import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the console in Debian's Chromium against the real built plant server
 * (`npm run build` first). WebGL runs on SwiftShader (software), so tests assert on draw calls
 * and pixels, never on frame times. One worker: the machine has two cores and each test starts
 * its own server.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1600, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    // A click on something that never appears fails in 30 s instead of hanging to the test's timeout.
    actionTimeout: 30_000,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
