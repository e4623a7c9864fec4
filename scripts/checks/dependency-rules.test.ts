// The house's dependency rules (.dependency-cruiser.cjs, run by `npm run lint`) are proven here
// the way they would be broken: in a scratch copy of the repository's sources, one import that runs
// the wrong way is added, and dependency-cruiser must name the rule it breaks; the copy as it is
// must pass. Small probe trees then show each rule on its own, and what it allows next to it.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { execFileSync } from 'node:child_process'
import type { IViolation } from 'dependency-cruiser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cruiseWithRules, SOURCE_FOLDERS } from './house.ts'

const root = resolve(import.meta.dirname, '..', '..')
const scratchFolders: string[] = []

function scratch(): string {
    const folder = mkdtempSync(join(tmpdir(), 'dependency-rules-'))
    scratchFolders.push(folder)
    cpSync(join(root, '.dependency-cruiser.cjs'), join(folder, '.dependency-cruiser.cjs'))
    cpSync(join(root, 'tsconfig.json'), join(folder, 'tsconfig.json'))
    // Packages resolve as in the repository (a test runner is told from the app's own code by its path).
    symlinkSync(join(root, 'node_modules'), join(folder, 'node_modules'), 'dir')
    return folder
}

function write(folder: string, path: string, text: string): void {
    mkdirSync(dirname(join(folder, path)), { recursive: true })
    writeFileSync(join(folder, path), text)
}

/** The violations dependency-cruiser finds in `folder` with the rules copied there, as `npm run lint` would. */
async function violations(folder: string): Promise<IViolation[]> {
    return (await cruiseWithRules(folder)).summary.violations
}

afterAll(() => {
    for (const folder of scratchFolders) rmSync(folder, { recursive: true, force: true })
})

// Each case cruises a tree: seconds alone, longer on a machine busy with other tiers.
describe('the repository under its dependency rules', { timeout: 120_000 }, () => {
    let copy: string
    beforeAll(() => {
        copy = scratch()
        const tracked = execFileSync('git', ['ls-files', '-z', '--', ...SOURCE_FOLDERS], {
            cwd: root,
            encoding: 'utf8',
        })
        for (const path of tracked.split('\0').filter((name) => /\.(ts|js|mjs|cjs|json)$/.test(name))) {
            mkdirSync(dirname(join(copy, path)), { recursive: true })
            cpSync(join(root, path), join(copy, path))
        }
    })

    it('passes as it is', async () => {
        expect(await violations(copy)).toEqual([])
    })

    it('fails when a library imports a product (an upward import)', async () => {
        const html = join(copy, 'scripts/lib/common/html.ts')
        const original = readFileSync(html, 'utf8')
        writeFileSync(html, `import '../../../mock-kpow/src/index.ts'\n${original}`)
        try {
            const found = await violations(copy)
            // The import also closes cycles (mock-kpow uses the common helpers); the direction rule names it.
            expect(found.map((violation) => [violation.rule.name, violation.from, violation.to])).toContainEqual([
                'library-imports-library-only',
                'scripts/lib/common/html.ts',
                'mock-kpow/src/index.ts',
            ])
        } finally {
            writeFileSync(html, original)
        }
    })
})

describe('each rule', { timeout: 60_000 }, () => {
    /** A probe tree: `from` imports `to`; both files exist, each exporting one constant. */
    async function probe(from: string, to: string): Promise<string[]> {
        const folder = scratch()
        const specifier = relativeSpecifier(from, to)
        write(folder, to, 'export const probe = 1\n')
        write(folder, from, `import { probe } from '${specifier}'\nexport const user = probe\n`)
        return (await violations(folder)).map((violation) => violation.rule.name)
    }

    it.each([
        ['scripts/lib/update-set/x.ts', 'servicenow/src/fluent/settings.ts', 'library-imports-library-only'],
        ['scripts/lib/common/x.ts', 'scripts/deploy/index.ts', 'library-imports-library-only'],
        ['e2e/local-instance/x.ts', 'scripts/demo/demo.ts', 'product-imports-no-command'],
        ['mock-kpow/src/engine/x.ts', 'e2e/local-instance/index.ts', 'products-stand-alone'],
        ['e2e/local-instance/x.ts', 'servicenow/src/fluent/settings.ts', 'products-stand-alone'],
        ['servicenow/src/fluent/x.ts', 'scripts/lib/common/index.ts', 'app-stands-alone'],
        ['scripts/lib/update-set/index.ts', 'scripts/lib/update-set/testing/fixture.ts', 'no-test-code-at-run-time'],
        ['e2e/local-instance/users.ts', 'e2e/local-instance/test/helper.ts', 'no-test-code-at-run-time'],
        ['mock-kpow/test/x.test.ts', 'e2e/specs/lifecycle.spec.ts', 'specs-are-entry-points'],
        ['e2e/specs/x.spec.ts', 'e2e/local-instance/instance.ts', 'entry-only:The local instance'],
        ['scripts/deploy/x.ts', 'scripts/lib/update-set/read-update-set.ts', 'entry-only:The update-set library'],
        ['mock-kpow/src/kpow-service.ts', 'mock-kpow/src/http/errors.ts', 'mock-kpow-http-on-top'],
    ])('%s importing %s breaks %s', async (from, to, rule) => {
        expect(await probe(from, to)).toContain(rule)
    })

    it.each([
        ['scripts/deploy/x.ts', 'scripts/lib/update-set/index.ts'],
        ['e2e/local-instance/x.ts', 'scripts/lib/common/index.ts'],
        ['scripts/demo/demo.ts', 'e2e/local-instance/index.ts'],
        ['e2e/local-instance/test/x.test.ts', 'scripts/lib/update-set/testing/index.ts'],
        ['scripts/lib/update-set/x.ts', 'scripts/lib/common/index.ts'],
        ['mock-kpow/src/http/x.ts', 'mock-kpow/src/kpow-service.ts'],
    ])('%s may import %s', async (from, to) => {
        expect(await probe(from, to)).toEqual([])
    })

    it('refuses an import cycle made of type-only imports', async () => {
        const folder = scratch()
        write(folder, 'e2e/local-instance/a.ts', "import type { B } from './b.ts'\nexport interface A { b?: B }\n")
        write(folder, 'e2e/local-instance/b.ts', "import type { A } from './a.ts'\nexport interface B { a?: A }\n")
        expect((await violations(folder)).map((violation) => violation.rule.name)).toContain('no-circular')
    })

    it('refuses a test runner in code loaded at run time, and allows it in a test', async () => {
        const folder = scratch()
        write(folder, 'e2e/local-instance/checks.ts', "import { expect } from 'vitest'\nexport const check = expect\n")
        write(
            folder,
            'e2e/local-instance/checks.test.ts',
            "import { expect } from 'vitest'\nexport const check = expect\n"
        )
        const found = await violations(folder)
        expect(found.map((violation) => [violation.rule.name, violation.from])).toEqual([
            ['no-test-runner-at-run-time', 'e2e/local-instance/checks.ts'],
        ])
    })
})

function relativeSpecifier(from: string, to: string): string {
    const up = from.split('/').length - 1
    return `${'../'.repeat(up)}${to}`
}
