import { describe, expect, it } from 'vitest'
import type { Scheduler } from '../clock'
import {
    AUDIT_RESOURCE_PARTS_LIMIT,
    AUDIT_TEXT_LIMIT,
    boundedRefusal,
    boundedText,
    OTHER_CLIENTS,
    REFUSAL_WINDOW_MS,
    REFUSALS_PER_WINDOW,
    RefusalLimiter,
    TRACKED_CLIENTS_LIMIT,
    type Suppressed,
} from './audit-bounds'

/** Time that moves when the test says; due callbacks run as it passes them. */
function steppedScheduler(): Scheduler & { advance(ms: number): void } {
    let time = 0
    let tasks: { at: number; run: () => void }[] = []
    return {
        now: () => time,
        schedule(run, delayMs) {
            const task = { at: time + delayMs, run }
            tasks.push(task)
            return () => {
                tasks = tasks.filter((other) => other !== task)
            }
        },
        advance(ms) {
            time += ms
            const due = tasks.filter((task) => task.at <= time)
            tasks = tasks.filter((task) => task.at > time)
            for (const task of due) task.run()
        },
    }
}

function limiterWithSummaries() {
    const scheduler = steppedScheduler()
    const summaries: Suppressed[] = []
    let mockNow = 1_000
    const limiter = new RefusalLimiter(
        scheduler,
        () => (mockNow += 1),
        (summary) => summaries.push(summary)
    )
    return { scheduler, summaries, limiter }
}

describe('boundedRefusal', () => {
    it('cuts each text and the resource to the limits, saying how much was cut', () => {
        const record = boundedRefusal({
            event: 'login-refused',
            user: 'u'.repeat(60_000),
            action: 'LOGIN',
            resource: Array.from({ length: 20 }, () => 'r'.repeat(300)),
            decision: 'Refused',
            detail: 'wrong username or password',
        })
        expect(record.user).toBe(`${'u'.repeat(AUDIT_TEXT_LIMIT)}…[${60_000 - AUDIT_TEXT_LIMIT} more characters]`)
        expect(record.action).toBe('LOGIN')
        expect(record.resource).toHaveLength(AUDIT_RESOURCE_PARTS_LIMIT + 1)
        expect(record.resource[0]).toBe(boundedText('r'.repeat(300)))
        expect(record.resource.at(-1)).toBe(`…[${20 - AUDIT_RESOURCE_PARTS_LIMIT} more parts]`)
        expect(boundedText('x'.repeat(AUDIT_TEXT_LIMIT))).toBe('x'.repeat(AUDIT_TEXT_LIMIT))
    })
})

describe('RefusalLimiter', () => {
    it('admits the window share per client, counts the rest, and writes one summary when the window ends', () => {
        const { scheduler, summaries, limiter } = limiterWithSummaries()
        const admitted = Array.from({ length: REFUSALS_PER_WINDOW + 40 }, () => limiter.admit('10.0.0.1'))
        expect(admitted.filter(Boolean)).toHaveLength(REFUSALS_PER_WINDOW)
        // Another address has a share of its own.
        expect(limiter.admit('10.0.0.2')).toBe(true)
        expect(summaries).toEqual([])
        scheduler.advance(REFUSAL_WINDOW_MS)
        expect(summaries).toEqual([
            { client: '10.0.0.1', count: 40, fromTs: expect.any(Number), toTs: expect.any(Number) },
        ])
        expect(summaries[0]!.toTs).toBeGreaterThan(summaries[0]!.fromTs)
        // A new window, a new share.
        expect(limiter.admit('10.0.0.1')).toBe(true)
        limiter.flush()
        expect(summaries).toHaveLength(1)
    })

    it('writes pending summaries on flush (the service stopping), once', () => {
        const { summaries, limiter } = limiterWithSummaries()
        for (let index = 0; index <= REFUSALS_PER_WINDOW; index++) limiter.admit('10.0.0.1')
        limiter.flush()
        limiter.flush()
        expect(summaries.map((summary) => [summary.client, summary.count])).toEqual([['10.0.0.1', 1]])
    })

    it('tracks a bounded number of addresses; newcomers beyond it share one count', () => {
        const { summaries, limiter } = limiterWithSummaries()
        for (let index = 0; index < TRACKED_CLIENTS_LIMIT; index++) limiter.admit(`client-${index}`)
        const newcomers = Array.from({ length: REFUSALS_PER_WINDOW + 5 }, (_, index) => limiter.admit(`new-${index}`))
        expect(newcomers.filter(Boolean)).toHaveLength(REFUSALS_PER_WINDOW)
        limiter.flush()
        expect(summaries.map((summary) => [summary.client, summary.count])).toEqual([[OTHER_CLIENTS, 5]])
    })
})
