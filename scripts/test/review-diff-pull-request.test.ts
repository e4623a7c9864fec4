import { spawnSync, execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { repositoryRoot } from '../lib/common/index.ts'
import type { ExportedUpdate } from '../lib/update-set/testing/index.ts'
import { exportedSetXml, SAMPLE_IDS, sampleUpdates } from '../lib/update-set/testing/index.ts'

const repository = mkdtempSync(join(tmpdir(), 'review-diff-pr-'))
afterAll(() => rmSync(repository, { recursive: true, force: true }))

const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], {
        cwd: repository,
        encoding: 'utf8',
    }).trim()

/** Commits the set (or a placeholder when there is none yet) and returns the commit's full sha. */
function commit(message: string, xml?: string): string {
    const path = join(repository, 'update-sets', 'kpow-jit-access.xml')
    if (xml === undefined) writeFileSync(join(repository, 'README.md'), message)
    else writeFileSync(path, xml)
    git('add', '.')
    git('commit', '--quiet', '-m', message)
    return git('rev-parse', 'HEAD')
}

/** The command the pull request workflow runs (without npm's wrapper), in the repository it checked out. */
function diffCommand(...argv: string[]) {
    const tsx = join(repositoryRoot, 'node_modules', '.bin', 'tsx')
    const result = spawnSync(tsx, [join(repositoryRoot, 'scripts', 'review', 'diff.ts'), ...argv], {
        cwd: repository,
        encoding: 'utf8',
        timeout: 60_000,
    })
    return { code: result.status, out: result.stdout, err: result.stderr }
}

const setXml = (edit: (updates: ExportedUpdate[]) => void = () => undefined, reversed = false) => {
    const updates = sampleUpdates()
    edit(updates)
    return exportedSetXml(updates, { name: 'Kafka access', reversed })
}

describe('the pull request command: npm run diff -- --markdown <base-sha>..<head-sha>', () => {
    it('compares the committed set at two commits: absent, then every record added; reordered, no change; one field edited, that field', () => {
        git('init', '--quiet')
        mkdirSync(join(repository, 'update-sets'))
        const before = commit('no set yet')
        const added = commit('the set', setXml())
        const reordered = commit(
            'the set in another order',
            setXml(() => undefined, true)
        )
        const edited = commit(
            'one field edited',
            setXml((updates) => {
                const acl = updates.find((update) => update.record.sysId === SAMPLE_IDS.acl)
                if (acl) acl.record.fields.condition = 'active=true^state!=7^EQ'
            }, true)
        )

        const first = diffCommand('--markdown', `${before}..${added}`)
        expect(first.err).toBe('')
        expect(first.code).toBe(1)
        expect(first.out).toContain(
            `### Update set changes: update-sets/kpow-jit-access.xml at ${before} (absent) → update-sets/kpow-jit-access.xml at ${added}`
        )
        expect(first.out).toContain('**sys_security_acl "incident.u_kafka_topic"**\n\n- added')
        expect(first.out).toContain('**flow "Grant Kafka access"**\n\n- added')

        expect(diffCommand('--markdown', `${added}..${reordered}`)).toEqual({
            code: 0,
            out: `### Update set changes: update-sets/kpow-jit-access.xml at ${added} → update-sets/kpow-jit-access.xml at ${reordered}\n\nNo semantic changes.\n`,
            err: '',
        })

        const last = diffCommand('--markdown', `${reordered}..${edited}`)
        expect(last).toEqual({
            code: 1,
            out: `### Update set changes: update-sets/kpow-jit-access.xml at ${reordered} → update-sets/kpow-jit-access.xml at ${edited}\n\n**sys_security_acl "incident.u_kafka_topic"**\n\n- field \`condition\`: \`active=true^EQ\` → \`active=true^state!=7^EQ\`\n`,
            err: '',
        })
    })

    it('exits 2 with one line naming a revision git does not know', () => {
        const result = diffCommand('--markdown', `${'0'.repeat(40)}..HEAD`)
        expect(result.code).toBe(2)
        expect(result.out).toBe('')
        expect(result.err).toMatch(/^diff: git show 0{40}:\.\/update-sets\/kpow-jit-access\.xml failed: .+\n$/)
    })
})
