// The mock's clock: wall time plus an offset that POST /mock/v1/clock advances, so expiry can be
// tested without sleeping. Everything that needs "now" asks this object; the engine is given the
// instant as a parameter and never reads a clock itself.

export interface Clock {
    now(): number
}

export class AdjustableClock implements Clock {
    private offsetMs = 0
    constructor(private readonly base: () => number = Date.now) {}

    now(): number {
        return this.base() + this.offsetMs
    }

    reset(): void {
        this.offsetMs = 0
    }

    advance(ms: number): number {
        this.offsetMs += ms
        return this.now()
    }
}
