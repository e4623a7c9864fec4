// Grants cannot be laundered [C]: only what the RBAC file gives an admin counts when they grant, so
// access lent by a temporary policy cannot be re-granted, to anyone, for longer than it lives.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { GUIDE_CLUSTER, basic, startTestKpow, type TestKpow } from './start-test-kpow'

let kpow: TestKpow | undefined
afterEach(async () => {
    await kpow?.close()
    kpow = undefined
})

const LEAD = basic('lead', 'lead-pass')
const JUNIOR = basic('junior', 'junior-pass')
const topic = ['cluster', GUIDE_CLUSTER, 'topic', 'tx_trade1']
const grantBody = (role: string, durationMs: number) => ({
    duration_ms: durationMs,
    policy: { role, actions: ['TOPIC_DATA_QUERY'], effect: 'Allow', resource: topic },
})

async function start(): Promise<TestKpow> {
    const dir = mkdtempSync(join(tmpdir(), 'mock-kpow-grants-'))
    writeFileSync(
        join(dir, 'rbac.yml'),
        'admin_roles: [leads, juniors]\nauthorized_roles: [leads, juniors, kafka-users]\npolicies:\n' +
            '  - {role: leads, effect: Allow, resource: [cluster, "*"], actions: [TOPIC_INSPECT]}\n'
    )
    writeFileSync(
        join(dir, 'realm.properties'),
        'lead: lead-pass,leads\njunior: junior-pass,juniors\nuser: password,kafka-users\n'
    )
    kpow = await startTestKpow({ rbac: join(dir, 'rbac.yml'), realm: join(dir, 'realm.properties') })
    return kpow
}

it('an admin lent 60 s of access uses it, but cannot re-grant it to anyone (only RBAC-file permissions count)', async () => {
    const running = await start()
    const lent = await running.call('POST', '/admin/v1/temporary-policies', {
        auth: LEAD,
        json: grantBody('juniors', 60_000),
    })
    expect(lent.status, lent.text).toBe(200)
    // The loan works: the junior may read the topic while it lives.
    expect(
        running.service.authorization.decide({ roles: ['juniors'], action: 'TOPIC_DATA_QUERY', resource: topic }).effect
    ).toBe('Allow')

    const laundered = await running.call('POST', '/admin/v1/temporary-policies', {
        auth: JUNIOR,
        json: grantBody('kafka-users', 3_600_000),
    })
    expect(laundered.status).toBe(403)
    expect(laundered.text).toContain('caller lacks TOPIC_DATA_QUERY')
    // Nor to themselves, to stretch the loan.
    const stretched = await running.call('POST', '/admin/v1/temporary-policies', {
        auth: JUNIOR,
        json: grantBody('juniors', 3_600_000),
    })
    expect(stretched.status).toBe(403)
    const listed = await running.call('GET', '/admin/v1/temporary-policies', { auth: LEAD })
    expect((listed.json as { temporary_policies: unknown[] }).temporary_policies).toHaveLength(1)
    expect(
        running.service.authorization.decide({ roles: ['kafka-users'], action: 'TOPIC_DATA_QUERY', resource: topic })
            .effect
    ).toBe('Deny')
})
