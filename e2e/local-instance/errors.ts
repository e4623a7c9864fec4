// What the local instance refuses, as domain errors: the HTTP layer turns them into pages.
export class LocalInstanceError extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'LocalInstanceError'
    }
}

/**
 * The data dir could not take a write (disk full, I/O error): nothing was changed, in the store or
 * in memory. Not a client's mistake nor a crash: the HTTP layer answers 503 and the process goes on.
 */
export class StoreUnavailableError extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'StoreUnavailableError'
    }
}

/** One reason an order is refused, on the variable that caused it (the form shows it beside the field). */
export interface OrderProblem {
    /** The variable's name, or '' when the problem is not about one variable of the item. */
    variable: string
    message: string
}

/** What the form and the platform refuse on submit; `problems` lists every reason by variable. */
export class OrderRefusedError extends LocalInstanceError {
    constructor(
        readonly itemName: string,
        readonly problems: OrderProblem[]
    ) {
        super(`Cannot order "${itemName}":\n  - ${problems.map((problem) => problem.message).join('\n  - ')}`)
        this.name = 'OrderRefusedError'
    }
}
