// The mock's state and rules below HTTP: the RBAC model, the live temporary policies, the audit log
// and the clock. Handlers (API and UI) translate requests into calls on the part they need and the
// results back; they never touch state or the engine directly.
//
// The service is its parts, each for what some callers need:
// - `authorization` (service/authorization.ts): decisions, admin checks, tenant scoping of requests;
// - `temporaryPolicies` (service/temporary-policies.ts): list, read, grant (RBAC-file permissions
//   only) and revoke;
// - `audit` (service/audit-trail.ts): record, read, listen, make durable;
// - `control` (service/mock-control.ts): the mock clock, reset, shutdown.
// Under them, service/live-policies.ts holds the live temporary policies (durable-then-apply
// through store/temporary-policy-store.ts: an error answer means nothing changed), the decision
// indexes and exact expiry (settled on every call).
import type { AuditFilter } from './store/audit-log'
import { AuditLog } from './store/audit-log'
import { AuditTrail } from './service/audit-trail'
import { Authorization } from './service/authorization'
import { LivePolicies } from './service/live-policies'
import { MockControl } from './service/mock-control'
import type { KpowServiceConfig } from './service/service-config'
import { TemporaryPolicies } from './service/temporary-policies'
import { COMBINE_AFTER_QUIET_MS } from './decision-indexes'
import { realScheduler } from './clock'

export { COMBINE_AFTER_QUIET_MS }
export type { AuditFilter }
export type { KpowServiceConfig, Principal } from './service/service-config'
export type { AuditRecorder, AuditTrail } from './service/audit-trail'
export type { Authorization } from './service/authorization'
export type { TemporaryPolicies } from './service/temporary-policies'
export type { MockControl } from './service/mock-control'

export class KpowService {
    private constructor(
        readonly config: KpowServiceConfig,
        readonly authorization: Authorization,
        readonly temporaryPolicies: TemporaryPolicies,
        readonly audit: AuditTrail,
        readonly control: MockControl
    ) {}

    /** Loads persisted state, then records (and persists) expiries that happened while stopped. */
    static async start(config: KpowServiceConfig): Promise<KpowService> {
        const state = await config.persistence.load()
        const auditLog = new AuditLog(state.audit, config.persistence, config.auditRecordsInMemory)
        // Reading the audit settles expiries first; the policies record their expiries in the audit.
        const bound: { live?: LivePolicies } = {}
        const audit = new AuditTrail(
            auditLog,
            config.persistence,
            () => config.clock.now(),
            () => {
                bound.live?.settleExpiries()
            },
            config.scheduler ?? realScheduler
        )
        const live = new LivePolicies(config, state, auditLog, audit)
        bound.live = live
        const authorization = new Authorization(config, live, audit)
        const service = new KpowService(
            config,
            authorization,
            new TemporaryPolicies(config, live, authorization, audit),
            audit,
            new MockControl(config, live, audit)
        )
        await live.start()
        return service
    }
}
