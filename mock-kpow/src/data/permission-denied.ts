// Kpow's denial, worded as its UI words it: "Permission Denied. Action: TOPIC_DATA_QUERY /
// Access Control: Implicit Deny". An explicit deny also names the policies that denied.
import type { Decision, Policy } from '../engine/types'
import { KpowError } from '../errors'

export class PermissionDeniedError extends KpowError {
    readonly accessControl: string
    constructor(
        readonly action: string,
        readonly decision: Decision
    ) {
        const accessControl = describeAccessControl(decision)
        super('forbidden', `Permission Denied. Action: ${action} / Access Control: ${accessControl}`, [], {
            action,
            access_control: accessControl,
        })
        this.accessControl = accessControl
    }
}

function describeAccessControl(decision: Decision): string {
    if (decision.reason === 'Implicit Deny') return 'Implicit Deny'
    const named = decision.policies.map(describePolicy).join(', ')
    return named ? `${decision.reason} (${named})` : decision.reason
}

/** "rbac:3" -> "RBAC policy #3", "temporary:<uuid>" -> "temporary policy <uuid>". */
export function describePolicy(policy: Policy): string {
    const [kind, id] = policy.source.split(/:(.*)/s)
    if (kind === 'rbac') return `RBAC policy #${id}`
    if (kind === 'temporary') return `temporary policy ${id}`
    return policy.source
}
