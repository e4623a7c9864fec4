import { describe, expect, it } from 'vitest'
import { convertWallClock, instantOfWallClock, isKnownTimeZone, TimeZoneError, wallClockAt } from './time-zones'

describe('time zones', () => {
    it('gives the wall clock of an instant in a zone, daylight saving time included', () => {
        expect(wallClockAt(Date.UTC(2026, 10, 29, 13, 5, 0), 'Europe/Berlin')).toBe('2026-11-29 14:05:00')
        expect(wallClockAt(Date.UTC(2026, 6, 1, 12, 0, 0), 'Europe/Berlin')).toBe('2026-07-01 14:00:00')
        expect(wallClockAt(Date.UTC(2026, 6, 1, 12, 0, 0), 'America/New_York')).toBe('2026-07-01 08:00:00')
        expect(wallClockAt(Date.UTC(2026, 0, 1, 0, 30, 0), 'Asia/Kolkata')).toBe('2026-01-01 06:00:00')
        expect(wallClockAt(Date.UTC(2026, 0, 1, 0, 30, 0), 'UTC')).toBe('2026-01-01 00:30:00')
    })

    it("converts a wall clock between zones, as a stored UTC date-time is shown in a viewer's zone", () => {
        expect(convertWallClock('2026-11-29 13:05:00', 'UTC', 'Europe/Berlin')).toBe('2026-11-29 14:05:00')
        expect(convertWallClock('2026-11-29 14:05:00', 'Europe/Berlin', 'America/Los_Angeles')).toBe(
            '2026-11-29 05:05:00'
        )
        expect(convertWallClock('2026-12-31 23:30:00', 'UTC', 'Asia/Tokyo')).toBe('2027-01-01 08:30:00')
    })

    it('takes a time in the spring-forward gap with the earlier offset, and the earlier of two in the autumn overlap', () => {
        expect(instantOfWallClock('2026-03-29 02:30:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 1, 30, 0))
        expect(instantOfWallClock('2026-10-25 02:30:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 9, 25, 0, 30, 0))
    })

    it('refuses an unknown zone and a malformed date-time, naming them', () => {
        expect(isKnownTimeZone('Europe/Berlin')).toBe(true)
        expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false)
        expect(() => convertWallClock('2026-11-29 13:05:00', 'UTC', 'Mars/Olympus_Mons')).toThrow(TimeZoneError)
        expect(() => convertWallClock('2026-11-29 13:05:00', 'UTC', 'Mars/Olympus_Mons')).toThrow(
            /"Mars\/Olympus_Mons"/
        )
        expect(() => convertWallClock('29.11.2026 13:05', 'UTC', 'Europe/Berlin')).toThrow(/yyyy-MM-dd HH:mm:ss/)
    })
})
