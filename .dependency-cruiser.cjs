// The house's dependency rules (ARCHITECTURE.md "Layers"), checked by dependency-cruiser in
// `npm run lint`. Every import runs one way: commands -> products -> libraries; tests sit on top
// and may use anything through its public entry; nothing loaded at run time reaches a test.
//
//   libraries  scripts/lib/update-set, scripts/lib/common
//   products   servicenow/ (the app), mock-kpow/, e2e/local-instance/
//   commands   scripts/build, scripts/deploy, scripts/review, scripts/demo, scripts/bench
//   tests      *.test.ts, *.spec.ts, e2e/specs, scripts/test, scripts/checks, every test/ or
//              testing/ folder (helpers and fixtures for tests alone), and the benchmarks (bench/),
//              which, like tests, measure a product from above

/** Test code: test files and the folders that hold test helpers and fixtures. */
const TEST = '(\\.(test|spec)\\.ts$|^e2e/(specs|pages)/|^scripts/(test|checks)/|(^|/)(test|testing|bench)/)'
const LIBRARY = '^scripts/lib/'
const COMMAND = '^scripts/(?!lib/|test/|checks/)'
const PRODUCT = '^(servicenow|mock-kpow|e2e/local-instance)/'

/** A part other parts reach only through its public entry. */
const entryOnly = (name, folder, entries) => ({
    name: `entry-only:${name}`,
    comment: `${name} is imported from other parts only through ${entries.map((e) => folder + e).join(' or ')}.`,
    severity: 'error',
    from: { pathNot: `^${folder}` },
    to: { path: `^${folder}`, pathNot: `^${folder}(${entries.map((e) => e.replace(/\./g, '\\.')).join('|')})$` },
})

module.exports = {
    forbidden: [
        {
            name: 'no-circular',
            comment: 'No import cycle, type-only ones included: an interface lives with the code that needs it.',
            severity: 'error',
            from: {},
            to: { circular: true },
        },
        {
            name: 'library-imports-library-only',
            comment:
                'A library (scripts/lib) knows no product, app setting, command or test: pass what it needs as arguments.',
            severity: 'error',
            from: { path: LIBRARY, pathNot: TEST },
            to: { path: '^(servicenow|mock-kpow|e2e|scripts)/', pathNot: LIBRARY },
        },
        {
            name: 'product-imports-no-command',
            comment:
                'Products (the app, mock-kpow, the local instance) never import a command: commands compose products.',
            severity: 'error',
            from: { path: PRODUCT, pathNot: TEST },
            to: { path: COMMAND },
        },
        {
            name: 'products-stand-alone',
            comment:
                'mock-kpow and the local instance never import each other or the app (servicenow/): they meet over HTTP and the update set.',
            severity: 'error',
            from: { path: '^(mock-kpow|e2e/local-instance)/', pathNot: TEST },
            to: { path: '^(servicenow|mock-kpow|e2e/local-instance)/', pathNot: '$1' },
        },
        {
            name: 'app-stands-alone',
            comment: 'The ServiceNow app (servicenow/) is built by the SDK from its own sources only.',
            severity: 'error',
            from: { path: '^servicenow/' },
            to: { path: '^(mock-kpow|e2e|scripts)/' },
        },
        {
            name: 'no-test-code-at-run-time',
            comment:
                "Nothing loaded at run time imports a test, a test helper or a fixture (test/, testing/, specs): move what both need into the product or a library. The root test runners' configurations (*.config.ts) are test code.",
            severity: 'error',
            from: { pathNot: `${TEST}|^[^/]+\\.config\\.ts$` },
            to: { path: TEST },
        },
        {
            name: 'no-test-runner-at-run-time',
            comment: 'Nothing loaded at run time imports a test runner or HTTP faker (vitest, Playwright test, nock).',
            severity: 'error',
            from: { pathNot: `${TEST}|^[^/]+\\.config\\.ts$` },
            to: { path: '(^|/)node_modules/(vitest|@vitest|@playwright/test|playwright|nock)/' },
        },
        {
            name: 'specs-are-entry-points',
            comment: 'The e2e specs are Playwright entry points: nothing imports a spec file.',
            severity: 'error',
            from: {},
            to: { path: '\\.spec\\.ts$' },
        },
        entryOnly('The update-set library', 'scripts/lib/update-set/', ['index.ts', 'testing/index.ts']),
        entryOnly('The common helpers', 'scripts/lib/common/', ['index.ts']),
        entryOnly('mock-kpow', 'mock-kpow/', ['src/index.ts']),
        entryOnly('The local instance', 'e2e/local-instance/', ['index.ts']),
        entryOnly('The deploy tool', 'scripts/deploy/', ['index.ts']),
        entryOnly('The build', 'scripts/build/', ['index.ts']),
        {
            name: 'mock-kpow-http-on-top',
            comment:
                'Nothing below mock-kpow/src/http imports it: errors are data (src/errors.ts), translated to HTTP in http/ alone.',
            severity: 'error',
            from: { path: '^mock-kpow/src/', pathNot: '^mock-kpow/src/(http/|server\\.ts$)' },
            to: { path: '^mock-kpow/src/http/' },
        },
        {
            name: 'mock-kpow-engine-is-pure',
            comment: 'mock-kpow/src/engine is pure: no Node API, no express, no YAML; its callers parse and do I/O.',
            severity: 'error',
            from: { path: '^mock-kpow/src/engine/', pathNot: TEST },
            to: { path: '(^|/)node_modules/(express|yaml)/' },
        },
        {
            name: 'mock-kpow-engine-core-modules',
            comment: 'mock-kpow/src/engine is pure: no Node API (node:*); do I/O in its callers.',
            severity: 'error',
            from: { path: '^mock-kpow/src/engine/', pathNot: TEST },
            to: { dependencyTypes: ['core'] },
        },
    ],
    options: {
        doNotFollow: { path: 'node_modules' },
        // The SDK's output and the keys it keeps (never hand-written).
        exclude: { path: '^servicenow/(dist|\\.now|src/fluent/generated)/' },
        // Type-only imports count: a cycle through an interface is still a cycle.
        tsPreCompilationDeps: true,
        tsConfig: { fileName: 'tsconfig.json' },
        enhancedResolveOptions: {
            exportsFields: ['exports'],
            conditionNames: ['import', 'require', 'node', 'default'],
        },
        reporterOptions: { text: { highlightFocused: true } },
    },
}
