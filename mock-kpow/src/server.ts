// Composition root: loads configuration files, builds the service, and starts the two listeners
// Kpow has (UI on PORT, API on API_PORT). Used by the CLI, the tests and the end-to-end harness.
import { once } from 'node:events'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Express } from 'express'
import { loadRealmFile, type Realm } from './auth/index'
import { AdjustableClock } from './clock'
import { loadRbacFile } from './config/rbac-file'
import type { MockKpowOptions } from './config/options'
import type { ClusterIdentity } from './engine/types'
import { DEFAULT_CLUSTERS_FILE, clustersWithDataSet, loadClustersFile } from './data/clusters-file'
import { DataAccess } from './data/data-access'
import { DataStore, clusterIdentities } from './data/data-store'
import { createApiApp } from './http/api-app'
import { createUiApp } from './http/ui/ui-app'
import { KpowService } from './kpow-service'
import { StagedMutations } from './mutations/staged-mutations'
import { DirectoryPersistence, MemoryPersistence } from './store/persistence'
import { AuditWebhook, type AuditWebhookOptions } from './store/audit-webhook'

export interface UiAppContext {
    readonly service: KpowService
    readonly realm: Realm
    readonly clock: AdjustableClock
    readonly options: MockKpowOptions
    /** Clusters, topics and messages from the clusters file. */
    readonly data: DataStore
    readonly mutations: StagedMutations
}

/** The UI listener mock-kpow runs unless told otherwise: Kpow's pages on the `kpow` realm. */
export function defaultUiApp(context: UiAppContext): Express {
    const { service, mutations } = context
    return createUiApp({
        authorization: service.authorization,
        temporaryPolicies: service.temporaryPolicies,
        audit: service.audit,
        clock: service.control,
        realm: context.realm,
        access: new DataAccess(service.authorization, service.audit, service.control, context.data, mutations),
        mutations,
    })
}

export interface StartOptions {
    /** Builds the UI listener's app; absent = the mock's UI (defaultUiApp), false = no UI listener. */
    readonly createUiApp?: ((context: UiAppContext) => Express | Promise<Express>) | false
    /** Host to bind; tests and the CLI default to loopback. */
    readonly host?: string
    readonly clock?: AdjustableClock
    /** Audit records held in memory (default 10 000); tests set a small bound to count against. */
    readonly auditRecordsInMemory?: number
    /** Retry timing of the audit webhook (tests shorten it). */
    readonly webhook?: AuditWebhookOptions
}

export interface RunningMockKpow {
    readonly service: KpowService
    readonly clock: AdjustableClock
    readonly apiUrl: string | undefined
    readonly uiUrl: string | undefined
    /** The audit webhook, when WEBHOOK_URL is set. */
    readonly webhook: AuditWebhook | undefined
    close(): Promise<void>
}

export async function startMockKpow(options: MockKpowOptions, start: StartOptions = {}): Promise<RunningMockKpow> {
    const host = start.host ?? '127.0.0.1'
    const clock = start.clock ?? new AdjustableClock()
    const [rbac, apiRealm, uiRealm] = await Promise.all([
        loadRbacFile(options.rbacFile),
        Promise.resolve(loadRealmFile(options.apiRealmFile)),
        Promise.resolve(loadRealmFile(options.uiRealmFile)),
    ])
    // A clusters file wins; else clusters named by Kpow's variables, filled with the default data set.
    const clustersConfig =
        options.clustersFile === undefined && options.environmentClusters !== undefined
            ? clustersWithDataSet(loadClustersFile(DEFAULT_CLUSTERS_FILE), options.environmentClusters)
            : loadClustersFile(options.clustersFile ?? DEFAULT_CLUSTERS_FILE)
    const clusters: ClusterIdentity[] = clusterIdentities(clustersConfig, options.environmentName)
    // The data store needs the service (for the audit-log topic), the service the store's consumer
    // groups (for tenants that include a group): bound late, read only once requests arrive.
    const bound: { data?: DataStore } = {}
    const service = await KpowService.start({
        rbac,
        groupTopics: (clusterId) => bound.data?.groupTopics(clusterId) ?? new Map<string, readonly string[]>(),
        clusters,
        strategy: options.strategy,
        maxDurationMs: options.maxDurationMs,
        clock,
        auditRecordsInMemory: start.auditRecordsInMemory,
        persistence: options.dataDir
            ? new DirectoryPersistence(options.dataDir, { maxDurationMs: options.maxDurationMs })
            : new MemoryPersistence(),
    })

    const { authorization, temporaryPolicies, audit, control } = service
    const data = new DataStore(clustersConfig, options.environmentName, () => audit.auditRecords())
    bound.data = data
    const mutations = new StagedMutations(authorization, audit, control, data)
    const webhook = options.webhook ? new AuditWebhook(options.webhook, start.webhook) : undefined
    if (webhook) audit.onAudit((record) => webhook.offer(record))
    control.onReset(() => data.reset())

    const servers: Server[] = []
    let apiUrl: string | undefined
    let uiUrl: string | undefined
    try {
        if (options.apiEnabled) {
            const app = createApiApp({
                authorization,
                temporaryPolicies,
                audit,
                control,
                realm: apiRealm,
                reset: () => control.reset(),
            })
            const server = await listen(app, options.apiPort, host)
            servers.push(server)
            apiUrl = urlOf(server, host)
        }
        const buildUi = start.createUiApp === undefined ? defaultUiApp : start.createUiApp
        if (buildUi) {
            const app = await buildUi({ service, realm: uiRealm, clock, options, data, mutations })
            const server = await listen(app, options.uiPort, host)
            servers.push(server)
            uiUrl = urlOf(server, host)
        }
    } catch (error) {
        await Promise.all(servers.map(closeServer))
        webhook?.close()
        await control.shutdown()
        throw error
    }

    let closing: Promise<void> | undefined
    return {
        service,
        clock,
        apiUrl,
        uiUrl,
        webhook,
        close: () => {
            closing ??= (async () => {
                await Promise.all(servers.map(closeServer))
                webhook?.close()
                await control.shutdown()
            })()
            return closing
        },
    }
}

async function listen(app: Express, port: number, host: string): Promise<Server> {
    const server = app.listen(port, host)
    await once(server, 'listening')
    // Keep-alive sockets would otherwise hold close() open until they time out.
    server.keepAliveTimeout = 5_000
    return server
}

function urlOf(server: Server, host: string): string {
    const address = server.address() as AddressInfo
    return `http://${host}:${address.port}`
}

async function closeServer(server: Server): Promise<void> {
    server.closeIdleConnections()
    const closed = once(server, 'close')
    server.close()
    server.closeAllConnections()
    await closed
}
