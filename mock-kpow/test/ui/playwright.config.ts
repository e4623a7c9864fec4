// Browser specs for mock-kpow's UI, in Debian's Chromium (never a downloaded browser). Each spec
// starts its own mock-kpow on port 0 through the `kpow` fixture, so specs need no server here.
// The end-to-end suite has its own config under e2e/; keep the two separable.
import { defineConfig } from '@playwright/test'

export default defineConfig({
    testDir: '.',
    testMatch: '*.spec.ts',
    outputDir: '../../../test-results/mock-kpow-ui',
    forbidOnly: !!process.env.CI,
    retries: 0,
    workers: 2,
    timeout: 30_000,
    reporter: process.env.CI
        ? [['list'], ['html', { open: 'never', outputFolder: '../../../playwright-report/mock-kpow-ui' }]]
        : 'list',
    use: {
        trace: 'retain-on-failure',
        screenshot: 'only-on-failure',
        launchOptions: {
            executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
            args: [
                '--no-sandbox',
                '--disable-gpu',
                '--disable-background-networking',
                '--disable-component-update',
                '--disable-sync',
                '--no-first-run',
                '--disable-quic',
            ],
        },
    },
    projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
})
