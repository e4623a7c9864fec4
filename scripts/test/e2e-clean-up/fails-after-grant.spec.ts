// Fails on purpose once it has something to clean up, for scripts/test/e2e-instance-target.test.ts:
// on the instance target, an item granted and left open and a temporary policy it made itself in
// Kpow must both be gone after the failed test (the fixtures' teardown). Run only by that test,
// through the Playwright configuration beside it: the e2e project never collects it.
import { CLUSTER, decide, expect, orderAccess, test, waitForEffect } from '../../../e2e/specs/fixtures'

test('fails after the grant, with an open item and a policy of its own in Kpow', async ({ people, kpow }) => {
    const requester = await people.instanceAs('abel.tuter')
    const manager = await people.instanceAs('beth.anglin')
    const { item } = await orderAccess(requester, { topic: 'tx_trade1', duration: '1 hour' })
    await decide(manager, item, 'Approve', 'ok')
    await waitForEffect(kpow, 'user', 'tx_trade1', 'Allow')
    const made = await kpow.call('POST', '/admin/v1/temporary-policies', {
        duration_ms: 3_600_000,
        policy: {
            role: 'kafka-users',
            actions: ['TOPIC_INSPECT'],
            effect: 'Allow',
            resource: ['cluster', CLUSTER, 'topic', 'payments_eu'],
        },
    })
    expect(made.status).toBe(200)
    expect(await kpow.policies()).toHaveLength(2)
    throw new Error(`failing on purpose with ${item} open`)
})
