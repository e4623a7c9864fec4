// Issue 9's proof: the local instance started empty is deployed to by `npm run deploy` exactly as a
// PDI would be, `npm run smoke` then runs the whole lifecycle through its REST APIs against
// mock-kpow, a second deploy changes nothing, and a set built the guide's way is stopped at the
// preview with its problems listed.
import { describe, expect, it } from 'vitest'
import { HAND_BUILT_SET_FILE } from '../update-set/index.ts'
import { useDeployTargets } from './deploy-targets.ts'

const targets = useDeployTargets()

describe('npm run deploy and smoke against the local instance started empty', () => {
    it('deploys: upload, preview without problems, commit, connection, actions then flow, verify', async () => {
        const { code, output } = await targets().run(['deploy'])
        expect(output).toContain('deploy complete')
        expect(code).toBe(0)
        expect(output).toMatch(/preview.*no problems/)
        expect(output).toMatch(/published 3 action\(s\), then activated 1 flow\(s\)/)
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

    it("stops a set built the guide's way at the preview and lists its problems", async () => {
        const { code, output } = await targets().run(['deploy', '--update-set', HAND_BUILT_SET_FILE])
        expect(code).toBe(1)
        expect(output).toMatch(/step "REST step": REST step \w+ is not supported/)
        expect(output).toMatch(/step "JSON Parser step": JSON Parser step \w+ is not supported/)
        expect(output).toMatch(/the preview found \d+ errors \(listed above\); nothing was committed/)
    }, 60_000)
})
