// The clusters file (--clusters, YAML or JSON): the Kafka clusters the mock pretends to front, their
// topics, consumer groups (for tenant inference) and messages. Validated once at start with a JSON
// Schema; a bad file stops the mock with a message naming the file, the path and the fix.
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import { parse as parseYaml } from 'yaml'
import { formatSchemaErrors } from '../engine/index'

export const DEFAULT_CLUSTERS_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../../defaults/clusters.yml')

export interface MessageConfig {
    readonly partition?: number
    /** ISO-8601 instant or epoch milliseconds. */
    readonly timestamp: string | number
    readonly key?: string | null
    /** A string is stored as is; anything else is stored as its JSON text. */
    readonly value?: unknown
    readonly headers?: Readonly<Record<string, string>>
}

export interface TopicConfig {
    readonly name: string
    readonly partitions?: number
    /** The topic's messages are the mock's own audit records (Kpow's __oprtr_audit_log). */
    readonly audit_log?: boolean
    readonly messages?: readonly MessageConfig[]
}

export interface GroupConfig {
    readonly id: string
    readonly topics: readonly string[]
}

export interface ClusterConfig {
    readonly id: string
    /** Defaults to ENVIRONMENT_NAME for the first cluster, to the id for the others. */
    readonly name?: string
    readonly topics: readonly TopicConfig[]
    readonly groups?: readonly GroupConfig[]
}

export interface ClustersConfig {
    readonly clusters: readonly ClusterConfig[]
}

const topicName = { type: 'string', pattern: '^[A-Za-z0-9._-]{1,249}$' } as const

export const clustersFileSchema = {
    type: 'object',
    required: ['clusters'],
    additionalProperties: false,
    properties: {
        clusters: {
            type: 'array',
            minItems: 1,
            items: {
                type: 'object',
                required: ['id', 'topics'],
                additionalProperties: false,
                properties: {
                    id: { type: 'string', minLength: 1 },
                    name: { type: 'string', minLength: 1 },
                    topics: {
                        type: 'array',
                        items: {
                            type: 'object',
                            required: ['name'],
                            additionalProperties: false,
                            properties: {
                                name: topicName,
                                partitions: { type: 'integer', minimum: 1, maximum: 1000 },
                                audit_log: { type: 'boolean' },
                                messages: {
                                    type: 'array',
                                    items: {
                                        type: 'object',
                                        required: ['timestamp'],
                                        additionalProperties: false,
                                        properties: {
                                            partition: { type: 'integer', minimum: 0 },
                                            timestamp: {
                                                anyOf: [
                                                    { type: 'string', minLength: 1 },
                                                    { type: 'integer', minimum: 0 },
                                                ],
                                            },
                                            key: { type: ['string', 'null'] },
                                            value: true,
                                            headers: { type: 'object', additionalProperties: { type: 'string' } },
                                        },
                                    },
                                },
                            },
                        },
                    },
                    groups: {
                        type: 'array',
                        items: {
                            type: 'object',
                            required: ['id', 'topics'],
                            additionalProperties: false,
                            properties: {
                                id: { type: 'string', minLength: 1 },
                                topics: { type: 'array', items: topicName },
                            },
                        },
                    },
                },
            },
        },
    },
} as const

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true })
const validateClustersFile = ajv.compile(clustersFileSchema)

export class ClustersFileError extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'ClustersFileError'
    }
}

/** Parses and validates a clusters document; `fileName` only labels the errors. */
export function parseClustersDocument(text: string, fileName: string): ClustersConfig {
    let document: unknown
    try {
        document = fileName.endsWith('.json') ? JSON.parse(text) : parseYaml(text)
    } catch (error) {
        throw new ClustersFileError(
            `${fileName}: not valid ${fileName.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`
        )
    }
    if (!validateClustersFile(document)) {
        const problems = formatSchemaErrors(validateClustersFile.errors ?? [])
        throw new ClustersFileError(
            `${fileName}: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`
        )
    }
    const config = document as ClustersConfig
    checkConsistency(config, fileName)
    return config
}

export function loadClustersFile(path: string): ClustersConfig {
    let text: string
    try {
        text = readFileSync(path, 'utf8')
    } catch {
        throw new ClustersFileError(`--clusters: cannot read ${path}.`)
    }
    return parseClustersDocument(text, path)
}

/**
 * Clusters named by Kpow's variables (ENVIRONMENT_NAME, CLUSTER_ID, BOOTSTRAP and twins), each holding
 * the default data set's topics, groups and messages (the first cluster of `dataSet`), so a setup that
 * names its own clusters has something to inspect in each.
 */
export function clustersWithDataSet(
    dataSet: ClustersConfig,
    clusters: readonly { readonly id: string; readonly name: string }[]
): ClustersConfig {
    const template = dataSet.clusters[0]
    if (template === undefined) throw new ClustersFileError('the default data set holds no cluster')
    return { clusters: clusters.map((cluster) => ({ ...template, id: cluster.id, name: cluster.name })) }
}

/** What the schema cannot say: unique names, partitions in range, parseable timestamps. */
function checkConsistency(config: ClustersConfig, fileName: string): void {
    const fail = (path: string, message: string): never => {
        throw new ClustersFileError(`${fileName}: ${path}: ${message}`)
    }
    const clusterIds = new Set<string>()
    config.clusters.forEach((cluster, c) => {
        if (clusterIds.has(cluster.id))
            fail(`clusters[${c}].id`, `duplicate cluster id "${cluster.id}"; ids must be unique`)
        clusterIds.add(cluster.id)
        const topicNames = new Set<string>()
        cluster.topics.forEach((topic, t) => {
            const at = `clusters[${c}].topics[${t}]`
            if (topicNames.has(topic.name))
                fail(`${at}.name`, `duplicate topic "${topic.name}" in cluster ${cluster.id}`)
            topicNames.add(topic.name)
            if (topic.audit_log && topic.messages !== undefined) {
                fail(`${at}.messages`, "an audit_log topic holds the mock's audit records; remove its messages")
            }
            const partitions = topic.partitions ?? 1
            ;(topic.messages ?? []).forEach((message, m) => {
                if ((message.partition ?? 0) >= partitions) {
                    fail(`${at}.messages[${m}].partition`, `must be below the topic's ${partitions} partition(s)`)
                }
                if (Number.isNaN(timestampOf(message))) {
                    fail(
                        `${at}.messages[${m}].timestamp`,
                        'must be an ISO-8601 instant (2026-01-31T09:30:00Z) or epoch milliseconds'
                    )
                }
            })
        })
        ;(cluster.groups ?? []).forEach((group, g) => {
            for (const topic of group.topics) {
                if (!topicNames.has(topic))
                    fail(
                        `clusters[${c}].groups[${g}].topics`,
                        `topic "${topic}" is not a topic of cluster ${cluster.id}`
                    )
            }
        })
    })
}

export function timestampOf(message: MessageConfig): number {
    return typeof message.timestamp === 'number' ? message.timestamp : Date.parse(message.timestamp)
}
