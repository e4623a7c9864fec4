// The local instance started empty is deployed to by `npm run deploy` exactly as a
// PDI would be, `npm run smoke` then runs the whole lifecycle through its REST APIs against
// mock-kpow, a second deploy changes nothing, and a set built the guide's way is stopped at the
// preview with its problems listed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_UPDATE_SET, readAppUpdateSet } from '../deploy/index.ts'
import { HAND_BUILT_SET_FILE } from '../lib/update-set/testing/index.ts'
import { useDeployTargets } from './deploy-targets.ts'

const targets = useDeployTargets()
/** Every action of the set is published before its flow is activated (the set grows with the access profiles). */
const activated = new RegExp(
    `published ${readAppUpdateSet(DEFAULT_UPDATE_SET).actions.length} action\\(s\\), then activated ${readAppUpdateSet(DEFAULT_UPDATE_SET).flows.length} flow\\(s\\)`
)

describe('npm run deploy and smoke against the local instance started empty', () => {
    it('deploys: upload, preview without problems, commit, connection, actions then flow, verify', async () => {
        const { code, output } = await targets().run(['deploy'])
        expect(output).toContain('deploy complete')
        expect(code).toBe(0)
        expect(output).toMatch(/preview.*no problems/)
        expect(output).toMatch(activated)
        expect(output).not.toContain('local-admin-secret')
    }, 60_000)

    it('smoke passes: order, manager approves, grant in Kpow, close, revoked', async () => {
        const { code, output } = await targets().run(['smoke'])
        expect(output).toContain('smoke test passed')
        expect(code).toBe(0)
        expect(output).toMatch(/grant work note.*policy /)
        expect(output).toMatch(/policy gone from Kpow/)
    }, 90_000)

    it('a second deploy changes nothing and says so', async () => {
        const { code, output } = await targets().run(['deploy'])
        expect(code).toBe(0)
        expect(output).toContain('nothing to change: the instance already runs this update set')
        expect(output).not.toMatch(/\bcommit\b.*\bcommitted\b/)
    }, 60_000)

    it('updates a changed set in place: re-uploaded, committed over the old version, activated again; smoke passes', async () => {
        const changed = readFileSync(DEFAULT_UPDATE_SET, 'utf8').replace(
            'Request temporary Just-in-Time (JIT) query access for a specific Kafka topic.',
            'Request temporary query access to one Kafka topic (changed set).'
        )
        const file = join(mkdtempSync(join(tmpdir(), 'changed-set-')), 'kpow-jit-access.xml')
        writeFileSync(file, changed)
        const deployed = await targets().run(['deploy', '--update-set', file])
        expect(deployed.output).toContain('deploy complete')
        expect(deployed.code).toBe(0)
        expect(deployed.output).toMatch(/re-uploaded "Kpow Just-in-Time Topic Access 1\.0\.0"/)
        // The commit left the flow draft again, as the set says; the deploy activated it.
        expect(deployed.output).toMatch(activated)
        // The guide's item (the set has one item per access profile), read back by its sys_id.
        const itemSysId = readAppUpdateSet(DEFAULT_UPDATE_SET).catalogItem?.sysId ?? ''
        const item = await fetch(
            `${targets().instanceUrl}/api/now/table/sc_cat_item/${itemSysId}?sysparm_fields=short_description`,
            { headers: { authorization: `Basic ${Buffer.from('abel.tuter:demo').toString('base64')}` } }
        )
        expect(await item.json()).toEqual({
            result: { short_description: 'Request temporary query access to one Kafka topic (changed set).' },
        })
        const smoke = await targets().run(['smoke', '--update-set', file])
        expect(smoke.output).toContain('smoke test passed')
    }, 120_000)

    it("stops a set built the guide's way at the preview and lists its problems", async () => {
        const { code, output } = await targets().run(['deploy', '--update-set', HAND_BUILT_SET_FILE])
        expect(code).toBe(1)
        expect(output).toMatch(/step "REST step": REST step \w+ is not supported/)
        expect(output).toMatch(/step "JSON Parser step": JSON Parser step \w+ is not supported/)
        expect(output).toMatch(/the preview found \d+ errors \(listed above\); nothing was committed/)
    }, 60_000)
})
