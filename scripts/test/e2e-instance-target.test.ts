// `npm run test:e2e -- --target=instance` against "the instance": the local instance started empty
// and mock-kpow, child processes on port 0, deployed to with the deploy command as a PDI would be.
// The command runs as a child process whose environment holds only PATH, the URLs and the logins,
// so nothing of the local instance but what a PDI also offers can reach the specs. The people are
// the empty instance's demo users (as a PDI's abel.tuter and beth.anglin, whose passwords an admin
// sets): the requester, their manager, and a member of the Kpow Access Approvers group.
import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { repositoryRoot, startProcess } from '../lib/common/index.ts'
import { useDeployTargets } from './deploy-targets.ts'

const targets = useDeployTargets()

/** Runs `npm run test:e2e -- --target=instance [args]` with just these variables; its exit code and output. */
async function runInstanceTarget(
    environment: Record<string, string>,
    args: readonly string[] = []
): Promise<{ code: number | null; output: string }> {
    const run = startProcess('npm', ['run', '--silent', 'test:e2e', '--', '--target=instance', ...args], {
        cwd: repositoryRoot,
        env: { PATH: process.env.PATH ?? '', ...environment },
    })
    const [code] = (await once(run.child, 'exit')) as [number | null]
    return { code, output: run.output() }
}

function variables(): Record<string, string> {
    const { instanceUrl, kpowApiUrl, adminPassword } = targets()
    return {
        SN_INSTANCE_URL: instanceUrl,
        SN_USER: 'admin',
        SN_PASSWORD: adminPassword,
        SN_SMOKE_REQUESTER: 'abel.tuter',
        SN_SMOKE_REQUESTER_PASSWORD: 'demo',
        SN_SMOKE_APPROVER_PASSWORD: 'demo',
        SN_E2E_GROUP_APPROVER: 'gina.approver',
        SN_E2E_GROUP_APPROVER_PASSWORD: 'demo',
        KPOW_API_URL: kpowApiUrl,
        KPOW_API_USER: 'admin',
        KPOW_API_PASSWORD: 'admin',
    }
}

/** The instance's open requested items and Kpow's temporary policies, as the admins read them. */
async function leftBehind(): Promise<{ openItems: string[]; policies: string[] }> {
    const { instanceUrl, kpowApiUrl, adminPassword } = targets()
    const items = await fetch(
        `${instanceUrl}/api/now/table/sc_req_item?sysparm_query=${encodeURIComponent('stateIN1,2')}&sysparm_fields=number`,
        { headers: { authorization: `Basic ${Buffer.from(`admin:${adminPassword}`).toString('base64')}` } }
    )
    const policies = await fetch(`${kpowApiUrl}/admin/v1/temporary-policies`, {
        headers: { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
    })
    return {
        openItems: ((await items.json()) as { result: { number: string }[] }).result.map((item) => item.number),
        policies: ((await policies.json()) as { temporary_policies: { id: string }[] }).temporary_policies.map(
            (policy) => policy.id
        ),
    }
}

describe('npm run test:e2e -- --target=instance', () => {
    it('stops with one line naming a missing variable', async () => {
        const { SN_SMOKE_REQUESTER_PASSWORD: _left, ...withoutOne } = variables()
        const { code, output } = await runInstanceTarget(withoutOne)
        expect(code).toBe(1)
        expect(output.trim().split('\n')).toEqual([
            "test:e2e --target=instance: smoke needs a requester who has a manager, and both their passwords: the requester's password not set; fix: set SN_SMOKE_REQUESTER_PASSWORD",
        ])
    }, 30_000)

    it('stops with one line while the app is not deployed', async () => {
        const { code, output } = await runInstanceTarget(variables())
        expect(code).toBe(1)
        expect(output.trim().split('\n')).toEqual([
            `test:e2e --target=instance: the app is not deployed on ${targets().instanceUrl}: the update set is absent; fix: run \`npm run deploy\` (\`npm run status\` shows what the instance holds)`,
        ])
    }, 30_000)

    it('runs the lifecycle specs on the deployed instance, skips the local-only ones, and leaves nothing behind', async () => {
        const deployed = await targets().run(['deploy'])
        expect(deployed.output).toContain('deploy complete')

        const { code, output } = await runInstanceTarget(variables())
        expect(output).toMatch(/\b5 passed\b/)
        expect(code).toBe(0)
        for (const spec of [
            'guide-lifecycle',
            'rejection',
            'end-my-access',
            'group-edit-profile',
            'early-close-revokes',
        ])
            expect(output).toMatch(new RegExp(`✓ +\\d+ \\[e2e\\] › e2e/specs/${spec}\\.spec\\.ts`))
        for (const spec of [
            'approval-deadline',
            'notifications',
            'extend-access',
            'expiry-closes-item',
            'page-fit',
            'servicenow-ui-contract',
        ])
            expect(output).toMatch(new RegExp(`- +\\d+ \\[e2e\\] › e2e/specs/${spec}\\.spec\\.ts`))
        expect(output).not.toMatch(/\d+ failed/)
        expect(output).toContain(
            "skipped on the instance target: approval-deadline.spec.ts: moves the local instance's clock past the approval deadline and reads its outbox"
        )
        expect(output).toMatch(/checked on the local target only, in guide-lifecycle\.spec\.ts: mock-kpow's UI/)
        expect(await leftBehind()).toEqual({ openItems: [], policies: [] })
    }, 180_000)

    it('cleans up after a failed step: the open item closed, the policy it made deleted in Kpow', async () => {
        const run = startProcess(
            'npx',
            ['playwright', 'test', '--config', 'scripts/test/e2e-clean-up/playwright.config.ts'],
            { cwd: repositoryRoot, env: { PATH: process.env.PATH ?? '', E2E_TARGET: 'instance', ...variables() } }
        )
        const [code] = (await once(run.child, 'exit')) as [number | null]
        const output = run.output()
        expect(output).toContain('failing on purpose with RITM')
        expect(code).toBe(1)
        expect(output).toMatch(
            /clean-up after fails-after-grant\.spec\.ts .*: closed item \w{32} \(Closed Incomplete\); deleted Kpow policy \S+/
        )
        expect(await leftBehind()).toEqual({ openItems: [], policies: [] })
    }, 90_000)
})
