import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseRbacYaml } from '../config/rbac-file'
import { guideKpowConfig } from '../../test/fixtures/guide-kpow-config'
import { parseRbacDocument } from './rbac-model'
import { isAdmin, isAuthorized } from './roles'
import type { RbacModel } from './types'

const guide = parseRbacYaml(readFileSync(guideKpowConfig.rbac, 'utf8'), 'hash-rbac.yml')
const rbacGuide = parseRbacYaml(
    readFileSync(new URL('./fixtures/rbac-guide-example.yml', import.meta.url), 'utf8'),
    'rbac-guide-example.yml'
)
const policy = { resource: ['cluster', '*'], effect: 'Allow', actions: ['GROUP_EDIT'] }
const withoutAuthorizedRoles: RbacModel = parseRbacDocument(
    {
        admin_roles: ['owners'],
        policies: [
            { ...policy, role: 'devs' },
            { ...policy, roles: ['ops', 'support'] },
        ],
    },
    'f.yml'
)

describe('isAuthorized', () => {
    it.each<[string, RbacModel, readonly string[], boolean]>([
        ['guide: authorized_roles lists kafka-admins', guide, ['kafka-admins'], true],
        ['guide: authorized_roles lists kafka-users', guide, ['kafka-users'], true],
        ['guide: a role not listed is refused', guide, ['guests'], false],
        ['guide: no roles at all is refused', guide, [], false],
        [
            'Kpow RBAC guide: Allow all users access to the UI ("*" is a role held by everyone)',
            rbacGuide,
            ['anyone'],
            true,
        ],
        ['Kpow RBAC guide: "*" admits even a user with no role', rbacGuide, [], true],
        [
            'Kpow RBAC docs: by default, users who have at least one role defined in the RBAC configuration (policy role)',
            withoutAuthorizedRoles,
            ['devs'],
            true,
        ],
        [
            'Kpow RBAC docs: by default ... (a role of a roles list)',
            withoutAuthorizedRoles,
            ['guests', 'support'],
            true,
        ],
        ['Kpow RBAC docs: by default ... (admin roles count)', withoutAuthorizedRoles, ['owners'], true],
        [
            'Kpow RBAC docs: by default, a role the file never names is refused',
            withoutAuthorizedRoles,
            ['guests'],
            false,
        ],
    ])('%s', (_name, model, roles, expected) => {
        expect(isAuthorized(model, roles)).toBe(expected)
    })

    it('Kpow RBAC docs: users who have an Admin Role are authorized regardless of authorized_roles', () => {
        const model = parseRbacDocument({ admin_roles: ['owners'], authorized_roles: ['devs'], policies: [] }, 'f.yml')
        expect(isAuthorized(model, ['owners'])).toBe(true)
        expect(isAuthorized(model, ['ops'])).toBe(false)
    })

    it('a policy for role "*" names a role everyone holds', () => {
        const model = parseRbacDocument({ policies: [{ ...policy, role: '*' }] }, 'f.yml')
        expect(isAuthorized(model, ['anyone'])).toBe(true)
    })
})

describe('isAdmin', () => {
    it.each<[string, RbacModel, readonly string[], boolean]>([
        ['guide: kafka-admins is an admin role', guide, ['kafka-admins'], true],
        ['guide: kafka-users is not', guide, ['kafka-users'], false],
        ['Kpow RBAC guide: admin_roles "kafka-admin"', rbacGuide, ['kafka-user', 'kafka-admin'], true],
        ['no admin_roles: nobody is an admin', parseRbacDocument({ policies: [] }, 'f.yml'), ['kafka-admins'], false],
    ])('%s', (_name, model, roles, expected) => {
        expect(isAdmin(model, roles)).toBe(expected)
    })

    const byAdminAction = parseRbacDocument(
        {
            policies: [
                { resource: ['cluster', '*'], effect: 'Allow', actions: ['ADMIN'], role: 'platform' },
                { resource: ['*'], effect: 'Allow', actions: ['KPOW_ADMIN'], role: 'legacy-ops' },
                { resource: ['*'], effect: 'Deny', actions: ['ADMIN'], role: 'contractors' },
                { resource: ['*'], effect: 'Stage', actions: ['ADMIN'], role: 'staged' },
                { resource: ['*'], effect: 'Allow', actions: ['TOPIC_INSPECT'], role: 'readers' },
            ],
        },
        'f.yml'
    )
    it.each<[string, readonly string[], boolean]>([
        ['[C] an Allow of ADMIN makes its role an admin', ['platform'], true],
        ['[C] KPOW_ADMIN (release 79 name) counts the same', ['legacy-ops'], true],
        ['[C] a Deny of ADMIN on another of the roles wins', ['platform', 'contractors'], false],
        ['[C] a Stage of ADMIN is not admin', ['staged'], false],
        ['other actions do not make an admin', ['readers'], false],
    ])('%s', (_name, roles, expected) => {
        expect(isAdmin(byAdminAction, roles)).toBe(expected)
        if (expected) expect(isAuthorized(byAdminAction, roles)).toBe(true)
    })
})
