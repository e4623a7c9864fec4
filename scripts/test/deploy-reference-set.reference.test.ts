// The guide's published update set, deployed to the local instance started empty: stopped at the
// preview, with its REST and JSON Parser steps and the records it lacks listed as problems.
import { describe, expect, it } from 'vitest'
import { referenceDirPresent, referenceFiles } from './reference-files.ts'
import { useDeployTargets } from './deploy-targets.ts'

describe.skipIf(!referenceDirPresent)("npm run deploy of the guide's published update set", () => {
    const targets = useDeployTargets()

    it('reports its preview problems and commits nothing', async () => {
        const { code, output } = await targets().run(['deploy', '--update-set', referenceFiles.updateSet])
        expect(code).toBe(1)
        expect(output).toMatch(/error: .*step "REST step": REST step \w+ is not supported/)
        expect(output).toMatch(/error: .*step "JSON Parser step": JSON Parser step \w+ is not supported/)
        expect(output).toMatch(/\[missing sys_alias\]/)
        expect(output).toMatch(/the preview found \d+ errors \(listed above\); nothing was committed/)
        const status = await targets().run(['status', '--update-set', referenceFiles.updateSet])
        expect(status.output).not.toMatch(/: committed/)
    }, 60_000)
})
