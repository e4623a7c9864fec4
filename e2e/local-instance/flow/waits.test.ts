// Wait For Condition's timeout as the platform encodes it: a glide_duration value (the date-time that
// long after the epoch) from a literal or a duration pill. Anything else fails the step.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repositoryRoot } from '../../../scripts/lib/common/index'
import { readUpdateSetFile } from '../../../scripts/lib/update-set/index'
import type { ActionNode, FlowNode } from '../flow-model'
import { glideDurationMilliseconds, timeoutMilliseconds } from '../flow-model'
import { catalogOf } from '../loading'
import { FlowRunError } from './run-model'
import { waitTimeout } from './waits'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

function waitNode(timeoutDuration: string, pillTypes: Record<string, string> = {}): ActionNode {
    return {
        kind: 'action',
        uiId: 'wait',
        sysId: 'wait',
        order: 1,
        label: 'Wait For Condition',
        builtIn: 'waitForCondition',
        inputs: [
            { name: 'timeout_flag', value: 'true' },
            { name: 'timeout_duration', value: timeoutDuration },
        ],
        pillTypes,
    }
}

describe('a glide_duration value', () => {
    it('is the time after the epoch, days rolling into the date', () => {
        expect(glideDurationMilliseconds('1970-01-01 00:10:00')).toBe(10 * MINUTE)
        expect(glideDurationMilliseconds('1970-01-01 23:59:59')).toBe(24 * HOUR - 1000)
        // The SDK's DurationColumn example: { days: 2, hours: 3, minutes: 30 }.
        expect(glideDurationMilliseconds('1970-01-03 03:30:00')).toBe(2 * 24 * HOUR + 3 * HOUR + 30 * MINUTE)
        expect(glideDurationMilliseconds('1970-02-01 00:00:00')).toBe(31 * 24 * HOUR)
        expect(glideDurationMilliseconds('1970-01-01 00:00:00')).toBe(0)
    })

    it('is nothing else: hours past 23, impossible dates, before the epoch, other notations', () => {
        for (const text of [
            '1970-01-01 25:00:00',
            '1970-02-30 00:00:00',
            '1969-12-31 23:59:59',
            '00:10:00',
            '600',
            'PT10M',
            '1970-01-01T00:10:00',
            '',
        ])
            expect(glideDurationMilliseconds(text), text).toBeUndefined()
    })

    it('is a timeout only above zero', () => {
        expect(timeoutMilliseconds('1970-01-01 00:00:01')).toBe(1000)
        expect(timeoutMilliseconds('1970-01-01 00:00:00')).toBeUndefined()
    })
})

describe("Wait For Condition's timeout_duration", () => {
    it('takes a literal duration and a duration pill with its value', () => {
        expect(waitTimeout(waitNode('1970-01-01 01:00:00'), '1970-01-01 01:00:00')).toBe(HOUR)
        const fromPill = waitNode('{{read.until_expiry}}', { 'read.until_expiry': 'glide_duration' })
        expect(waitTimeout(fromPill, '1970-01-02 00:15:00')).toBe(24 * HOUR + 15 * MINUTE)
    })

    it('refuses a pill of another type, or of no recorded type, whatever its value', () => {
        const text = waitNode('{{read.until_expiry}}', { 'read.until_expiry': 'string' })
        expect(() => waitTimeout(text, '1970-01-01 00:10:00')).toThrow(FlowRunError)
        expect(() => waitTimeout(text, '1970-01-01 00:10:00')).toThrow(
            'input timeout_duration is fed by {{read.until_expiry}}, a string pill; a timeout takes a duration (glide_duration) pill'
        )
        expect(() => waitTimeout(waitNode('{{read.until_expiry}}'), '1970-01-01 00:10:00')).toThrow(
            'input timeout_duration is fed by {{read.until_expiry}}, whose type the flow does not record (label_cache)'
        )
    })

    it('refuses a value that is not a duration above zero, naming the input and the value', () => {
        const fromPill = waitNode('{{read.until_expiry}}', { 'read.until_expiry': 'glide_duration' })
        for (const value of ['', '10', '1970-01-01 24:00:00', '1970-01-01 00:00:00'])
            expect(() => waitTimeout(fromPill, value), value).toThrow(
                `input timeout_duration "${value}" is not a duration above zero`
            )
    })
})

describe('the built update set', () => {
    const { catalog } = catalogOf(readUpdateSetFile(join(repositoryRoot, 'update-sets', 'kpow-jit-access.xml')))
    const waits = (nodes: FlowNode[]): ActionNode[] =>
        nodes.flatMap((node) =>
            node.kind === 'action' ? (node.builtIn === 'waitForCondition' ? [node] : []) : waits(node.children)
        )
    const timed = catalog.flows
        .filter((flow) => flow.type === 'subflow')
        .flatMap((flow) => waits(flow.nodes))
        .filter((node) => node.inputs.some((input) => input.name === 'timeout_flag' && input.value === 'true'))

    it("feeds every wait's timeout a duration pill, which the local instance takes", () => {
        expect(timed.map((node) => node.label)).toEqual([
            expect.stringContaining('Wait until the reminder time'),
            expect.stringContaining('Wait until the item is closed'),
        ])
        for (const node of timed) expect(waitTimeout(node, '1970-01-01 00:10:00')).toBe(10 * MINUTE)
    })
})
