// The data plane as a user sees it: what the current tenant makes visible, and what RBAC lets the
// user do there. Both the UI pages and the mock's JSON data endpoints call these methods, so the
// two cannot drift apart. Tenants decide what is seen (a resource outside the tenant is "not found",
// not "forbidden", so its existence does not leak); RBAC decides what is done.
import { isVisible } from '../engine/index'
import type { ClusterIdentity, Decision, ResourcePath, Tenant } from '../engine/types'
import { KpowError } from '../errors'
import type { AuditRecorder, Authorization, MockControl, Principal } from '../kpow-service'
import type { StagedMutation, StagedMutations } from '../mutations/staged-mutations'
import type { DataStore, KafkaMessage, MessageQuery, NewMessage, TopicSummary } from './data-store'
import { PermissionDeniedError } from './permission-denied'

export interface Viewer {
    readonly principal: Principal
    readonly tenant: Tenant
}

export type ProduceOutcome =
    | { readonly outcome: 'applied'; readonly message: KafkaMessage }
    | { readonly outcome: 'staged'; readonly mutation: StagedMutation }

export class DataAccess {
    constructor(
        private readonly authorization: Authorization,
        private readonly audit: AuditRecorder,
        private readonly clock: Pick<MockControl, 'now'>,
        private readonly store: DataStore,
        private readonly mutations: StagedMutations
    ) {}

    clusters(viewer: Viewer): ClusterIdentity[] {
        return this.store.clusters().filter((cluster) => this.sees(viewer, ['cluster', cluster.id]))
    }

    topics(viewer: Viewer, clusterId: string): TopicSummary[] {
        this.requireCluster(viewer, clusterId)
        return this.store.topics(clusterId).filter((topic) => this.sees(viewer, topicResource(clusterId, topic.name)))
    }

    /** The decision for an action on a visible topic, without auditing (for showing or hiding controls). */
    decision(viewer: Viewer, action: string, clusterId: string, topic: string): Decision {
        this.requireTopic(viewer, clusterId, topic)
        return this.authorization.decide({
            roles: viewer.principal.roles,
            action,
            resource: topicResource(clusterId, topic),
        })
    }

    query(viewer: Viewer, clusterId: string, topic: string, query: MessageQuery): KafkaMessage[] {
        this.requireAllowed(viewer, 'TOPIC_DATA_QUERY', clusterId, topic)
        return this.store.query(clusterId, topic, query)
    }

    download(viewer: Viewer, clusterId: string, topic: string, query: MessageQuery): KafkaMessage[] {
        this.requireAllowed(viewer, 'TOPIC_DATA_DOWNLOAD', clusterId, topic)
        return this.store.query(clusterId, topic, query)
    }

    produce(viewer: Viewer, clusterId: string, topic: string, message: NewMessage): ProduceOutcome {
        const action = 'TOPIC_PRODUCE'
        const decision = this.decision(viewer, action, clusterId, topic)
        const resource = topicResource(clusterId, topic)
        if (this.store.isAuditLog(clusterId, topic)) {
            throw new KpowError('invalid_request', `${topic} is written by Kpow itself; it cannot be produced to.`, [
                { path: 'topic', message: 'choose a topic other than the audit log' },
            ])
        }
        const partitions = this.store.partitionsOf(clusterId, topic)
        if (message.partition !== undefined && (message.partition < 0 || message.partition >= partitions)) {
            throw new KpowError('invalid_request', 'No such partition.', [
                { path: 'partition', message: `must be between 0 and ${partitions - 1}, or empty to partition by key` },
            ])
        }
        if (decision.effect === 'Deny') throw this.denied(viewer, action, resource, decision)
        if (decision.effect === 'Stage') {
            return {
                outcome: 'staged',
                mutation: this.mutations.stage(viewer.principal, viewer.tenant.name, clusterId, topic, message),
            }
        }
        const stored = this.store.append(clusterId, topic, message, this.clock.now())
        this.audit.recordAudit({
            event: 'mutation-applied',
            user: viewer.principal.user,
            action,
            resource,
            decision: 'Allow',
            detail: `partition=${stored.partition} offset=${stored.offset}`,
        })
        return { outcome: 'applied', message: stored }
    }

    private requireAllowed(viewer: Viewer, action: string, clusterId: string, topic: string): void {
        const decision = this.decision(viewer, action, clusterId, topic)
        // A read has no staged form: only Allow lets it through.
        if (decision.effect !== 'Allow') throw this.denied(viewer, action, topicResource(clusterId, topic), decision)
    }

    private denied(viewer: Viewer, action: string, resource: ResourcePath, decision: Decision): PermissionDeniedError {
        const error = new PermissionDeniedError(action, decision)
        this.audit.recordAudit({
            event: 'access-denied',
            user: viewer.principal.user,
            action,
            resource,
            decision: decision.effect,
            detail: `tenant=${viewer.tenant.name} ${error.accessControl}`,
        })
        return error
    }

    private requireCluster(viewer: Viewer, clusterId: string): void {
        if (!this.store.hasCluster(clusterId) || !this.sees(viewer, ['cluster', clusterId])) {
            throw new KpowError('not_found', `No cluster "${clusterId}" in tenant "${viewer.tenant.name}".`)
        }
    }

    private requireTopic(viewer: Viewer, clusterId: string, topic: string): void {
        this.requireCluster(viewer, clusterId)
        if (!this.store.hasTopic(clusterId, topic) || !this.sees(viewer, topicResource(clusterId, topic))) {
            throw new KpowError(
                'not_found',
                `No topic "${topic}" in cluster "${clusterId}" of tenant "${viewer.tenant.name}".`
            )
        }
    }

    private sees(viewer: Viewer, resource: ResourcePath): boolean {
        const clusterId = resource[1] ?? ''
        return isVisible(viewer.tenant, resource, {
            clusters: this.authorization.clusters,
            groupTopics: this.store.groupTopics(clusterId),
        })
    }
}

export function topicResource(clusterId: string, topic: string): ResourcePath {
    return ['cluster', clusterId, 'topic', topic]
}
