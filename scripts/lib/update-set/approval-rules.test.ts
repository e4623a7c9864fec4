import { describe, expect, it } from 'vitest'
import { ApprovalRulesError, decideApproval, parseApprovalRules } from './approval-rules'

describe('approval rules', () => {
    it('reads the encoded rules of Ask For Approval', () => {
        expect(parseApprovalRules('ApprovesRejectsAnyU[{{Service Catalog_1.request_item.opened_by.manager}}]')).toEqual(
            [
                {
                    decides: ['approved', 'rejected'],
                    rules: [
                        [
                            {
                                type: 'Any',
                                threshold: 0,
                                users: ['{{Service Catalog_1.request_item.opened_by.manager}}'],
                                groups: [],
                            },
                        ],
                    ],
                },
            ]
        )
        expect(
            parseApprovalRules(
                'Approves2#G[{{static.abc}}]|AllU[{{a.b}},{{c.d}}]&50%G[{{static.g}}]OrRejectsAnyG[{{static.g}}]'
            )
        ).toEqual([
            {
                decides: ['approved'],
                rules: [
                    [
                        { type: 'Count', threshold: 2, users: [], groups: ['{{static.abc}}'] },
                        { type: 'All', threshold: 0, users: ['{{a.b}}', '{{c.d}}'], groups: [] },
                    ],
                    [{ type: 'Percent', threshold: 50, users: [], groups: ['{{static.g}}'] }],
                ],
            },
            { decides: ['rejected'], rules: [[{ type: 'Any', threshold: 0, users: [], groups: ['{{static.g}}'] }]] },
        ])
    })

    it.each(['', 'Maybe', 'ApprovesAnyM', 'ApprovesAny'])('refuses "%s"', (text) => {
        expect(() => parseApprovalRules(text)).toThrow(ApprovalRulesError)
    })

    const anyOf = (approvers: string[]) => [
        {
            decides: ['approved', 'rejected'] as ('approved' | 'rejected')[],
            rules: [[{ condition: { type: 'Any' as const, threshold: 0, users: [], groups: [] }, approvers }]],
        },
    ]
    const allOf = (approvers: string[]) => [
        {
            decides: ['approved'] as ('approved' | 'rejected')[],
            rules: [[{ condition: { type: 'All' as const, threshold: 0, users: [], groups: [] }, approvers }]],
        },
    ]

    it.each([
        ['any: one approval decides', anyOf(['a', 'b']), { a: 'approved', b: 'requested' }, 'approved'],
        ['any: one rejection decides', anyOf(['a', 'b']), { a: 'requested', b: 'rejected' }, 'rejected'],
        ['any: still open', anyOf(['a', 'b']), { a: 'requested', b: 'requested' }, undefined],
        ['all: one approval is not enough', allOf(['a', 'b']), { a: 'approved', b: 'requested' }, undefined],
        ['all: everyone approved', allOf(['a', 'b']), { a: 'approved', b: 'approved' }, 'approved'],
        [
            'all: approval impossible once nobody is left to decide',
            allOf(['a', 'b']),
            { a: 'approved', b: 'rejected' },
            'rejected',
        ],
    ])('%s', (_name, ruleSets, states, expected) => {
        expect(decideApproval(ruleSets, new Map(Object.entries(states)))).toBe(expected)
    })
})
