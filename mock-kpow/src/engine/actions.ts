/**
 * Kpow's action catalogue (kpow-mock.md §5, seeds 000/001/004).
 *
 * Policies may name leaf actions (what a request asks for, e.g. TOPIC_DATA_QUERY) or umbrella
 * actions that stand for several leaves (TOPIC_INSPECT = TOPIC_DATA_QUERY + TOPIC_DATA_DOWNLOAD).
 * The engine only ever compares leaves: `expandActions` turns a policy's list into leaves once, so
 * an umbrella grants exactly its leaves and nothing is matched by name coincidence.
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
    'GROUP_EDIT',
    'GROUP_DELETE',
    'BROKER_EDIT',
    'ACL_EDIT',
    'BULK_ACTION',
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

/** Actions a request can ask for: what `evaluateAccess` compares. */
export const LEAF_ACTIONS: readonly string[] = [
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

/** Every name a policy may use: leaves first, then umbrellas. */
export const KNOWN_ACTIONS: readonly string[] = [...LEAF_ACTIONS, ...UMBRELLA_ACTIONS.keys()]

const knownActionSet: ReadonlySet<string> = new Set(KNOWN_ACTIONS)

export function isKnownAction(name: string): boolean {
    return knownActionSet.has(name)
}

export function isUmbrellaAction(name: string): boolean {
    return UMBRELLA_ACTIONS.has(name)
}

/**
 * Leaf actions granted by a policy's action list, deduplicated, in first-mention order.
 * Unknown names pass through unchanged: validation (rbac-model, schemas) refuses them earlier, and
 * passing them through keeps this function total without inventing a meaning for them.
 *
 * expandActions(["TOPIC_INSPECT", "TOPIC_PRODUCE"]) -> ["TOPIC_DATA_QUERY", "TOPIC_DATA_DOWNLOAD", "TOPIC_PRODUCE"]
 */
export function expandActions(actions: readonly string[]): readonly string[] {
    const leaves = new Set<string>()
    for (const action of actions) {
        const umbrella = UMBRELLA_ACTIONS.get(action)
        if (umbrella === undefined) leaves.add(action)
        else for (const leaf of umbrella) leaves.add(leaf)
    }
    return [...leaves]
}
