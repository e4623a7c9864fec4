/**
 * The one error type of the deploy tool: what went wrong, in words a person can act on, and the
 * fix. The command prints both on two lines and exits 1; never a stack trace.
 */
export class DeployError extends Error {
    override name = 'DeployError'
    constructor(
        message: string,
        /** What to do about it: the flag, variable, role, plugin or manual route that fixes it. */
        readonly fix: string
    ) {
        super(message)
    }
}
