import { describe, expect, it } from 'vitest'
import { parseDuration } from './clocks.ts'

describe("the demo's durations", () => {
    it('reads milliseconds, seconds, minutes, hours and days', () => {
        expect(parseDuration('1500')).toBe(1500)
        expect(parseDuration('90s')).toBe(90_000)
        expect(parseDuration(' 10m ')).toBe(600_000)
        expect(parseDuration('2h')).toBe(7_200_000)
        expect(parseDuration('1d')).toBe(86_400_000)
    })

    it('refuses anything else', () => {
        for (const text of ['', '-5m', '1.5h', '10 minutes', 'm', '99999999999999999d'])
            expect(parseDuration(text)).toBeUndefined()
    })
})
