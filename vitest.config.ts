import { defineConfig } from 'vitest/config'

// Three tiers (README "Tests"): `unit` tests sit beside the code they test and open no socket and
// start no server; `integration` tests start real servers and child processes (HTTP, CLIs);
// `reference` tests (*.reference.test.ts) read the public reference files beside the repository
// (scripts/test/reference-files.ts) and skip when those are absent. Browser specs (*.spec.ts) are
// Playwright's (playwright.config.ts), never vitest's.
const REFERENCE = '**/*.reference.test.ts'
const INTEGRATION = [
    'mock-kpow/test/**/*.test.ts',
    'e2e/local-instance/test/**/*.test.ts',
    'e2e/local-instance/http/app.test.ts',
    'scripts/test/**/*.test.ts',
]
// Each run's scratch folders live in one folder removed when the run ends (see the file).
const TEMPORARY_FOLDER = 'scripts/test/temporary-folder-per-run.ts'

export default defineConfig({
    test: {
        testTimeout: 20_000,
        // Vitest's default on two cores is one worker (cores - 1): every file after the other, though
        // most integration files wait on child processes and servers. Two overlap those waits.
        maxWorkers: 2,
        projects: [
            {
                extends: true,
                test: {
                    name: 'unit',
                    include: ['mock-kpow/src/**/*.test.ts', 'scripts/**/*.test.ts', 'e2e/**/*.test.ts'],
                    exclude: ['**/node_modules/**', REFERENCE, ...INTEGRATION],
                    // A unit test that listens or connects fails, naming the integration tier.
                    setupFiles: ['scripts/test/no-sockets-in-unit-tests.ts'],
                    globalSetup: [TEMPORARY_FOLDER],
                },
            },
            {
                extends: true,
                test: {
                    name: 'integration',
                    include: INTEGRATION,
                    exclude: ['**/node_modules/**', REFERENCE],
                    // Servers the default configuration would open (npm start's ports) are held while
                    // these run, so a test that forgets port 0 fails here, not on a developer's machine.
                    globalSetup: [TEMPORARY_FOLDER, 'scripts/test/hold-default-ports.ts'],
                },
            },
            {
                extends: true,
                test: {
                    name: 'reference',
                    include: [REFERENCE],
                    exclude: ['**/node_modules/**'],
                    globalSetup: [TEMPORARY_FOLDER],
                },
            },
        ],
    },
})
