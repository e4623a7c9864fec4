// End-to-end specs of the whole lifecycle: the local instance (loading the built update set) and
// mock-kpow, each a fresh child process on port 0 per test (fixtures in specs/fixtures.ts), driven
// in Debian's Chromium (never a downloaded browser). One scenario per file.
import { defineConfig } from '@playwright/test'
import mockKpowUiConfig from '../mock-kpow/test/ui/playwright.config'

export default defineConfig({
    testDir: 'specs',
    testMatch: '*.spec.ts',
    outputDir: '../test-results/e2e',
    forbidOnly: !!process.env.CI,
    retries: 0,
    // Two cores shared with the rest of the suite: one browser and two servers at a time.
    workers: 1,
    timeout: 60_000,
    expect: { timeout: 10_000 },
    reporter: process.env.CI
        ? [['list'], ['html', { open: 'never', outputFolder: '../playwright-report/e2e' }]]
        : 'list',
    use: {
        trace: 'retain-on-failure',
        screenshot: 'only-on-failure',
        // The same Debian Chromium and flags as mock-kpow's UI specs (CHROMIUM_PATH overrides the path).
        launchOptions: mockKpowUiConfig.use?.launchOptions,
    },
    projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
})
