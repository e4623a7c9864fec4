// `npm run smoke` against a nock-made instance and Kpow (no socket): ordered as the requester,
// approved as their manager (each with their own Basic auth), the grant note read, the policy
// checked in Kpow, the item closed by the admin, the policy gone; clean-up when a step fails.
import nock from 'nock'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readAppUpdateSet } from './app-update-set.ts'
import { DEFAULT_UPDATE_SET, GUIDE_CLUSTER_ID, GUIDE_TOPIC, main } from './cli.ts'
import { ADMIN, FAKE_ENVIRONMENT, FakeInstance, KPOW_USER, MANAGER, REQUESTER } from './testing/fake-servers.ts'
import type { FakeInstanceOptions } from './testing/fake-servers.ts'

const updateSet = readAppUpdateSet(DEFAULT_UPDATE_SET)
const ENVIRONMENT = FAKE_ENVIRONMENT
const FAST = { pollIntervalMs: 0, sleep: async () => {} }

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())
afterAll(() => nock.enableNetConnect())

async function run(argv: string[], environment: Record<string, string> = ENVIRONMENT, waitTimeoutMs = 60_000) {
    const lines: string[] = []
    const code = await main(argv, {
        write: (line) => lines.push(line),
        environment,
        timing: { ...FAST, waitTimeoutMs },
    })
    return { code, output: lines.join('\n') }
}

async function deployed(options: FakeInstanceOptions = {}): Promise<FakeInstance> {
    const instance = new FakeInstance(updateSet, options).install()
    const { code } = await run(['deploy'])
    expect(code).toBe(0)
    instance.requests.length = 0
    instance.kpowRequests.length = 0
    return instance
}

describe('smoke', () => {
    it('drives the lifecycle as requester, manager and admin, each step with its latency', async () => {
        const instance = await deployed()
        const { code, output } = await run(['smoke'])
        expect(output).toMatch(/smoke test passed/)
        expect(code).toBe(0)
        for (const step of [
            'find the requester and their manager',
            'Kpow answers',
            'order',
            'approval requested from the manager',
            'approve as the manager',
            'grant work note',
            'policy in Kpow',
            'close the item',
            'revoke work note',
            'policy gone from Kpow',
        ]) {
            expect(output).toMatch(new RegExp(`^\\[ok\\] ${step}: .*\\(\\d+(\\.\\d)? m?s\\)$`, 'm'))
        }
        for (const secret of [ADMIN.password, KPOW_USER.password, REQUESTER.password, MANAGER.password]) {
            expect(output).not.toContain(secret)
        }

        // Ordered as the requester, with the item's variables (role and duration: its first choices).
        const [order] = instance.calls('POST', '/api/sn_sc/servicecatalog/items/')
        expect(order?.path).toBe(`/api/sn_sc/servicecatalog/items/${updateSet.catalogItem?.sysId}/order_now`)
        expect(order?.user).toBe(REQUESTER.user)
        expect(order?.body).toEqual({
            sysparm_quantity: 1,
            variables: {
                cluster_id: GUIDE_CLUSTER_ID,
                topic_name: GUIDE_TOPIC,
                role_name: 'kafka-users',
                duration_ms: '300000',
                justification: 'Smoke test of the Kpow just-in-time access deployment',
            },
        })
        // Approved by the manager, as the manager.
        const [approve] = instance.calls('PATCH', '/api/now/table/sysapproval_approver/')
        expect(approve?.user).toBe(MANAGER.user)
        expect(approve?.body).toEqual({ state: 'approved', comments: 'Approved by npm run smoke' })
        // Work notes read from sys_journal_field for the item.
        const item = [...instance.table('sc_req_item').values()][0]
        const [notes] = instance.calls('GET', '/api/now/table/sys_journal_field')
        expect(notes?.query.get('sysparm_query')).toBe(`element_id=${item?.sys_id}^element=work_notes`)
        // Closed by the admin; the policy is gone from Kpow; the item stays closed.
        const [close] = instance.calls('PATCH', '/api/now/table/sc_req_item/')
        expect(close?.user).toBe(ADMIN.user)
        expect(close?.body).toEqual({ state: '3' })
        expect(item?.state).toBe('3')
        expect(instance.policies.size).toBe(0)
        expect(instance.kpowRequests.every((request) => request.user === KPOW_USER.user)).toBe(true)
        expect(output).not.toMatch(/clean-up:/)
    })

    it('refuses a requester without a manager, naming the fix', async () => {
        await deployed()
        const { code, output } = await run(['smoke', '--requester', 'carol.nomanager'])
        expect(code).toBe(1)
        expect(output).toMatch(/requester "carol\.nomanager" has no manager/)
        expect(output).toMatch(/fix: choose a requester who has a manager \(--requester\)/)
    })

    it('needs the requester and approver credentials, naming each one missing', async () => {
        const approver = await run(['smoke'], { ...ENVIRONMENT, SN_SMOKE_APPROVER_PASSWORD: '' })
        expect(approver.code).toBe(1)
        expect(approver.output).toMatch(
            /error: smoke needs .*: the password of the requester's manager \(who approves\) not set/
        )
        expect(approver.output).toMatch(/^ {4}fix: set SN_SMOKE_APPROVER_PASSWORD \(or pass --approver-password\)$/m)
        const {
            SN_SMOKE_REQUESTER: _requester,
            SN_SMOKE_REQUESTER_PASSWORD: _password,
            ...withoutRequester
        } = ENVIRONMENT
        const requester = await run(['smoke'], withoutRequester)
        expect(requester.output).toMatch(
            /fix: set SN_SMOKE_REQUESTER, SN_SMOKE_REQUESTER_PASSWORD \(or pass --requester, --requester-password\)$/m
        )
    })

    it("a wrong requester password names the requester's variables, not the admin's", async () => {
        const instance = await deployed()
        const { code, output } = await run(['smoke'], { ...ENVIRONMENT, SN_SMOKE_REQUESTER_PASSWORD: 'Wrong-Req-Pw' })
        expect(code).toBe(1)
        expect(output).toMatch(/\[FAILED\] order: .*refused the credentials of user "abel\.tuter" \(401 on POST/)
        expect(output).toMatch(/fix: check SN_SMOKE_REQUESTER and SN_SMOKE_REQUESTER_PASSWORD \(or --requester/)
        expect(output).not.toMatch(/SN_USER|SN_PASSWORD\b/)
        expect(output).not.toContain('Wrong-Req-Pw')
        expect(instance.table('sc_req_item').size).toBe(0)
    })

    it('a wrong approver password names SN_SMOKE_APPROVER_PASSWORD and the manager, and the item is closed', async () => {
        const instance = await deployed()
        const { code, output } = await run(['smoke'], { ...ENVIRONMENT, SN_SMOKE_APPROVER_PASSWORD: 'Wrong-Mgr-Pw' })
        expect(code).toBe(1)
        expect(output).toMatch(
            /\[FAILED\] approve as the manager: .*refused the credentials of user "beth\.anglin" \(401 on PATCH/
        )
        expect(output).toMatch(
            /fix: check SN_SMOKE_APPROVER_PASSWORD \(or --approver-password\): the password of beth\.anglin, the requester's manager/
        )
        expect(output).not.toMatch(/SN_USER|SN_PASSWORD\b|SN_SMOKE_REQUESTER_PASSWORD/)
        expect(output).not.toContain('Wrong-Mgr-Pw')
        expect(output).toMatch(/clean-up: closed the item \(Closed Incomplete\)/)
        expect([...instance.table('sc_req_item').values()][0]?.state).toBe('4')
    })

    it('an undeployed flow: times out waiting for the approval, names the fix, closes the item it ordered', async () => {
        const instance = new FakeInstance(updateSet).install()
        instance.insert('sys_hub_flow', { sys_id: updateSet.flows[0]?.sysId ?? '', active: 'false', status: 'draft' })
        const { code, output } = await run(['smoke'], ENVIRONMENT, 0)
        expect(code).toBe(1)
        expect(output).toMatch(
            /\[FAILED\] approval requested from the manager: no approval for beth\.anglin within 0 ms/
        )
        expect(output).toMatch(/fix: check that the flow is active \(`npm run status`\)/)
        expect(output).toMatch(/clean-up: closed the item \(Closed Incomplete\)/)
        expect([...instance.table('sc_req_item').values()][0]?.state).toBe('4')
    })

    it('Kpow unreachable from the tool: stops before ordering anything', async () => {
        const instance = await deployed()
        const { code, output } = await run(['smoke'], {
            ...ENVIRONMENT,
            KPOW_API_URL: 'https://kpow.unreachable.test:4000',
        })
        expect(code).toBe(1)
        expect(output).toMatch(
            /\[FAILED\] Kpow answers: cannot reach Kpow's API at https:\/\/kpow\.unreachable\.test:4000/
        )
        expect(instance.calls('POST', '/api/sn_sc/')).toHaveLength(0)
    })

    it('a grant that never comes: times out on the work note and cleans up', async () => {
        const instance = await deployed({ flowSilent: true })
        const { code, output } = await run(['smoke'], ENVIRONMENT, 0)
        expect(code).toBe(1)
        expect(output).toMatch(/\[FAILED\] grant work note: no grant work note within 0 ms/)
        expect(output).toMatch(/clean-up: closed the item/)
        expect(instance.policies.size).toBe(0)
    })

    it('a flow that does not revoke: the policy check fails and the clean-up deletes the policy in Kpow', async () => {
        const instance = await deployed({ flowNeverRevokes: true })
        const { code, output } = await run(['smoke'], ENVIRONMENT, 0)
        expect(code).toBe(1)
        expect(output).toMatch(/\[FAILED\] revoke work note: no revoke work note within 0 ms/)
        expect(output).toMatch(/clean-up: deleted policy policy-\d+ in Kpow/)
        expect(instance.policies.size).toBe(0)
        expect(instance.kpowRequests.filter((request) => request.method === 'DELETE')).toHaveLength(1)
    })

    it("a refused grant: the flow's notes are shown, the smoke fails and closes its item", async () => {
        const instance = await deployed({
            grantRefused: 'Kpow answered HTTP 403: not allowed to grant TOPIC_DATA_QUERY',
        })
        const { code, output } = await run(['smoke'])
        expect(code).toBe(1)
        expect(output).toMatch(/work note: Kpow - Create Temporary Policy failed: Kpow answered HTTP 403/)
        expect(output).toMatch(/\[FAILED\] grant work note: the flow did not grant access: Kpow access not granted/)
        expect(output).toMatch(/clean-up: closed the item/)
        expect([...instance.table('sc_req_item').values()][0]?.state).toBe('4')
    })
})
