// `npm run verify` against the local instance started empty, once `npm run deploy` has put the app
// there: every check holds (the local instance runs what the platform documents), exit 0, and
// nothing is left open: the item is closed and no temporary policy remains in Kpow.
import { describe, expect, it } from 'vitest'
import { CHECKS } from '../deploy/index.ts'
import { useDeployTargets } from './deploy-targets.ts'

const targets = useDeployTargets()

describe('npm run verify against a deployed local instance', () => {
    it('every check holds, exit 0, and it cleans up', async () => {
        const deployed = await targets().run(['deploy'])
        expect(deployed.code).toBe(0)
        const { code, output } = await targets().run(['verify'])
        for (const check of Object.values(CHECKS)) expect(output).toContain(`[holds] ${check}: `)
        expect(output).not.toMatch(/\[(differs|cannot check)\]/)
        expect(output).toMatch(/verify: 7 checks, 7 hold, 0 differ, 0 cannot be checked$/m)
        expect(code).toBe(0)
        expect(output).toMatch(/clean-up: the flow revoked policy /)
        const policies = (await (
            await fetch(`${targets().kpowApiUrl}/admin/v1/temporary-policies`, {
                headers: { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
            })
        ).json()) as { temporary_policies: unknown[] }
        expect(policies.temporary_policies).toEqual([])
        expect(output).not.toContain('local-admin-secret')
    }, 240_000)
})
