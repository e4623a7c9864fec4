// Lint rules for every TypeScript folder, the ServiceNow app's Fluent sources (*.now.ts) included,
// and, in their own block, the app's action scripts: platform JavaScript for the instance's engine.
import { fixupPluginRules } from '@eslint/compat'
import js from '@eslint/js'
import servicenowPlugin from '@servicenow/eslint-plugin-sdk-app-plugin'
import * as espree from 'espree'
import tseslint from 'typescript-eslint'
import prettierConfig from 'eslint-config-prettier'

// Which part may import which (layers, public entries, no cycles) is dependency-cruiser's job
// (.dependency-cruiser.cjs, run by `npm run lint` after ESLint), not ESLint's.

/** The TypeScript rules switched off, for plain JavaScript files parsed as ES5. */
const typescriptRulesOff = Object.fromEntries(
    Object.keys(tseslint.plugin.rules ?? {}).map((name) => [`@typescript-eslint/${name}`, 'off'])
)

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
        files: ['servicenow/src/fluent/scripts/**/*.js', 'servicenow/src/fluent/ui-action-scripts/**/*.js'],
        // The plugin's rules (eslint-plugin-es-x 7) call context APIs ESLint 9 removed: ESLint's own shim restores them.
        plugins: { '@servicenow/sdk-app-plugin': fixupPluginRules(servicenowPlugin) },
        languageOptions: {
            parser: espree,
            ecmaVersion: 5,
            sourceType: 'script',
            // The Glide APIs of the scoped API reference the scripts call (npm run typecheck checks each
            // call against ServiceNow's declarations: servicenow/src/glide/scoped-api.d.ts).
            globals: {
                gs: 'readonly',
                GlideRecord: 'readonly',
                GlideDateTime: 'readonly',
                sn_ws: 'readonly',
                sn_cc: 'readonly',
                // The app's Script Includes (x_kpow_jit.KpowClient) and the platform's Class.create.
                x_kpow_jit: 'readonly',
                Class: 'readonly',
            },
        },
        rules: {
            // The TypeScript rules above have nothing to say about ES5 script.
            ...typescriptRulesOff,
            ...servicenowPlugin.configs.recommended.rules,
            '@servicenow/sdk-app-plugin/no-promise': 'error',
            // ES5 has no catch without a binding (ES2019), so an unused one is no mistake.
            'no-unused-vars': ['error', { caughtErrors: 'none' }],
        },
    },
    // What a script step and a Script Include are given besides the Glide APIs.
    {
        files: ['servicenow/src/fluent/scripts/**/*.js'],
        languageOptions: {
            globals: { inputs: 'readonly', outputs: 'readonly', Class: 'readonly', x_kpow_jit: 'readonly' },
        },
    },
    // What a server-side UI action's script is given: the form's record and the action.
    {
        files: ['servicenow/src/fluent/ui-action-scripts/**/*.js'],
        languageOptions: { globals: { current: 'readonly', action: 'readonly' } },
    },
    // CommonJS configuration files (dependency-cruiser reads .cjs).
    {
        files: ['**/*.cjs'],
        languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    },
    // npm start's and the tests' preflight runs on whatever Node the user has, to refuse an old one
    // with one line: ES5 script, so newer syntax fails here rather than as a stack trace there.
    {
        files: ['scripts/preflight.cjs'],
        languageOptions: {
            parser: espree,
            ecmaVersion: 5,
            sourceType: 'script',
            globals: { require: 'readonly', process: 'readonly', console: 'readonly', __dirname: 'readonly' },
        },
        rules: {
            ...typescriptRulesOff,
            'no-unused-vars': ['error', { caughtErrors: 'none' }],
        },
    },
    // Formatting is Prettier's job (npm run format); this turns off the lint rules that would argue with it.
    prettierConfig
)
