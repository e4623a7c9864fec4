// The two clocks of a local setup moved together: mock-kpow's (POST /mock/v1/clock, which expires
// temporary policies) and the local instance's (POST /api/local_instance/clock, which fires the flow
// timers that come due: Wait For Condition timeouts, approval due dates, reminders). Kpow's moves
// first, so a flow woken by the instance's advance already finds Kpow where it would be at that time
// (an expired policy answers 404). Used by `npm start` (scripts/demo/demo.ts) and the e2e specs.

export interface ClockEndpoints {
    /** mock-kpow's API base URL and the Basic credentials of one of its admins. */
    kpow: { apiUrl: string; user: string; password: string }
    /** The local instance's base URL and its admin's credentials. */
    instance: { url: string; user: string; password: string }
}

export interface ClocksAdvanced {
    /** mock-kpow's clock after the advance (epoch ms). */
    kpowNowTs: number
    /** The local instance's clock after the advance (epoch ms). */
    instanceNowTs: number
    /** Flow timers that came due and fired in the local instance, in due order. */
    firedTimers: number
}

/** Advances both clocks by `ms`; an error names the server and its answer (nothing is retried). */
export async function advanceClocks(endpoints: ClockEndpoints, ms: number): Promise<ClocksAdvanced> {
    const kpow = await postJson(
        `${endpoints.kpow.apiUrl}/mock/v1/clock`,
        endpoints.kpow,
        { advance_ms: ms },
        "mock-kpow's clock"
    )
    const instance = await postJson(
        `${endpoints.instance.url}/api/local_instance/clock`,
        endpoints.instance,
        { advance_ms: ms },
        "the local instance's clock"
    )
    const result = (instance.result ?? {}) as { now_ts?: number; fired_timers?: number }
    return {
        kpowNowTs: Number(kpow.now_ts),
        instanceNowTs: Number(result.now_ts),
        firedTimers: Number(result.fired_timers ?? 0),
    }
}

/** `90s`, `15m`, `2h`, `1d` or plain milliseconds, as the demo's prompt takes them. */
export function parseDuration(text: string): number | undefined {
    const match = /^\s*(\d+)\s*(ms|s|m|h|d)?\s*$/.exec(text)
    if (!match) return undefined
    const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] ?? 'ms'] ?? 1
    const value = Number(match[1]) * unit
    return Number.isSafeInteger(value) ? value : undefined
}

async function postJson(
    url: string,
    credentials: { user: string; password: string },
    body: unknown,
    what: string
): Promise<Record<string, unknown>> {
    const response = await fetch(url, {
        method: 'POST',
        headers: {
            authorization: `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`,
            'content-type': 'application/json',
            accept: 'application/json',
        },
        body: JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok)
        throw new Error(`${what} refused the advance (HTTP ${String(response.status)}): ${text.slice(0, 300)}`)
    return JSON.parse(text) as Record<string, unknown>
}
