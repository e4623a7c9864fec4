// Staged mutations: a write whose decision is Stage is not applied but queued here until an admin
// approves or rejects it (Kpow's "Staged mutations" settings page). Approval re-checks RBAC for the
// approving admin: they must be allowed the staged action on its resource themselves, otherwise a
// Stage policy would let any admin launder a write they may not do.
import { randomUUID } from 'node:crypto'
import type { ResourcePath } from '../engine/types'
import { KpowError } from '../errors'
import type { AuditRecorder, Authorization, MockControl, Principal } from '../kpow-service'
import type { DataStore, KafkaMessage, NewMessage } from '../data/data-store'
import { PermissionDeniedError } from '../data/permission-denied'

export type MutationStatus = 'pending' | 'approved' | 'rejected'

export interface StagedMutation {
    readonly id: string
    readonly created_ts: number
    readonly user: string
    readonly tenant: string
    readonly action: 'TOPIC_PRODUCE'
    readonly cluster_id: string
    readonly topic: string
    readonly message: NewMessage
    readonly status: MutationStatus
    readonly decided_by?: string
    readonly decided_ts?: number
    /** Where the approved message landed. */
    readonly result?: { readonly partition: number; readonly offset: number }
}

export function mutationResource(mutation: Pick<StagedMutation, 'cluster_id' | 'topic'>): ResourcePath {
    return ['cluster', mutation.cluster_id, 'topic', mutation.topic]
}

export class StagedMutations {
    private readonly mutations = new Map<string, StagedMutation>()

    constructor(
        private readonly authorization: Authorization,
        private readonly audit: AuditRecorder,
        private readonly control: Pick<MockControl, 'now' | 'onReset'>,
        private readonly data: DataStore
    ) {
        control.onReset(() => this.mutations.clear())
    }

    stage(principal: Principal, tenant: string, clusterId: string, topic: string, message: NewMessage): StagedMutation {
        const mutation: StagedMutation = {
            id: randomUUID(),
            created_ts: this.control.now(),
            user: principal.user,
            tenant,
            action: 'TOPIC_PRODUCE',
            cluster_id: clusterId,
            topic,
            message,
            status: 'pending',
        }
        this.mutations.set(mutation.id, mutation)
        this.audit.recordAudit({
            event: 'mutation-staged',
            user: principal.user,
            action: mutation.action,
            resource: mutationResource(mutation),
            decision: 'Stage',
            detail: `id=${mutation.id} key=${message.key ?? '(none)'}`,
        })
        return mutation
    }

    /** Newest first. */
    list(status?: MutationStatus): StagedMutation[] {
        return [...this.mutations.values()]
            .filter((mutation) => status === undefined || mutation.status === status)
            .sort((a, b) => b.created_ts - a.created_ts || a.id.localeCompare(b.id))
    }

    get(id: string): StagedMutation {
        const mutation = this.mutations.get(id)
        if (!mutation) throw new KpowError('not_found', `No staged mutation with id "${id}".`)
        return mutation
    }

    approve(admin: Principal, id: string): StagedMutation & { readonly applied: KafkaMessage } {
        const mutation = this.pending(admin, id, 'APPROVE_STAGED_MUTATION')
        const resource = mutationResource(mutation)
        const decision = this.authorization.decide({ roles: admin.roles, action: mutation.action, resource })
        if (decision.effect !== 'Allow') {
            this.audit.recordAudit({
                event: 'access-denied',
                user: admin.user,
                action: mutation.action,
                resource,
                decision: decision.effect,
                detail: `approving staged mutation ${id} needs ${mutation.action} allowed to the approver (${decision.reason})`,
            })
            throw new PermissionDeniedError(mutation.action, decision)
        }
        const applied = this.data.append(mutation.cluster_id, mutation.topic, mutation.message, this.control.now())
        const decided: StagedMutation = {
            ...mutation,
            status: 'approved',
            decided_by: admin.user,
            decided_ts: this.control.now(),
            result: { partition: applied.partition, offset: applied.offset },
        }
        this.mutations.set(id, decided)
        this.audit.recordAudit({
            event: 'mutation-approved',
            user: admin.user,
            action: mutation.action,
            resource,
            decision: 'Allow',
            detail: `id=${id} staged_by=${mutation.user} partition=${applied.partition} offset=${applied.offset}`,
        })
        return { ...decided, applied }
    }

    reject(admin: Principal, id: string): StagedMutation {
        const mutation = this.pending(admin, id, 'REJECT_STAGED_MUTATION')
        const decided: StagedMutation = {
            ...mutation,
            status: 'rejected',
            decided_by: admin.user,
            decided_ts: this.control.now(),
        }
        this.mutations.set(id, decided)
        this.audit.recordAudit({
            event: 'mutation-rejected',
            user: admin.user,
            action: mutation.action,
            resource: mutationResource(mutation),
            decision: 'Refused',
            detail: `id=${id} staged_by=${mutation.user}`,
        })
        return decided
    }

    private pending(admin: Principal, id: string, attempted: string): StagedMutation {
        const existing = this.mutations.get(id)
        this.authorization.requireAdmin(admin, attempted, existing ? mutationResource(existing) : [])
        const mutation = this.get(id)
        if (mutation.status !== 'pending') {
            throw new KpowError(
                'invalid_request',
                `Staged mutation ${id} was already ${mutation.status} by ${mutation.decided_by ?? 'an admin'}.`
            )
        }
        return mutation
    }
}
