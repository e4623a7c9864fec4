import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RbacConfigError } from '../engine/rbac-model'
import { guideKpowConfig } from '../../test/fixtures/guide-kpow-config'
import { guideRbacTests } from '../../test/guide-config-checks'
import { loadRbacFile, parseRbacYaml } from './rbac-file'

describe("the guide's hash-rbac.yml (the project's fixture)", () => {
    guideRbacTests(guideKpowConfig)
})

describe('loadRbacFile', () => {
    let folder: string
    beforeAll(async () => {
        folder = await mkdtemp(join(tmpdir(), 'rbac-file-'))
    })
    afterAll(async () => {
        await rm(folder, { recursive: true, force: true })
    })

    it('names the path of a file it cannot read, and how to fix it', async () => {
        const missing = join(folder, 'missing.yml')
        await expect(loadRbacFile(missing)).rejects.toThrow(RbacConfigError)
        await expect(loadRbacFile(missing)).rejects.toThrow(`${missing}: cannot read the RBAC file (ENOENT`)
    })

    it('reports shape problems with the path it was given', async () => {
        const file = join(folder, 'bad.yml')
        await writeFile(
            file,
            'policies:\n  - effect: Alow\n    actions: [GROUP_EDIT]\n    role: r\n    resource: [cluster, "*"]\n'
        )
        await expect(loadRbacFile(file)).rejects.toThrow(
            `${file}: policies[0].effect: must be one of Allow, Deny, Stage`
        )
    })
})

describe('parseRbacYaml', () => {
    it.each<[string, string, string]>([
        [
            'broken YAML names the line and column',
            'policies:\n  - effect: [Allow\n',
            'hash-rbac.yml: line 3, column 1: invalid YAML:',
        ],
        [
            'a key written twice is refused, not silently overwritten',
            'admin_roles: [a]\nadmin_roles: [b]\n',
            'hash-rbac.yml: line 2, column 1: invalid YAML: Map keys must be unique',
        ],
        ['an empty file', '', 'hash-rbac.yml: must be a mapping'],
        ['a YAML list at the top', '- a\n', 'hash-rbac.yml: must be a mapping'],
    ])('%s', (_name, text, message) => {
        expect(() => parseRbacYaml(text, 'hash-rbac.yml')).toThrow(message)
    })

    it('reads YAML 1.2: a topic named "off" or "y" stays a string', () => {
        const model = parseRbacYaml(
            'policies:\n  - {effect: Allow, actions: [GROUP_EDIT], role: r, resource: [cluster, "*", topic, off]}\n  - {effect: Allow, actions: [GROUP_EDIT], role: r, resource: [cluster, "*", topic, y]}\n',
            'f.yml'
        )
        expect(model.policies.map((policy) => policy.resources[0]?.[3])).toEqual(['off', 'y'])
    })
})
