// Wall-clock time in a named time zone, with the IANA time zone database that Node's Intl carries:
// what the platform's Java time zones give a date-time field shown to a user with sys_user.time_zone. Java takes an unknown zone id for GMT without a word; the local instance refuses
// it instead, so a misspelt zone shows up as an error rather than as a wrong time.

/** `yyyy-MM-dd HH:mm:ss`, the platform's internal date-time format. */
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

const DAY_MS = 24 * 3_600_000

const formatters = new Map<string, Intl.DateTimeFormat>()

export class TimeZoneError extends Error {
    override name = 'TimeZoneError'
}

function formatterFor(zone: string): Intl.DateTimeFormat {
    const known = formatters.get(zone)
    if (known) return known
    let formatter: Intl.DateTimeFormat
    try {
        formatter = new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
        })
    } catch {
        throw new TimeZoneError(
            `"${zone}" is not a time zone the local instance knows (IANA names such as Europe/Berlin, America/New_York or UTC)`
        )
    }
    formatters.set(zone, formatter)
    return formatter
}

export function isKnownTimeZone(zone: string): boolean {
    try {
        formatterFor(zone)
        return true
    } catch {
        return false
    }
}

/** The wall-clock time `yyyy-MM-dd HH:mm:ss` at an instant in a zone. */
export function wallClockAt(epochMs: number, zone: string): string {
    const parts = Object.fromEntries(
        formatterFor(zone)
            .formatToParts(new Date(epochMs))
            .map((part) => [part.type, part.value])
    )
    return `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''} ${parts.hour ?? ''}:${parts.minute ?? ''}:${parts.second ?? ''}`
}

function utcMillisOfWallClock(wallClock: string): number {
    const match = WALL_CLOCK.exec(wallClock)
    if (!match) throw new TimeZoneError(`"${wallClock}" is not a date-time in the format yyyy-MM-dd HH:mm:ss`)
    const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
        number,
        number,
        number,
        number,
        number,
        number,
    ]
    return Date.UTC(year, month - 1, day, hour, minute, second)
}

/**
 * The instant a wall-clock time in a zone stands for. In a gap (clocks moved forward) it is taken
 * with the offset before the change; in an overlap (clocks moved back) it is the earlier instant.
 */
export function instantOfWallClock(wallClock: string, zone: string): number {
    const asUtc = utcMillisOfWallClock(wallClock)
    const offsetAt = (instant: number) => utcMillisOfWallClock(wallClockAt(instant, zone)) - instant
    // Offsets change at most once a day around any instant: the day before, the instant and the day
    // after give every offset the wall clock can stand for.
    const offsetBefore = offsetAt(asUtc - DAY_MS)
    const candidates = [offsetBefore, offsetAt(asUtc), offsetAt(asUtc + DAY_MS)]
        .map((offset) => asUtc - offset)
        .filter((instant) => wallClockAt(instant, zone) === wallClock)
    return candidates.length > 0 ? Math.min(...candidates) : asUtc - offsetBefore
}

/** The same instant's wall clock, read in `from`, given in `to` (a stored UTC value shown in a viewer's zone). */
export function convertWallClock(wallClock: string, from: string, to: string): string {
    formatterFor(to)
    return wallClockAt(instantOfWallClock(wallClock, from), to)
}
