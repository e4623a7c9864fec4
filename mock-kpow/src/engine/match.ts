/**
 * Resource matching (Kpow's RBAC docs).
 *
 * A resource is `[DOMAIN_TYPE, DOMAIN_ID, OBJECT_TYPE?, OBJECT_ID?]`. A pattern has the same shape;
 * each element matches by exactly one of four wildcard forms, anything else is literal:
 *
 *   matchElement("*", "anything")            -> true   (all)
 *   matchElement("tx_*", "tx_trade1")        -> true   (starts with)
 *   matchElement("*_event", "order_event")   -> true   (ends with)
 *   matchElement("*csv*", "my-csv-sink")     -> true   (contains)
 *   matchElement("tx-events", "tx-events")   -> true   (exact)
 *   matchElement("tx*trade", "tx_trade")     -> false  (an inner "*" is a literal character)
 *
 * A pattern shorter than the resource covers everything below it:
 *
 *   matchResource(["*"], ["schema", "a2f0", "subject", "s"])                 -> true
 *   matchResource(["cluster", "*"], ["cluster", "N9x", "topic", "t"])        -> true
 *   matchResource(["cluster", "*", "topic"], ["cluster", "N9x", "group", "g"]) -> false
 *   matchResource(["cluster", "*", "topic", "t"], ["cluster", "N9x"])        -> false (longer than the resource)
 *
 * A domain id may be written as the cluster's id or its environment name (Kpow release 79): with
 * clusters = [{id: "42Rg", name: "Prod"}], ["cluster", "Prod"] matches ["cluster", "42Rg", ...] and
 * ["cluster", "42Rg"] matches ["cluster", "Prod", ...]. The alias applies to every domain type,
 * because a Connect domain's id *is* its Kafka cluster's id (Kpow's RBAC docs) and a schema registry's id
 * (a SHA-256 hash) cannot collide with a cluster's id or name.
 */
import type { ClusterIdentity, ResourcePath } from './types'

export type ElementPattern =
    | { readonly kind: 'any' }
    | { readonly kind: 'exact'; readonly text: string }
    | { readonly kind: 'prefix'; readonly text: string }
    | { readonly kind: 'suffix'; readonly text: string }
    | { readonly kind: 'contains'; readonly text: string }

const ANY: ElementPattern = { kind: 'any' }

/** Classifies one pattern element; "**" and friends degenerate to `any` (they match every string). */
export function parseElement(pattern: string): ElementPattern {
    if (pattern === '*') return ANY
    const starts = pattern.startsWith('*')
    const ends = pattern.endsWith('*')
    if (starts && ends) {
        const text = pattern.slice(1, -1)
        return text === '' ? ANY : { kind: 'contains', text }
    }
    if (ends) return { kind: 'prefix', text: pattern.slice(0, -1) }
    if (starts) return { kind: 'suffix', text: pattern.slice(1) }
    return { kind: 'exact', text: pattern }
}

export function isWildcard(pattern: string): boolean {
    return pattern.startsWith('*') || pattern.endsWith('*')
}

export function matchParsedElement(pattern: ElementPattern, value: string): boolean {
    switch (pattern.kind) {
        case 'any':
            return true
        case 'exact':
            return value === pattern.text
        case 'prefix':
            return value.startsWith(pattern.text)
        case 'suffix':
            return value.endsWith(pattern.text)
        case 'contains':
            return value.includes(pattern.text)
        default: {
            const unreachable: never = pattern
            throw new Error(`unknown element pattern ${JSON.stringify(unreachable)}`)
        }
    }
}

export function matchElement(pattern: string, value: string): boolean {
    if (pattern === '*') return true
    const starts = pattern.startsWith('*')
    const ends = pattern.endsWith('*')
    if (starts && ends) return pattern.length <= 2 || value.includes(pattern.slice(1, -1))
    if (ends) return value.startsWith(pattern.slice(0, -1))
    if (starts) return value.endsWith(pattern.slice(1))
    return value === pattern
}

/** Id <-> environment-name lookups for domain ids, built once per clusters array. */
export interface ClusterAliases {
    /** The cluster id a domain id stands for (a known name becomes its id; anything else is itself). */
    canonical(domainId: string): string
    /** The environment name of a canonical id, if it is a known cluster. */
    nameOf(canonicalId: string): string | undefined
}

const NO_ALIASES: ClusterAliases = { canonical: (domainId) => domainId, nameOf: () => undefined }
const aliasCache = new WeakMap<readonly ClusterIdentity[], ClusterAliases>()

export function clusterAliases(clusters: readonly ClusterIdentity[] | undefined): ClusterAliases {
    if (clusters === undefined || clusters.length === 0) return NO_ALIASES
    const cached = aliasCache.get(clusters)
    if (cached !== undefined) return cached
    // A name is an alias only when it names exactly one cluster and is nobody's id: an ambiguous
    // name would make "which domain is this?" depend on configuration order.
    const ids = new Set(clusters.map((cluster) => cluster.id))
    const nameCounts = new Map<string, number>()
    for (const cluster of clusters) nameCounts.set(cluster.name, (nameCounts.get(cluster.name) ?? 0) + 1)
    const idByName = new Map<string, string>()
    const nameById = new Map<string, string>()
    for (const cluster of clusters) {
        if (nameCounts.get(cluster.name) !== 1 || ids.has(cluster.name)) continue
        idByName.set(cluster.name, cluster.id)
        nameById.set(cluster.id, cluster.name)
    }
    const aliases: ClusterAliases = {
        canonical: (domainId) => idByName.get(domainId) ?? domainId,
        nameOf: (canonicalId) => nameById.get(canonicalId),
    }
    aliasCache.set(clusters, aliases)
    return aliases
}

/** Every spelling of a domain id: itself, and its id or name when it is a known cluster. */
export function domainIdSpellings(domainId: string, aliases: ClusterAliases): readonly string[] {
    const id = aliases.canonical(domainId)
    const name = aliases.nameOf(id)
    const spellings = [domainId]
    if (id !== domainId) spellings.push(id)
    if (name !== undefined && name !== domainId) spellings.push(name)
    return spellings
}

const DOMAIN_ID_INDEX = 1

function matchDomainId(pattern: string, domainId: string, aliases: ClusterAliases): boolean {
    return domainIdSpellings(domainId, aliases).some((spelling) => matchElement(pattern, spelling))
}

export function matchResource(
    pattern: ResourcePath,
    resource: ResourcePath,
    clusters?: readonly ClusterIdentity[]
): boolean {
    if (pattern.length > resource.length) return false
    const aliases = clusterAliases(clusters)
    return everyPosition(pattern, resource, pattern.length, (element, value, index) =>
        index === DOMAIN_ID_INDEX ? matchDomainId(element, value, aliases) : matchElement(element, value)
    )
}

/** Whether `test` holds for the first `count` pairs of elements (the domain id is position 1). */
function everyPosition(
    a: ResourcePath,
    b: ResourcePath,
    count: number,
    test: (x: string, y: string, index: number) => boolean
): boolean {
    for (let index = 0; index < count; index++) {
        if (!test(a[index] as string, b[index] as string, index)) return false
    }
    return true
}

/** True when every string matched by `inner` is matched by `outer`. */
export function elementCovers(outer: string, inner: string): boolean {
    const o = parseElement(outer)
    const i = parseElement(inner)
    if (o.kind === 'any') return true
    switch (i.kind) {
        case 'any':
            return false
        case 'exact':
            return matchParsedElement(o, i.text)
        case 'prefix':
            return (
                (o.kind === 'prefix' && i.text.startsWith(o.text)) || (o.kind === 'contains' && i.text.includes(o.text))
            )
        case 'suffix':
            return (
                (o.kind === 'suffix' && i.text.endsWith(o.text)) || (o.kind === 'contains' && i.text.includes(o.text))
            )
        case 'contains':
            return o.kind === 'contains' && i.text.includes(o.text)
        default: {
            const unreachable: never = i
            throw new Error(`unknown element pattern ${JSON.stringify(unreachable)}`)
        }
    }
}

/**
 * True when some string could match both elements. Exact for every pair of forms except that a
 * prefix and a suffix (or anything with a contains) always meet: "ab*" and "*yz" share "abyz".
 */
export function elementsIntersect(a: string, b: string): boolean {
    const pa = parseElement(a)
    const pb = parseElement(b)
    if (pa.kind === 'exact') return matchParsedElement(pb, pa.text)
    if (pb.kind === 'exact') return matchParsedElement(pa, pb.text)
    if (pa.kind === 'prefix' && pb.kind === 'prefix') return pa.text.startsWith(pb.text) || pb.text.startsWith(pa.text)
    if (pa.kind === 'suffix' && pb.kind === 'suffix') return pa.text.endsWith(pb.text) || pb.text.endsWith(pa.text)
    return true
}

function domainIdCovers(outer: string, inner: string, aliases: ClusterAliases): boolean {
    if (elementCovers(outer, inner)) return true
    // A literal inner id stands for one domain, whichever way it is spelled; a wildcard inner id
    // matches unknown domains too, so only plain language containment (above) is sound for it.
    return !isWildcard(inner) && matchDomainId(outer, inner, aliases)
}

function domainIdsIntersect(
    a: string,
    b: string,
    aliases: ClusterAliases,
    clusters: readonly ClusterIdentity[]
): boolean {
    if (elementsIntersect(a, b)) return true
    if (!isWildcard(a)) return matchDomainId(b, a, aliases)
    if (!isWildcard(b)) return matchDomainId(a, b, aliases)
    return clusters.some(
        (cluster) =>
            (matchElement(a, cluster.id) || matchElement(a, cluster.name)) &&
            (matchElement(b, cluster.id) || matchElement(b, cluster.name))
    )
}

/**
 * True when every concrete resource matched by `inner` is matched by `outer`
 * ("an admin cannot grant beyond their own permissions").
 *
 *   patternCovers(["cluster", "*"], ["cluster", "42Rg", "topic", "t"])      -> true
 *   patternCovers(["cluster", "*", "topic", "tx_*"], ["cluster", "*", "topic", "tx_a*"]) -> true
 *   patternCovers(["cluster", "*", "topic", "t"], ["cluster", "*", "topic"]) -> false (inner covers every topic)
 *   patternCovers(["cluster", "*"], ["*"])                                   -> false (inner covers schemas too)
 */
export function patternCovers(
    outer: ResourcePath,
    inner: ResourcePath,
    clusters?: readonly ClusterIdentity[]
): boolean {
    if (outer.length > inner.length) return false
    const aliases = clusterAliases(clusters)
    return everyPosition(outer, inner, outer.length, (o, i, index) =>
        index === DOMAIN_ID_INDEX ? domainIdCovers(o, i, aliases) : elementCovers(o, i)
    )
}

/**
 * Conservative: true when some concrete resource could match both patterns (false only when
 * none can). Patterns of different lengths meet below the longer one.
 *
 *   patternsIntersect(["cluster", "*", "topic", "tx_*"], ["cluster", "42Rg"]) -> true
 *   patternsIntersect(["cluster", "*", "topic"], ["cluster", "*", "group"])   -> false
 */
export function patternsIntersect(a: ResourcePath, b: ResourcePath, clusters?: readonly ClusterIdentity[]): boolean {
    const aliases = clusterAliases(clusters)
    const shared = Math.min(a.length, b.length)
    return everyPosition(a, b, shared, (x, y, index) =>
        index === DOMAIN_ID_INDEX ? domainIdsIntersect(x, y, aliases, clusters ?? []) : elementsIntersect(x, y)
    )
}
