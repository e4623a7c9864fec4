import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { HAND_BUILT_SET_FILE } from '../lib/update-set/testing/index.ts'
import { main } from '../review/diff.ts'

const repository = mkdtempSync(join(tmpdir(), 'review-diff-git-'))
afterAll(() => rmSync(repository, { recursive: true, force: true }))

const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], {
        cwd: repository,
        encoding: 'utf8',
    })

async function run(...argv: string[]) {
    let out = ''
    let err = ''
    const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text) }, repository)
    return { code, out, err }
}

describe('npm run diff with git revisions', () => {
    it('reads update-sets/kpow-jit-access.xml at each revision of a range, or one revision against the working tree', async () => {
        git('init', '--quiet')
        mkdirSync(join(repository, 'update-sets'))
        const path = join(repository, 'update-sets', 'kpow-jit-access.xml')
        const original = readFileSync(HAND_BUILT_SET_FILE, 'utf8')
        writeFileSync(path, original)
        git('add', '.')
        git('commit', '--quiet', '-m', 'first')
        // The flow renamed (its payload is escaped XML, its values gzip+base64: the name is plain text).
        writeFileSync(
            path,
            original.replaceAll('&lt;name&gt;Kpow Access Lifecycle&lt;', '&lt;name&gt;Kpow Lifecycle&lt;')
        )
        git('commit', '--quiet', '-am', 'second')

        const range = await run('HEAD~1..HEAD')
        expect(range.err).toBe('')
        expect(range.code).toBe(1)
        expect(range.out).toBe('flow "Kpow Lifecycle": name: `Kpow Access Lifecycle` → `Kpow Lifecycle`\n')

        expect(await run('HEAD')).toEqual({ code: 0, out: '', err: '' })
        const markdown = await run('--markdown', 'HEAD~1')
        expect(markdown.code).toBe(1)
        expect(markdown.out).toMatch(
            /^### Update set changes: update-sets\/kpow-jit-access\.xml at HEAD~1 → update-sets\/kpow-jit-access\.xml \(working tree\)\n/
        )
    })
})
