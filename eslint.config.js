// Lint rules for every TypeScript folder, the ServiceNow app's Fluent sources (*.now.ts) included,
// and, in their own block, the app's action scripts: platform JavaScript for the instance's engine.
import { fixupPluginRules } from '@eslint/compat'
import js from '@eslint/js'
import servicenowPlugin from '@servicenow/eslint-plugin-sdk-app-plugin'
import * as espree from 'espree'
import tseslint from 'typescript-eslint'
import prettierConfig from 'eslint-config-prettier'

// Part boundaries (ARCHITECTURE.md): a part is imported from outside only through its public entry,
// and never its test/ folder. A part's own imports are relative and never name its own folder, so one
// list serves every file. Later blocks repeat it, since a file's last matching block sets the rule.
const entryOnly = (folder, entry, part) => ({
    regex: `(^|/)${folder}/(?!${entry}(\\.ts)?$)`,
    caseSensitive: true,
    message: `${part} is imported from other parts only through ${folder}/${entry}.ts (its public entry).`,
})
const crossPart = [
    entryOnly('update-set', 'index', 'The update-set library'),
    entryOnly('common', 'index', 'scripts/common'),
    entryOnly('mock-kpow', 'src/index', 'mock-kpow'),
    entryOnly('local-instance', 'index', 'The local instance'),
    entryOnly('deploy', 'index', 'The deploy tool'),
    {
        // common/, update-set/ and deploy/ have their own rule above.
        regex: '(^|/)scripts/(?!(common|update-set|deploy)/|reference-files(\\.ts)?$)',
        caseSensitive: true,
        message:
            'From scripts/, other parts import only scripts/common/index.ts, scripts/update-set/index.ts, scripts/deploy/index.ts and scripts/reference-files.ts.',
    },
    {
        regex: '(^|/)specs/',
        caseSensitive: true,
        message: 'The e2e specs are Playwright entry points: nothing imports them.',
    },
]
// Below HTTP (the service, state, data, engine, auth, config): HTTP is built on them, never the reverse.
const belowHttp = {
    regex: '(^|/)http(/|$)',
    caseSensitive: true,
    message:
        'Nothing below mock-kpow/src/http imports it: errors are data (src/errors.ts), translated to HTTP in http/ alone.',
}
// The policy engine is pure: no Node API, no web framework, no YAML (its callers parse and do I/O).
const engineImpurities = [
    { regex: '^node:', message: 'mock-kpow/src/engine is pure: no Node API (node:*); do I/O in its callers.' },
    {
        regex: '^(express|yaml)(/|$)',
        message: 'mock-kpow/src/engine is pure: no express or yaml; its callers parse and serve.',
    },
]
const restrictImports = (patterns) => ({ rules: { 'no-restricted-imports': ['error', { patterns }] } })

export default tseslint.config(
    {
        ignores: [
            '**/node_modules/**',
            // The SDK writes these: ids it keeps stable, and its build output.
            'servicenow/src/fluent/generated/**',
            '**/.now/**',
            'update-sets/**',
            '**/dist/**',
            'test-results/**',
            'playwright-report/**',
            'mock-kpow/bin/**',
        ],
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        rules: {
            '@typescript-eslint/no-explicit-any': 'error',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
            '@typescript-eslint/consistent-type-imports': 'error',
        },
    },
    // The ServiceNow app's action scripts (servicenow/src/fluent/scripts/*.js) run in the instance's
    // engine in ES5 mode (the app's JavaScript level): parsed as ES5 scripts, so let, const, arrows,
    // classes or template literals fail here and not at run time; ServiceNow's own plugin refuses
    // what its engine lacks (browser and Node globals and modules, Promise, RegExp lookbehind).
    {
        files: ['servicenow/src/fluent/scripts/**/*.js'],
        // The plugin's rules (eslint-plugin-es-x 7) call context APIs ESLint 9 removed: ESLint's own shim restores them.
        plugins: { '@servicenow/sdk-app-plugin': fixupPluginRules(servicenowPlugin) },
        languageOptions: {
            parser: espree,
            ecmaVersion: 5,
            sourceType: 'script',
            // What a script step is given: its inputs and outputs, and the Glide APIs it calls.
            globals: {
                inputs: 'readonly',
                outputs: 'readonly',
                gs: 'readonly',
                GlideRecord: 'readonly',
                GlideDateTime: 'readonly',
                GlideScheduleDateTime: 'readonly',
                sn_ws: 'readonly',
                sn_cc: 'readonly',
            },
        },
        rules: {
            // The TypeScript rules above have nothing to say about ES5 script.
            ...Object.fromEntries(
                Object.keys(tseslint.plugin.rules ?? {}).map((name) => [`@typescript-eslint/${name}`, 'off'])
            ),
            ...servicenowPlugin.configs.recommended.rules,
            '@servicenow/sdk-app-plugin/no-promise': 'error',
            // ES5 has no catch without a binding (ES2019), so an unused one is no mistake.
            'no-unused-vars': ['error', { caughtErrors: 'none' }],
        },
    },
    // Part boundaries (see the definitions above): every TypeScript file, then the narrower folders.
    { files: ['**/*.ts'], ...restrictImports(crossPart) },
    {
        files: ['mock-kpow/src/**/*.ts'],
        // http/ itself and the composition root that wires it to the service.
        ignores: ['mock-kpow/src/http/**', 'mock-kpow/src/server.ts'],
        ...restrictImports([...crossPart, belowHttp]),
    },
    {
        files: ['mock-kpow/src/engine/**/*.ts'],
        // The engine's tests read fixture files; the engine itself does not.
        ignores: ['mock-kpow/src/engine/**/*.test.ts'],
        ...restrictImports([...crossPart, belowHttp, ...engineImpurities]),
    },
    // Formatting is Prettier's job (npm run format); this turns off the lint rules that would argue with it.
    prettierConfig
)
