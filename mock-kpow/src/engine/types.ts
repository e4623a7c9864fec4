// The engine's vocabulary. Pure data: string unions, readonly arrays, no classes with I/O.
// Every other layer (auth, http, store, cli, ui) speaks these types to the engine.

export type Effect = 'Allow' | 'Deny' | 'Stage'

export type EvaluationStrategy = 'STRICT' | 'STAGE_LENIENT'

/** A concrete resource or a pattern: [DOMAIN_TYPE, DOMAIN_ID, OBJECT_TYPE?, OBJECT_ID?]. */
export type ResourcePath = readonly string[]

/** A policy as Kpow stores it, after validation: `role`/`roles` and `resource`/`resources` normalised to lists. */
export interface Policy {
    readonly roles: readonly string[]
    readonly actions: readonly string[]
    readonly effect: Effect
    readonly resources: readonly ResourcePath[]
    /** Where the policy came from, for explanations: "rbac:<index>" or "temporary:<id>". */
    readonly source: string
}

export interface TenantResourceRule {
    readonly include?: readonly ResourcePath[]
    readonly exclude?: readonly ResourcePath[]
}

export interface Tenant {
    readonly name: string
    readonly description: string
    readonly resources: readonly TenantResourceRule[]
    readonly roles: readonly string[]
    readonly presentationMode?: string
}

/** A validated RBAC file. */
export interface RbacModel {
    /** undefined = the file did not say: any role named in a policy is authorized. */
    readonly authorizedRoles: readonly string[] | undefined
    readonly adminRoles: readonly string[]
    readonly policies: readonly Policy[]
    /** Kpow's defaults (Global, Kpow Hidden) when the file has no `tenants` key. */
    readonly tenants: readonly Tenant[]
    /** Kpow's RBAC guide: the SAML attribute that carries roles (`saml.role_field`), when the file names one. */
    readonly samlRoleField?: string
}

/** A temporary policy as returned by Kpow's API. */
export interface TemporaryPolicy {
    readonly id: string
    readonly created_ts: number
    readonly duration_ms: number
    /** Echoed as the client sent it (role or roles, resource or resources). */
    readonly policy: TemporaryPolicyBody
    readonly tenant_id: string
    readonly created_by: string
}

export interface TemporaryPolicyBody {
    readonly role?: string
    readonly roles?: readonly string[]
    readonly actions: readonly string[]
    readonly effect: Effect
    readonly resource?: ResourcePath
    readonly resources?: readonly ResourcePath[]
}

export interface AccessRequest {
    readonly roles: readonly string[]
    readonly action: string
    /** A concrete resource, e.g. ["cluster", "42RglGpZQwy9D5VzTVpCWA", "topic", "tx_trade1"]. */
    readonly resource: ResourcePath
}

export type DecisionReason = 'Explicit Deny' | 'Staged' | 'Allowed' | 'Implicit Deny'

export interface Decision {
    readonly effect: Effect
    readonly reason: DecisionReason
    /** The policies that decided (all matching policies of the winning effect); empty for Implicit Deny. */
    readonly policies: readonly Policy[]
}

/** A Kafka cluster known to the mock: policies may name it by id or by environment name. */
export interface ClusterIdentity {
    readonly id: string
    readonly name: string
}
