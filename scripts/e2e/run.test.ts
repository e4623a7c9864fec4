// The wrapper's command line without servers: what reaches Playwright for each target, and the one
// line a missing variable gives before anything is called.
import { describe, expect, it } from 'vitest'
import type { InstanceStatus } from '../deploy/index.ts'
import { main, notReadyBecause, TARGET_VARIABLE, variablesOnly } from './run.ts'

async function run(argv: readonly string[], environment: Record<string, string> = {}) {
    const lines: string[] = []
    const calls: { args: readonly string[]; target: string | undefined }[] = []
    const code = await main(argv, {
        write: (line) => lines.push(line),
        environment,
        runPlaywright: async (args, childEnvironment) => {
            calls.push({ args, target: childEnvironment[TARGET_VARIABLE] })
            return 7
        },
    })
    return { code, lines, calls }
}

describe('npm run test:e2e', () => {
    it("keeps today's behaviour: the e2e project on the local target, Playwright's exit code", async () => {
        expect(await run([])).toEqual({
            code: 7,
            lines: [],
            calls: [{ args: ['test', '--project=e2e'], target: 'local' }],
        })
    })

    it("passes Playwright's own arguments through, before and after --target", async () => {
        const { calls } = await run(['--headed', 'rejection', '--target=local', '--grep', 'rejected', '--workers=1'])
        expect(calls).toEqual([
            {
                args: ['test', '--project=e2e', '--headed', 'rejection', '--grep', 'rejected', '--workers=1'],
                target: 'local',
            },
        ])
    })

    it('refuses an unknown target without running Playwright', async () => {
        const { code, calls } = await run(['--target=staging'])
        expect(code).toBe(2)
        expect(calls).toEqual([])
    })

    it('names the first missing variable in one line and runs nothing (instance target)', async () => {
        const { code, lines, calls } = await run(['--target=instance'], { SN_INSTANCE_URL: 'dev1.service-now.com' })
        expect(code).toBe(1)
        expect(lines).toEqual([
            'test:e2e --target=instance: the ServiceNow user is not set; fix: set SN_USER (or SN_SDK_USER)',
        ])
        expect(calls).toEqual([])
    })

    it('needs both group approver variables or neither', async () => {
        const { code, lines } = await run(['--target=instance'], {
            SN_INSTANCE_URL: 'dev1.service-now.com',
            SN_USER: 'admin',
            SN_PASSWORD: 'secret',
            SN_SMOKE_REQUESTER: 'abel.tuter',
            SN_SMOKE_REQUESTER_PASSWORD: 'secret',
            SN_SMOKE_APPROVER_PASSWORD: 'secret',
            KPOW_API_URL: 'https://kpow.example.com',
            KPOW_API_USER: 'admin',
            KPOW_API_PASSWORD: 'secret',
            SN_E2E_GROUP_APPROVER: 'gina.approver',
        })
        expect(code).toBe(1)
        expect(lines).toEqual([
            'test:e2e --target=instance: SN_E2E_GROUP_APPROVER_PASSWORD is not set (the group approver needs both); fix: set both SN_E2E_GROUP_APPROVER and SN_E2E_GROUP_APPROVER_PASSWORD, or neither (the group-approval profile then skips)',
        ])
    })

    it("drops the deploy tool's flags from its fixes: this command takes variables", () => {
        expect(variablesOnly('set SN_INSTANCE_URL (or SN_SDK_INSTANCE_URL) or pass --instance')).toBe(
            'set SN_INSTANCE_URL (or SN_SDK_INSTANCE_URL)'
        )
        expect(variablesOnly('set SN_SMOKE_REQUESTER (or pass --requester)')).toBe('set SN_SMOKE_REQUESTER')
    })
})

describe('notReadyBecause', () => {
    const ready: InstanceStatus = {
        updateSet: { present: true, state: 'committed', version: '1.0.0', matchesLocalFile: true },
        actions: [{ name: 'Kpow - Create Temporary Policy', state: 'published', published: true }],
        flows: [{ name: 'Kpow Access Lifecycle', active: true, status: 'published, active=true' }],
        connection: { url: 'https://kpow.example.com', active: true, credentialUser: 'admin' },
        ready: true,
    }

    it('says what keeps the instance from running the specs, first things first', () => {
        expect(notReadyBecause(ready)).toBeUndefined()
        const notReady = { ...ready, ready: false }
        expect(
            notReadyBecause({ ...notReady, updateSet: { ...ready.updateSet, present: false, state: 'absent' } })
        ).toBe('the update set is absent')
        expect(
            notReadyBecause({
                ...notReady,
                actions: [{ name: 'Kpow - Create Temporary Policy', state: 'draft', published: false }],
            })
        ).toBe('action(s) not published: Kpow - Create Temporary Policy')
        expect(
            notReadyBecause({ ...notReady, flows: [{ name: 'Kpow Access Lifecycle', active: false, status: 'draft' }] })
        ).toBe('flow(s) not active: Kpow Access Lifecycle')
        expect(notReadyBecause({ ...notReady, connection: undefined })).toBe('there is no Kpow connection')
    })
})
