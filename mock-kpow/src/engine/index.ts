/**
 * The policy engine's public API: pure functions over the types in ./types (no I/O, no clock;
 * `now` is always a parameter). Import from here rather than from the individual modules.
 */
export * from './types'
export {
    ACTION_ALIASES,
    ACTION_EXPANSIONS,
    CLUSTER_ACTIONS,
    KPOW_ACTIONS,
    closestKnownAction,
    CONNECT_ACTIONS,
    KNOWN_ACTIONS,
    KSQLDB_ACTIONS,
    LEAF_ACTIONS,
    SCHEMA_ACTIONS,
    UMBRELLA_ACTIONS,
    expandActions,
    isKnownAction,
    isUmbrellaAction,
} from './actions'
export {
    matchElement,
    matchResource,
    patternCovers,
    patternsIntersect,
    elementCovers,
    elementsIntersect,
} from './match'
export {
    IMPLICIT_DENY,
    combineEffects,
    compilePolicies,
    effectPrecedence,
    evaluateAccess,
    policyAppliesToRoles,
    type PolicyIndex,
} from './evaluate'
export { RbacConfigError, parseRbacDocument, policyResources, policyRoles, policyResourceProblems } from './rbac-model'
export {
    DOMAIN_TYPES,
    EFFECTS,
    OBJECT_TYPES,
    formatSchemaErrors,
    policyBodySchema,
    rbacDocumentSchema,
    resourcePathProblem,
    resourcePathSchema,
    temporaryPolicyBodySchema,
    tenantSchema,
    type FieldProblem,
} from './schemas'
export { isAdmin, isAuthorized } from './roles'
export {
    DEFAULT_TENANTS,
    DEFAULT_TENANT_ID,
    isVisible,
    tenantCovers,
    tenantsConfigured,
    tenantsFor,
    type TenantInference,
} from './tenants'
export {
    activePolicies,
    checkGrant,
    expiresAt,
    isActive,
    toPolicy,
    validateDuration,
    type GrantCheck,
} from './temporary-policies'
