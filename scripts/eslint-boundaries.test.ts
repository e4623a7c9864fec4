// The part boundaries of ARCHITECTURE.md, enforced by ESLint (eslint.config.js): each rule is run
// through ESLint's API on a small in-memory file placed where a violation would be, and must fire
// with its message; the allowed imports next to it must pass.
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..')
const eslint = new ESLint({ cwd: root })

/** The no-restricted-imports messages for a file at `path` (from the repository root) importing `specifier`. */
async function restrictions(path: string, specifier: string): Promise<string[]> {
    const [result] = await eslint.lintText(`import probe from '${specifier}'\nexport default probe\n`, {
        filePath: resolve(root, path),
    })
    return (result?.messages ?? [])
        .filter((message) => message.ruleId === 'no-restricted-imports')
        .map((message) => message.message)
}

describe('part boundaries', () => {
    it.each([
        ['e2e/specs/probe.ts', '../../mock-kpow/test/spawn-cli', /mock-kpow is imported from other parts only through/],
        [
            'e2e/local-instance/http/probe.ts',
            '../../../mock-kpow/src/http/ui/layout',
            /mock-kpow is imported from other parts only through mock-kpow\/src\/index\.ts/,
        ],
        ['e2e/specs/probe.ts', '../local-instance/instance', /The local instance is imported .* local-instance\/index/],
        ['scripts/probe.ts', '../e2e/local-instance/test/kpow-stand-in', /The local instance is imported/],
        [
            'e2e/local-instance/probe.ts',
            '../../scripts/update-set/read-update-set',
            /The update-set library is imported .* update-set\/index\.ts/,
        ],
        [
            'mock-kpow/src/probe.ts',
            '../../scripts/common/html',
            /scripts\/common is imported from other parts only through common\/index\.ts/,
        ],
        [
            'e2e/local-instance/probe.ts',
            '../../scripts/test/hold-default-ports',
            /From scripts\/, other parts import only/,
        ],
        ['mock-kpow/test/probe.ts', '../../e2e/specs/fixtures', /nothing imports them/],
        [
            'e2e/local-instance/test/probe.ts',
            '../../../scripts/deploy/servicenow-client.ts',
            /The deploy tool is imported from other parts only through deploy\/index\.ts/,
        ],
    ])('%s may not import %s', async (path, specifier, message) => {
        const found = await restrictions(path, specifier)
        expect(found).toHaveLength(1)
        expect(found[0]).toMatch(message)
    })

    it.each([
        ['e2e/specs/probe.ts', '../../mock-kpow/src/index'],
        ['e2e/specs/probe.ts', '../local-instance/index'],
        ['e2e/local-instance/probe.ts', '../../scripts/update-set/index'],
        ['mock-kpow/src/cli.ts', '../../scripts/common/index'],
        ['scripts/probe.ts', './update-set/index.ts'],
        ['e2e/local-instance/test/probe.ts', '../../../scripts/deploy/index.ts'],
        ['scripts/deploy/probe.ts', './servicenow-client.ts'],
        ['mock-kpow/test/probe.ts', '../../scripts/reference-files'],
        // Inside a part, anything of its own.
        ['scripts/update-set/probe.ts', './read-update-set.ts'],
        ['e2e/local-instance/probe.ts', './flow-model'],
        ['mock-kpow/test/probe.ts', '../src/http/api-schemas'],
    ])('%s may import %s', async (path, specifier) => {
        expect(await restrictions(path, specifier)).toEqual([])
    })
})

describe('mock-kpow layers', () => {
    it.each([
        ['mock-kpow/src/kpow-service.ts', './http/errors'],
        ['mock-kpow/src/store/probe.ts', '../http/api-app'],
        ['mock-kpow/src/engine/probe.ts', '../http/ui/layout'],
    ])('below http/, %s may not import %s', async (path, specifier) => {
        const found = await restrictions(path, specifier)
        expect(found).toHaveLength(1)
        expect(found[0]).toMatch(/Nothing below mock-kpow\/src\/http imports it/)
    })

    it('http/ itself and the composition root may', async () => {
        expect(await restrictions('mock-kpow/src/server.ts', './http/api-app')).toEqual([])
        expect(await restrictions('mock-kpow/src/http/ui/probe.ts', '../errors')).toEqual([])
    })

    it.each([
        ['node:fs', /no Node API/],
        ['node:crypto', /no Node API/],
        ['express', /no express or yaml/],
        ['yaml', /no express or yaml/],
    ])('the engine may not import %s', async (specifier, message) => {
        const found = await restrictions('mock-kpow/src/engine/probe.ts', specifier)
        expect(found).toHaveLength(1)
        expect(found[0]).toMatch(message)
    })

    it("the engine's own imports pass, and its tests may read fixture files", async () => {
        expect(await restrictions('mock-kpow/src/engine/probe.ts', './types')).toEqual([])
        expect(await restrictions('mock-kpow/src/engine/probe.test.ts', 'node:fs')).toEqual([])
        expect(await restrictions('mock-kpow/src/config/probe.ts', 'node:fs')).toEqual([])
    })
})
