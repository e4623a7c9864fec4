import { defineConfig } from 'vitest/config'

// Unit and HTTP-level tests. Browser specs (Playwright) live under e2e/ and mock-kpow/test/ui/
// and run through `npm run test:e2e`, never through vitest.
export default defineConfig({
    test: {
        include: ['mock-kpow/**/*.test.ts', 'scripts/**/*.test.ts', 'e2e/**/*.test.ts'],
        exclude: ['**/node_modules/**', '**/*.spec.ts'],
        testTimeout: 20_000,
    },
})
