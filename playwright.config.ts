// Every browser spec, in Debian's Chromium (never a downloaded browser; CHROMIUM_PATH overrides the
// path). Two projects, run by `npx playwright test` or one at a time with `--project`:
// - `mock-kpow-ui` (`npm run test:ui`): mock-kpow's UI pages; each spec starts its own mock-kpow
//   on port 0 through the `kpow` fixture (mock-kpow/test/ui/fixtures.ts);
// - `e2e` (`npm run test:e2e`): the lifecycle scenarios, each test on fresh servers (the local
//   instance loading the built update set, and mock-kpow, started in the worker on port 0).
// Vitest's files (*.test.ts) are never collected: each project reads only *.spec.ts in its folder.
// `npm run test:e2e -- --target=instance` (scripts/e2e/run.ts) runs the `e2e` specs against the
// user's deployed instance instead (E2E_TARGET=instance, read by e2e/specs/target.ts): one worker,
// since the specs then share that instance, its people and Kpow's policies, and longer waits.
import { defineConfig } from '@playwright/test'
import { target } from './e2e/specs/target'

const CI = !!process.env.CI
const onInstance = target === 'instance'

export default defineConfig({
    forbidOnly: CI,
    // On CI a failed spec runs once more and records a trace of that retry; locally nothing is
    // retried and a failure keeps its trace.
    retries: CI ? 1 : 0,
    // Two cores shared with the rest of the suite.
    workers: onInstance ? 1 : 2,
    // npm start's ports are held while specs run, so a spec on a fixed port fails every time; the
    // run's scratch folders live in one temporary folder removed at the end.
    globalSetup: ['./scripts/test/temporary-folder-per-run.ts', './scripts/test/hold-default-ports.ts'],
    reporter: [
        ['list'],
        ...(CI ? [['html', { open: 'never', outputFolder: 'playwright-report' }] as const] : []),
        // Why specs skipped on the instance target, and what was checked on the local one only.
        ...(onInstance ? [['./e2e/specs/skip-reasons.ts'] as const] : []),
    ],
    use: {
        browserName: 'chromium',
        trace: CI ? 'on-first-retry' : 'retain-on-failure',
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
    projects: [
        {
            name: 'mock-kpow-ui',
            testDir: 'mock-kpow/test/ui',
            outputDir: 'test-results/mock-kpow-ui',
            testMatch: '*.spec.ts',
            timeout: 30_000,
        },
        {
            name: 'e2e',
            testDir: 'e2e/specs',
            outputDir: 'test-results/e2e',
            testMatch: '*.spec.ts',
            // Two workers on two cores shared with other work: a lifecycle that takes 15 s alone may
            // take a minute on a loaded machine.
            timeout: onInstance ? 600_000 : 90_000,
            expect: { timeout: onInstance ? 30_000 : 10_000 },
            // As many workers as the configuration gives (two): every test starts its own servers on
            // port 0 and its own browser contexts, so tests in parallel share nothing.
        },
    ],
})
