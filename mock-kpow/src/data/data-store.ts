// The data plane: clusters, topics and their messages, held in memory. Loaded from the clusters
// file; produced messages are appended and forgotten on the mock's reset. An audit_log topic has no
// messages of its own: it reads the service's audit records, one message per record, as Kpow's
// __oprtr_audit_log holds Kpow's audit events.
import type { ClusterIdentity } from '../engine/types'
import type { AuditRecord } from '../store/audit'
import { timestampOf, type ClustersConfig, type TopicConfig } from './clusters-file'

export interface KafkaMessage {
    readonly partition: number
    readonly offset: number
    /** Epoch milliseconds. */
    readonly timestamp: number
    readonly key: string | null
    readonly value: string | null
    readonly headers: Readonly<Record<string, string>>
}

export interface TopicSummary {
    readonly name: string
    readonly partitions: number
    readonly messageCount: number
    readonly auditLog: boolean
}

export interface NewMessage {
    readonly key: string | null
    readonly value: string | null
    readonly partition?: number
    readonly headers?: Readonly<Record<string, string>>
}

export type MessageQuery =
    | {
          readonly mode: 'latest'
          readonly count: number
          readonly keyContains?: string
          readonly valueContains?: string
      }
    | {
          readonly mode: 'offset'
          readonly partition: number
          readonly offset: number
          readonly count: number
          readonly keyContains?: string
          readonly valueContains?: string
      }

interface TopicState {
    readonly config: TopicConfig
    readonly partitions: number
    /** Per partition, in offset order (offset = index). */
    messages: KafkaMessage[][]
}

interface ClusterState {
    readonly identity: ClusterIdentity
    readonly topics: Map<string, TopicState>
    readonly groupTopics: ReadonlyMap<string, readonly string[]>
}

export class UnknownTopicError extends Error {}

export class DataStore {
    private readonly clusterStates: ClusterState[]

    /** @param defaultName see clusterIdentities */
    constructor(
        private readonly config: ClustersConfig,
        defaultName: string,
        private readonly auditRecords: () => readonly AuditRecord[]
    ) {
        const identities = clusterIdentities(config, defaultName)
        this.clusterStates = config.clusters.map((cluster, index) => ({
            identity: identities[index] as ClusterIdentity,
            topics: new Map(cluster.topics.map((topic) => [topic.name, initialTopicState(topic)])),
            groupTopics: new Map((cluster.groups ?? []).map((group) => [group.id, group.topics])),
        }))
    }

    /** The identities policies may name clusters by (id or environment name). */
    clusters(): ClusterIdentity[] {
        return this.clusterStates.map((cluster) => cluster.identity)
    }

    hasCluster(clusterId: string): boolean {
        return this.clusterStates.some((cluster) => cluster.identity.id === clusterId)
    }

    /** Consumer group -> topics, for tenant inference (a tenant including a group sees its topics). */
    groupTopics(clusterId: string): ReadonlyMap<string, readonly string[]> {
        return this.clusterState(clusterId)?.groupTopics ?? new Map()
    }

    topics(clusterId: string): TopicSummary[] {
        const cluster = this.clusterState(clusterId)
        if (!cluster) return []
        return [...cluster.topics.values()]
            .map((topic) => ({
                name: topic.config.name,
                partitions: topic.partitions,
                messageCount: this.messagesOf(topic).length,
                auditLog: topic.config.audit_log === true,
            }))
            .sort((a, b) => a.name.localeCompare(b.name))
    }

    hasTopic(clusterId: string, topic: string): boolean {
        return this.clusterState(clusterId)?.topics.has(topic) ?? false
    }

    isAuditLog(clusterId: string, topic: string): boolean {
        return this.clusterState(clusterId)?.topics.get(topic)?.config.audit_log === true
    }

    query(clusterId: string, topic: string, query: MessageQuery): KafkaMessage[] {
        return runQuery(this.messagesOf(this.topicState(clusterId, topic)), query)
    }

    /** Appends a message at the end of its partition, as a Kafka producer would. */
    append(clusterId: string, topic: string, message: NewMessage, timestamp: number): KafkaMessage {
        const state = this.topicState(clusterId, topic)
        if (state.config.audit_log)
            throw new UnknownTopicError(`${topic} is written by Kpow itself and cannot be produced to`)
        const partition = message.partition ?? partitionFor(message.key, state.partitions)
        const log = state.messages[partition]
        if (log === undefined) throw new RangeError(`partition ${partition} is outside 0-${state.partitions - 1}`)
        const stored: KafkaMessage = {
            partition,
            offset: log.length,
            timestamp,
            key: message.key,
            value: message.value,
            headers: { ...message.headers },
        }
        log.push(stored)
        return stored
    }

    partitionsOf(clusterId: string, topic: string): number {
        return this.topicState(clusterId, topic).partitions
    }

    /** Back to the clusters file's messages (the mock's reset). */
    reset(): void {
        for (const cluster of this.clusterStates) {
            for (const [name, topic] of cluster.topics) cluster.topics.set(name, initialTopicState(topic.config))
        }
    }

    get source(): ClustersConfig {
        return this.config
    }

    private clusterState(clusterId: string): ClusterState | undefined {
        return this.clusterStates.find((cluster) => cluster.identity.id === clusterId)
    }

    private topicState(clusterId: string, topic: string): TopicState {
        const state = this.clusterState(clusterId)?.topics.get(topic)
        if (!state) throw new UnknownTopicError(`no topic "${topic}" in cluster ${clusterId}`)
        return state
    }

    private messagesOf(topic: TopicState): KafkaMessage[] {
        if (!topic.config.audit_log) return topic.messages.flat()
        return this.auditRecords().map((record, index) => auditMessage(record, index))
    }
}

/**
 * The identities policies may name clusters by. A cluster the file leaves unnamed takes Kpow's
 * ENVIRONMENT_NAME (`defaultName`) when it is the first one, its id otherwise.
 */
export function clusterIdentities(config: ClustersConfig, defaultName: string): ClusterIdentity[] {
    return config.clusters.map((cluster, index) => ({
        id: cluster.id,
        name: cluster.name ?? (index === 0 ? defaultName : cluster.id),
    }))
}

function initialTopicState(config: TopicConfig): TopicState {
    const partitions = config.partitions ?? 1
    const messages: KafkaMessage[][] = Array.from({ length: partitions }, () => [])
    // Offsets follow timestamp order within a partition, whatever order the file lists them in.
    const sorted = [...(config.messages ?? [])].sort((a, b) => timestampOf(a) - timestampOf(b))
    for (const message of sorted) {
        const partition = message.partition ?? 0
        const log = messages[partition] as KafkaMessage[]
        log.push({
            partition,
            offset: log.length,
            timestamp: timestampOf(message),
            key: message.key ?? null,
            value:
                message.value === undefined || message.value === null
                    ? null
                    : typeof message.value === 'string'
                      ? message.value
                      : JSON.stringify(message.value),
            headers: { ...message.headers },
        })
    }
    return { config, partitions, messages }
}

function auditMessage(record: AuditRecord, index: number): KafkaMessage {
    return {
        partition: 0,
        offset: index,
        timestamp: record.ts,
        key: record.user,
        value: JSON.stringify(record),
        headers: { 'kpow.audit.event': record.event },
    }
}

/** A keyed message always lands on the same partition (Kafka's contract); unkeyed ones on 0. */
function partitionFor(key: string | null, partitions: number): number {
    if (key === null || partitions === 1) return 0
    let hash = 0x811c9dc5
    for (const char of Buffer.from(key, 'utf8')) {
        hash ^= char
        hash = Math.imul(hash, 0x01000193) >>> 0
    }
    return hash % partitions
}

function contains(text: string | null, needle: string | undefined): boolean {
    if (needle === undefined || needle === '') return true
    return (text ?? '').toLowerCase().includes(needle.toLowerCase())
}

/**
 * Kpow's two query windows: the latest N messages across partitions (newest first), or N messages
 * of one partition from an offset on (offset order). Filters apply before the limit, as Kpow keeps
 * scanning until it has N matches.
 */
export function runQuery(messages: readonly KafkaMessage[], query: MessageQuery): KafkaMessage[] {
    const matching = messages.filter(
        (message) => contains(message.key, query.keyContains) && contains(message.value, query.valueContains)
    )
    if (query.mode === 'latest') {
        return [...matching]
            .sort((a, b) => b.timestamp - a.timestamp || b.partition - a.partition || b.offset - a.offset)
            .slice(0, query.count)
    }
    return matching
        .filter((message) => message.partition === query.partition && message.offset >= query.offset)
        .sort((a, b) => a.offset - b.offset)
        .slice(0, query.count)
}
