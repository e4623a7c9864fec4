// Lint rules shared by every TypeScript folder except the now-sdk app, which the SDK's own build
// type-checks (its scripts are platform JavaScript, checked by the update-set tests instead).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import prettierConfig from 'eslint-config-prettier'

export default tseslint.config(
    {
        ignores: [
            'node_modules/**',
            'servicenow/**',
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
    // Formatting is Prettier's job (npm run format); this turns off the lint rules that would argue with it.
    prettierConfig
)
