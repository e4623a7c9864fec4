/**
 * Kpow's action catalogue (the article and Kpow's RBAC docs).
 *
 * Policies may name leaf actions (what a request asks for, e.g. TOPIC_DATA_QUERY) or umbrella
 * actions that stand for several leaves (TOPIC_INSPECT = TOPIC_DATA_QUERY + TOPIC_DATA_DOWNLOAD).
 * The engine only ever compares leaves: `expandActions` turns a policy's list into leaves once, so
 * an umbrella grants exactly its leaves and nothing is matched by name coincidence.
 *
 * Kpow's current list (its changelog and authorization docs) adds
 * TOPIC_ELECT_LEADER, TOPIC_ALTER_REASSIGNMENTS, BROKER_UNREGISTER, PRODUCER_EDIT, QUOTA_EDIT and
 * ADMIN ("be a Kpow admin"); GROUP_DELETE was split from GROUP_EDIT in 91.4. Older names still found
 * in Factor House's own files are accepted: the umbrellas below, and the aliases KPOW_ADMIN (= ADMIN,
 * release 79) and TOPIC_ALTER_REPLICAS (= TOPIC_ALTER_REASSIGNMENTS). A file refused for an action
 * name Kpow accepts would be a mock that refuses real files.
 *
 * Where Kpow's documentation is silent, the umbrella contents are inferred [I]:
 * CONNECT_EDIT covers CONNECT_INSPECT and every connector edit but not CONNECT_CREATE (Kpow's
 * simple access control configures creation separately), SCHEMA_EDIT = SCHEMA_VERSION_EDIT +
 * SCHEMA_DELETE (SCHEMA_CREATE likewise stays separate).
 */

export const CLUSTER_ACTIONS = [
    'TOPIC_DATA_QUERY',
    'TOPIC_DATA_DOWNLOAD',
    'TOPIC_PRODUCE',
    'TOPIC_CREATE',
    'TOPIC_EDIT',
    'TOPIC_DELETE',
    'TOPIC_TRUNCATE',
    'TOPIC_ELECT_LEADER',
    'TOPIC_ALTER_REASSIGNMENTS',
    'GROUP_EDIT',
    'GROUP_DELETE',
    'BROKER_EDIT',
    'BROKER_UNREGISTER',
    'ACL_EDIT',
    'BULK_ACTION',
    'PRODUCER_EDIT',
    'QUOTA_EDIT',
] as const

export const SCHEMA_ACTIONS = ['SCHEMA_CREATE', 'SCHEMA_VERSION_EDIT', 'SCHEMA_DELETE'] as const

export const CONNECT_ACTIONS = [
    'CONNECT_CREATE',
    'CONNECT_ALTER_STATE',
    'CONNECT_EDIT_CONFIG',
    'CONNECT_DELETE',
    'CONNECT_INSPECT',
] as const

export const KSQLDB_ACTIONS = ['KSQLDB_QUERY', 'KSQLDB_EXECUTE', 'KSQLDB_TERMINATE_QUERY', 'KSQLDB_INSERT'] as const

/** Kpow-wide actions: ADMIN = "be a Kpow admin" (an Allow of it counts as an admin role, roles.ts). */
export const KPOW_ACTIONS = ['ADMIN'] as const

/** Actions a request can ask for: what `evaluateAccess` compares. */
export const LEAF_ACTIONS: readonly string[] = [
    ...KPOW_ACTIONS,
    ...CLUSTER_ACTIONS,
    ...SCHEMA_ACTIONS,
    ...CONNECT_ACTIONS,
    ...KSQLDB_ACTIONS,
]

/** Umbrella action -> the leaf actions it grants. */
export const UMBRELLA_ACTIONS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
    ['TOPIC_INSPECT', ['TOPIC_DATA_QUERY', 'TOPIC_DATA_DOWNLOAD']],
    ['CONNECT_EDIT', ['CONNECT_INSPECT', 'CONNECT_ALTER_STATE', 'CONNECT_EDIT_CONFIG', 'CONNECT_DELETE']],
    ['SCHEMA_EDIT', ['SCHEMA_VERSION_EDIT', 'SCHEMA_DELETE']],
])

/** Older names of today's actions, still found in Factor House's files: alias -> current name. */
export const ACTION_ALIASES: ReadonlyMap<string, string> = new Map([
    ['KPOW_ADMIN', 'ADMIN'],
    ['TOPIC_ALTER_REPLICAS', 'TOPIC_ALTER_REASSIGNMENTS'],
])

/**
 * Every name that stands for other leaves: umbrellas and aliases (an alias is a one-leaf umbrella).
 * The evaluator asks this one map whether a requested action needs expanding.
 */
export const ACTION_EXPANSIONS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
    ...UMBRELLA_ACTIONS,
    ...[...ACTION_ALIASES].map(([alias, current]): [string, readonly string[]] => [alias, [current]]),
])

/** Every name a policy may use: leaves first, then umbrellas, then aliases. */
export const KNOWN_ACTIONS: readonly string[] = [...LEAF_ACTIONS, ...UMBRELLA_ACTIONS.keys(), ...ACTION_ALIASES.keys()]

const knownActionSet: ReadonlySet<string> = new Set(KNOWN_ACTIONS)

export function isKnownAction(name: string): boolean {
    return knownActionSet.has(name)
}

export function isUmbrellaAction(name: string): boolean {
    return UMBRELLA_ACTIONS.has(name)
}

/**
 * The known action nearest to an unknown name (edit distance, case-insensitive), for "did you
 * mean" in errors: closestKnownAction("TOPIC_READ") -> "TOPIC_CREATE"; "topic_data_query" ->
 * "TOPIC_DATA_QUERY".
 */
export function closestKnownAction(name: string): string {
    const wanted = name.toUpperCase()
    let best = KNOWN_ACTIONS[0] as string
    let bestDistance = Number.POSITIVE_INFINITY
    for (const candidate of KNOWN_ACTIONS) {
        const distance = editDistance(wanted, candidate)
        if (distance < bestDistance) {
            best = candidate
            bestDistance = distance
        }
    }
    return best
}

function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
    for (let i = 1; i <= a.length; i++) {
        const current = [i]
        for (let j = 1; j <= b.length; j++) {
            const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)
            current[j] = Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1)
        }
        previous = current
    }
    return previous[b.length] as number
}

/**
 * Leaf actions granted by a policy's action list (umbrellas and aliases expanded), deduplicated, in
 * first-mention order.
 * Unknown names pass through unchanged: validation (rbac-model, schemas) refuses them earlier, and
 * passing them through keeps this function total without inventing a meaning for them.
 *
 * expandActions(["TOPIC_INSPECT", "TOPIC_PRODUCE"]) -> ["TOPIC_DATA_QUERY", "TOPIC_DATA_DOWNLOAD", "TOPIC_PRODUCE"]
 */
export function expandActions(actions: readonly string[]): readonly string[] {
    const leaves = new Set<string>()
    for (const action of actions) {
        const umbrella = ACTION_EXPANSIONS.get(action)
        if (umbrella === undefined) leaves.add(action)
        else for (const leaf of umbrella) leaves.add(leaf)
    }
    return [...leaves]
}
