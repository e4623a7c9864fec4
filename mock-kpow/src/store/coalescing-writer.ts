// Serialises writes of a whole-state snapshot and coalesces bursts: while one write is in flight,
// any number of callers share the next one, which captures the state as it is when it starts.
// Each caller's promise resolves only once a write that includes its change is durable, so the
// API can answer after persistence without 200 concurrent creates causing 200 file rewrites.

export class CoalescingWriter {
    private inFlight: Promise<void> | undefined
    private next: Promise<void> | undefined

    constructor(private readonly write: () => Promise<void>) {}

    flush(): Promise<void> {
        if (this.next) return this.next
        if (!this.inFlight) {
            this.inFlight = this.run()
            return this.inFlight
        }
        const after = this.inFlight
        this.next = after
            .catch(() => undefined)
            .then(() => {
                this.next = undefined
                this.inFlight = this.run()
                return this.inFlight
            })
        return this.next
    }

    private async run(): Promise<void> {
        try {
            await this.write()
        } finally {
            this.inFlight = undefined
        }
    }
}
