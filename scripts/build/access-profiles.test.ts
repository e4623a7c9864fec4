import { describe, expect, it } from 'vitest'
import type { AccessProfile } from '../../servicenow/src/fluent/settings.ts'
import { accessProfiles } from '../../servicenow/src/fluent/settings.ts'
import { AccessProfileError, accessProfileProblems, renderAccessProfileSource } from './access-profiles.ts'

const groupProfile = accessProfiles.find((profile) => profile.id === 'group_edit') as AccessProfile

describe('access profiles', () => {
    it('the shipped profiles are valid, and one of them is served by the guide item', () => {
        expect(accessProfileProblems(accessProfiles)).toEqual([])
    })

    it.each<[string, Partial<AccessProfile>, string]>([
        ['a maximum above Kpow', { maxDurationMinutes: 61 }, "above Kpow's TEMPORARY_POLICY_MAX_MS"],
        ['a duration above the maximum', { durationsMinutes: [15, 90] }, '90 must be a whole number of minutes'],
        ['a topic action on a group', { actions: ['TOPIC_PRODUCE'] }, 'TOPIC_PRODUCE does not apply to a group'],
        ['a wildcard cluster', { clusters: ['*'] }, 'is not a 22-character Kafka cluster id'],
        ['a wildcard role', { roles: ['kafka-*'] }, 'is not one role name'],
        ['an id that cannot name records', { id: 'Group Edit' }, 'lower-case letters'],
        [
            'pre-approved extensions longer than the maximum',
            { preApprovedExtensionMinutes: 61 },
            'preApprovedExtensionMinutes: 61 must be a whole number of minutes from 0',
        ],
        ['a negative pre-approved extension', { preApprovedExtensionMinutes: -5 }, 'preApprovedExtensionMinutes: -5'],
        [
            'a fractional pre-approved extension',
            { preApprovedExtensionMinutes: 2.5 },
            'preApprovedExtensionMinutes: 2.5',
        ],
    ])('refuses %s, naming the profile and field', (_case, change, message) => {
        const problems = accessProfileProblems([
            ...accessProfiles.filter((p) => p !== groupProfile),
            { ...groupProfile, ...change },
        ])
        expect(problems.join('\n')).toContain(message)
        expect(problems.join('\n')).toMatch(/accessProfiles\[1\] \(.+\)\.\w+: /)
        expect(() =>
            renderAccessProfileSource([accessProfiles[0] as AccessProfile, { ...groupProfile, ...change }])
        ).toThrow(AccessProfileError)
    })

    it('renders the profiles as a literal property and one item per profile not served by the guide item', () => {
        const source = renderAccessProfileSource()
        expect(source).toContain("name: 'x_kpow_jit.access_profiles'")
        const json = /value: ("(?:[^"\\]|\\.)*")/.exec(source)?.[1] ?? '""'
        const profiles = JSON.parse(JSON.parse(json) as string) as {
            id: string
            actions: string[]
            max_duration_ms: number
            preapproved_extension_ms: number
        }[]
        expect(profiles.map((profile) => profile.id)).toEqual(accessProfiles.map((profile) => profile.id))
        expect(profiles.find((profile) => profile.id === 'group_edit')).toMatchObject({
            actions: ['GROUP_EDIT'],
            max_duration_ms: 3_600_000,
            preapproved_extension_ms: 0,
        })
        // Pre-approved extensions reach the instance in milliseconds, as the actions compare them.
        expect(profiles.find((profile) => profile.id === 'topic_query')?.preapproved_extension_ms).toBe(15 * 60_000)
        expect(source).toContain('Now.ID["profile_item_group_edit"]')
        expect(source).not.toContain('profile_item_topic_query')
        expect(source).toContain('group_name: SingleLineTextVariable')
    })
})
