// Which instance the lifecycle specs drive, decided in this one place: `local` (the default: each
// test starts a fresh local instance and mock-kpow in its worker) or `instance` (the user's
// instance, already deployed, and the Kpow its connection reaches; `npm run test:e2e --
// --target=instance` sets E2E_TARGET and checks the deploy first). The fixtures consult `target`; a
// spec that needs what only the local target has (its clock, its outbox, mock-kpow's probes and UI)
// skips on the instance target with `test.skip(target === 'instance', reason)`.
import { instanceCredentials, kpowCredentials, smokeCredentials } from '../../scripts/deploy/index'
import type { Environment, KpowCredentials, ServiceNowCredentials } from '../../scripts/deploy/index'
import { GROUP_APPROVER_VARIABLES, TARGETS, TARGET_VARIABLE } from '../../scripts/e2e/run'
import type { Target } from '../../scripts/e2e/run'

export type { Target }

export function targetOf(environment: Environment): Target {
    const named = environment[TARGET_VARIABLE] ?? 'local'
    const known = TARGETS.find((candidate) => candidate === named)
    if (!known) throw new Error(`${TARGET_VARIABLE}="${named}" is not a target: use ${TARGETS.join(' or ')}`)
    return known
}

export const target: Target = targetOf(process.env)

export interface Login {
    user: string
    password: string
}

/** The user's instance and Kpow, and the people the specs log in as, from the deploy tool's variables. */
export interface InstanceTarget {
    /** The admin: reads records through REST, closes items, and acts as the fulfiller. */
    admin: ServiceNowCredentials
    requester: Login
    /** The password of the requester's manager (who is looked up on the instance). */
    approverPassword: string
    /** A member of the Kpow Access Approvers group, when given (SN_E2E_GROUP_APPROVER and its password). */
    groupApprover?: Login
    kpow: KpowCredentials
}

/** Read with the deploy tool's own parsing, so a missing variable is named the same way (a DeployError). */
export function instanceTarget(environment: Environment = process.env): InstanceTarget {
    const { requester, approverPassword } = smokeCredentials({}, environment)
    const [userVariable, passwordVariable] = GROUP_APPROVER_VARIABLES
    const groupUser = environment[userVariable]
    const groupPassword = environment[passwordVariable]
    return {
        admin: instanceCredentials({}, environment),
        requester,
        approverPassword,
        groupApprover: groupUser && groupPassword ? { user: groupUser, password: groupPassword } : undefined,
        kpow: kpowCredentials({}, environment),
    }
}

/**
 * How much longer the instance target waits for a flow step than the local one: a PDI runs flows
 * asynchronously behind a scheduler and answers across the internet.
 */
export const patience = target === 'instance' ? 6 : 1
