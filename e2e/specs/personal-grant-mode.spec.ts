// Personal grants (x_kpow_jit.grant_to = personal), switched on the running instance without a
// rebuild, as an admin changes a system property: abel.tuter and carol.nomanager share Kpow's
// kafka-users role; abel.tuter is granted, and the policy goes to abel's personal role, so carol
// (and the guide's `user`, also in kafka-users) stay denied. The requester sees who gains the
// access and the outcome in the item's comments.
import { decide, expect, openItem, orderAccess, test, waitForEffect } from './fixtures'
import { target } from './target'

test.skip(
    target === 'instance',
    'changes a system property on the local instance and needs two requesters sharing a Kpow role'
)

const TOPIC = 'tx_trade1'
const ADMIN = `Basic ${Buffer.from('admin:admin').toString('base64')}`

test('personal mode: the requester is granted, another holder of the same Kpow role stays denied', async ({
    people,
    kpow,
    localInstance,
}) => {
    const table = `${localInstance.url}/api/now/table/sys_properties`
    const found = await fetch(`${table}?sysparm_query=name=x_kpow_jit.grant_to&sysparm_fields=sys_id,value`, {
        headers: { authorization: ADMIN, accept: 'application/json' },
    })
    expect(found.status).toBe(200)
    const [property] = ((await found.json()) as { result: { sys_id: string; value: string }[] }).result
    expect(property?.value).toBe('role')
    const changed = await fetch(`${table}/${property?.sys_id ?? ''}`, {
        method: 'PATCH',
        headers: { authorization: ADMIN, accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ value: 'personal' }),
    })
    expect(changed.status).toBe(200)

    const requester = await people.instanceAs('abel.tuter')
    const { item } = await orderAccess(requester, { topic: TOPIC, duration: '15 minutes' })
    const form = await openItem(requester, item)
    expect((await form.additionalComments()).join('\n')).toContain(
        'Only the requester gains this access: it is granted to their personal Kpow role user-abel.tuter.'
    )
    await decide(await people.instanceAs('beth.anglin'), item, 'Approve', 'OK')

    await waitForEffect(kpow, 'abel.tuter', TOPIC, 'Allow')
    expect(await kpow.decide('carol.nomanager', TOPIC)).toBe('Deny')
    expect(await kpow.decide('user', TOPIC)).toBe('Deny')
    const [policy, ...others] = await kpow.policies()
    expect(others).toEqual([])
    expect(policy?.policy.role).toBe('user-abel.tuter')

    await expect(async () => {
        await requester.reload()
        expect((await form.additionalComments()).join('\n')).toContain('Your Kpow access is granted')
    }).toPass({ timeout: 15_000 })
})
