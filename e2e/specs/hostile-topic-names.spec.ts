// Hostile topic names ("*", quotes, JSON fragments): the catalog form refuses them beside the
// field, the server refuses them when the form is bypassed, and the Kpow action refuses them when
// they are handed to it directly, so no policy wider than one literal topic can reach Kpow.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createLocalInstance, type UsersFixture } from '../local-instance/index'
import { ListPage } from '../pages/servicenow'
import { CLUSTER, ITEM, expect, fillAccessForm, openCatalogItem, test } from './fixtures'
import { target } from './target'

test.skip(target === 'instance', 'hands topic names to the Kpow action inside a local instance it starts itself')

const UPDATE_SET = resolve(import.meta.dirname, '..', '..', 'update-sets', 'kpow-jit-access.xml')
const USERS = resolve(import.meta.dirname, '..', 'local-instance', 'seed', 'users.json')
const HOSTILE_TOPICS = ['*', 'tx_*', '"', "tx_trade1'", 'tx_trade1","*', 'tx_trade1"],"resource":["cluster","*', '..']
const TOPIC_MESSAGE = 'Enter one exact Kafka topic name'

test('hostile topic names are refused by the form, by the server and by the Kpow action', async ({ people, kpow }) => {
    const requester = await people.instanceAs('abel.tuter')
    const form = await openCatalogItem(requester, ITEM)
    const formUrl = requester.url()

    // 1. The form: the browser refuses the value (no request leaves it) and the message shows beside the field.
    const posts: string[] = []
    requester.on('request', (request) => {
        if (request.method() === 'POST') posts.push(request.url())
    })
    const topicField = form.textVariable('Topic Name')
    await expect(topicField).toHaveAttribute('pattern', /.+/)
    for (const topic of ['*', 'tx_"trade', "tx_'trade"]) {
        await fillAccessForm(requester, { topic })
        await form.orderNowButton().click()
        await expect(topicField).toHaveAttribute('aria-invalid', 'true')
        await expect(topicField).toHaveAccessibleDescription(new RegExp(TOPIC_MESSAGE))
        expect(requester.url()).toBe(formUrl)
    }
    expect(posts).toEqual([])

    // 2. The form bypassed: a raw POST with the session to the item view's address is refused by the
    // server, per field. The session's anti-forgery token, as the page gives it (g_ck).
    const action = formUrl
    const sysparm_ck = await form.csrfToken()
    for (const topic of HOSTILE_TOPICS) {
        const response = await requester.request.post(action, {
            form: {
                sysparm_ck,
                cluster_id: CLUSTER,
                topic_name: topic,
                role_name: 'kafka-users',
                duration_ms: '900000',
            },
            maxRedirects: 0,
        })
        expect(response.status(), topic).toBe(422)
        expect(await response.text()).toContain(TOPIC_MESSAGE)
    }
    const wildcardRole = await requester.request.post(action, {
        form: { sysparm_ck, cluster_id: CLUSTER, topic_name: 'tx_trade1', role_name: '*', duration_ms: '900000' },
        maxRedirects: 0,
    })
    expect(wildcardRole.status()).toBe(422)
    const myItems = new ListPage(form.surface)
    await myItems.openList('sc_req_item', 'opened_by=javascript:gs.getUserID()')
    expect(await myItems.recordDisplays()).toEqual([])

    // 3. Straight to the action (Flow Designer's Test), against this test's Kpow: still refused.
    // RESTMessageV2.execute() blocks this thread; Kpow is another process, so that is fine.
    const instance = createLocalInstance({
        updateSetXml: readFileSync(UPDATE_SET, 'utf8'),
        users: JSON.parse(readFileSync(USERS, 'utf8')) as UsersFixture,
        aliases: { 'Kpow API': { url: kpow.apiUrl, user: 'admin', password: 'admin' } },
    })
    const grant = (topic: string, role = 'kafka-users') =>
        instance.testAction(
            'Kpow - Create Temporary Policy',
            {
                profile_id: 'topic_query',
                role_name: role,
                cluster_id: CLUSTER,
                topic_name: topic,
                duration_ms: '60000',
            },
            'fred.fulfiller'
        )
    for (const topic of HOSTILE_TOPICS) {
        const run = await grant(topic)
        expect(run.status, topic).toBe('error')
        expect(run.reason, topic).toContain('is not one exact Kafka topic name')
    }
    const roleRun = await grant('tx_trade1', '*')
    expect(roleRun.status).toBe('error')
    expect(roleRun.reason).toContain('is not a role profile topic_query grants to')
    expect(await kpow.policies()).toEqual([])

    // The literal topic goes through, and what Kpow holds covers that topic and nothing else.
    const literal = await grant('tx_trade1')
    expect(literal.status, literal.reason).toBe('complete')
    const policies = await kpow.policies()
    expect(policies.map((policy) => policy.policy.resource)).toEqual([['cluster', CLUSTER, 'topic', 'tx_trade1']])
    expect(await kpow.decide('user', 'tx_trade1')).toBe('Allow')
    for (const other of ['payments_eu', 'tx_trade', 'tx_trade10', '*'])
        expect(await kpow.decide('user', other), other).toBe('Deny')
})
