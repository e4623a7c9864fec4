/**
 * Policy evaluation (seeds 001 and 004, kpow-mock.md §6).
 *
 * Gather every policy whose role matches one of the user's roles (a policy role "*" matches every
 * role), whose actions include the requested action after umbrella expansion, and one of whose
 * resource patterns matches the resource. Then:
 *   any Deny -> Deny ("Explicit Deny");
 *   STRICT: any Stage -> Stage, else any Allow -> Allow;
 *   STAGE_LENIENT: any Allow -> Allow, else any Stage -> Stage;
 *   nothing -> Deny ("Implicit Deny").
 * The decision lists every matching policy of the winning effect, in policy order, so a denial can
 * be explained.
 *
 * Two implementations with identical results: `evaluateAccess` scans the list (the readable
 * reference), `compilePolicies(...).evaluate` walks a precompiled index (the fast path, for
 * ≥ 1,000,000 decisions/s at 10,000 policies). Neither caches decisions: temporary policies come
 * and go, so the caller recompiles when the policy set changes.
 *
 * A request normally names a leaf action (TOPIC_DATA_QUERY). If it names an umbrella
 * (TOPIC_INSPECT), each leaf is decided and the most restrictive decision is returned
 * (Explicit Deny > Implicit Deny > Staged > Allowed, first leaf on ties): being allowed an umbrella
 * means being allowed all of it.
 */
import { expandActions, UMBRELLA_ACTIONS } from './actions';
import type { ElementPattern } from './match';
import { clusterAliases, domainIdSpellings, matchParsedElement, matchResource, parseElement } from './match';
import type {
  AccessRequest,
  ClusterIdentity,
  Decision,
  DecisionReason,
  Effect,
  EvaluationStrategy,
  Policy,
  ResourcePath,
} from './types';

const REASON_BY_EFFECT: Readonly<Record<Effect, DecisionReason>> = {
  Deny: 'Explicit Deny',
  Stage: 'Staged',
  Allow: 'Allowed',
};

const STRICT_PRECEDENCE: readonly Effect[] = ['Deny', 'Stage', 'Allow'];
const STAGE_LENIENT_PRECEDENCE: readonly Effect[] = ['Deny', 'Allow', 'Stage'];

/** The order in which effects win: explicit Deny always first, the strategy orders Stage and Allow. */
export function effectPrecedence(strategy: EvaluationStrategy): readonly Effect[] {
  switch (strategy) {
    case 'STRICT':
      return STRICT_PRECEDENCE;
    case 'STAGE_LENIENT':
      return STAGE_LENIENT_PRECEDENCE;
    default: {
      const unreachable: never = strategy;
      throw new Error(`unknown RBAC evaluation strategy ${JSON.stringify(unreachable)}`);
    }
  }
}

export const IMPLICIT_DENY: Decision = Object.freeze({
  effect: 'Deny',
  reason: 'Implicit Deny',
  policies: Object.freeze([]) as readonly Policy[],
});

/** The winning effect among matched items grouped by effect, or undefined when nothing matched. */
export function winningEffect<T>(
  strategy: EvaluationStrategy,
  matched: Readonly<Record<Effect, readonly T[]>>,
): Effect | undefined {
  for (const effect of effectPrecedence(strategy)) {
    if (matched[effect].length > 0) return effect;
  }
  return undefined;
}

export function combineEffects(
  strategy: EvaluationStrategy,
  matched: Readonly<Record<Effect, readonly Policy[]>>,
): Decision {
  const effect = winningEffect(strategy, matched);
  if (effect === undefined) return IMPLICIT_DENY;
  return { effect, reason: REASON_BY_EFFECT[effect], policies: matched[effect] };
}

const RESTRICTIVENESS: Readonly<Record<DecisionReason, number>> = {
  'Explicit Deny': 3,
  'Implicit Deny': 2,
  Staged: 1,
  Allowed: 0,
};

function decideAction(action: string, decideLeaf: (leaf: string) => Decision): Decision {
  const leaves = UMBRELLA_ACTIONS.get(action);
  if (leaves === undefined) return decideLeaf(action);
  let mostRestrictive: Decision = IMPLICIT_DENY;
  let rank = -1;
  for (const leaf of leaves) {
    const decision = decideLeaf(leaf);
    if (RESTRICTIVENESS[decision.reason] > rank) {
      mostRestrictive = decision;
      rank = RESTRICTIVENESS[decision.reason];
    }
  }
  return mostRestrictive;
}

export function policyAppliesToRoles(policyRoles: readonly string[], userRoles: readonly string[]): boolean {
  return policyRoles.some((role) => role === '*' || userRoles.includes(role));
}

/** The reference evaluator: a linear scan, written to be obviously right. */
export function evaluateAccess(
  request: AccessRequest,
  policies: readonly Policy[],
  strategy: EvaluationStrategy,
  clusters?: readonly ClusterIdentity[],
): Decision {
  return decideAction(request.action, (action) => {
    const matched: Record<Effect, Policy[]> = { Deny: [], Stage: [], Allow: [] };
    for (const policy of policies) {
      if (!policyAppliesToRoles(policy.roles, request.roles)) continue;
      if (!expandActions(policy.actions).includes(action)) continue;
      if (!policy.resources.some((pattern) => matchResource(pattern, request.resource, clusters))) continue;
      matched[policy.effect].push(policy);
    }
    return combineEffects(strategy, matched);
  });
}

export interface PolicyIndex {
  /** Same result as `evaluateAccess(request, policies, strategy, clusters)` for the compiled set. */
  evaluate(request: AccessRequest, strategy: EvaluationStrategy): Decision;
  readonly policies: readonly Policy[];
}

/**
 * One level of a resource-pattern trie. A pattern ends at the node after its last element; the
 * policies recorded there match every resource passing through it (shorter covers longer).
 */
interface TrieNode {
  readonly endings: Record<Effect, number[]>;
  readonly exact: Map<string, TrieNode>;
  readonly wildcards: WildcardEdge[];
}

interface WildcardEdge {
  readonly element: string;
  readonly pattern: ElementPattern;
  readonly node: TrieNode;
}

function newNode(): TrieNode {
  return { endings: { Deny: [], Stage: [], Allow: [] }, exact: new Map(), wildcards: [] };
}

const DOMAIN_ID_INDEX = 1;
const ANY_ROLE = '*';

/**
 * Precompiles policies into action -> role -> resource trie. Exact elements are Map lookups;
 * wildcard elements are a short list per node (deduplicated, so 10,000 `["cluster", "*"]`
 * policies share one edge). Cluster names in exact domain ids are resolved to ids here, once.
 */
export function compilePolicies(policies: readonly Policy[], clusters?: readonly ClusterIdentity[]): PolicyIndex {
  const aliases = clusterAliases(clusters);
  const byAction = new Map<string, Map<string, TrieNode>>();

  const insert = (root: TrieNode, pattern: ResourcePath, effect: Effect, ordinal: number): void => {
    let node = root;
    pattern.forEach((rawElement, depth) => {
      const parsed = parseElement(rawElement);
      if (parsed.kind === 'exact') {
        const key = depth === DOMAIN_ID_INDEX ? aliases.canonical(rawElement) : rawElement;
        let child = node.exact.get(key);
        if (child === undefined) {
          child = newNode();
          node.exact.set(key, child);
        }
        node = child;
      } else {
        let edge = node.wildcards.find((candidate) => candidate.element === rawElement);
        if (edge === undefined) {
          edge = { element: rawElement, pattern: parsed, node: newNode() };
          node.wildcards.push(edge);
        }
        node = edge.node;
      }
    });
    const endings = node.endings[effect];
    if (endings[endings.length - 1] !== ordinal) endings.push(ordinal);
  };

  policies.forEach((policy, ordinal) => {
    for (const action of expandActions(policy.actions)) {
      let byRole = byAction.get(action);
      if (byRole === undefined) {
        byRole = new Map();
        byAction.set(action, byRole);
      }
      for (const role of new Set(policy.roles)) {
        let root = byRole.get(role);
        if (root === undefined) {
          root = newNode();
          byRole.set(role, root);
        }
        for (const pattern of policy.resources) insert(root, pattern, policy.effect, ordinal);
      }
    }
  });

  const collect = (
    node: TrieNode,
    resource: ResourcePath,
    depth: number,
    domainIdKey: string,
    domainIdSpellingsOfResource: readonly string[],
    out: Record<Effect, number[]>,
  ): void => {
    const { endings } = node;
    if (endings.Deny.length > 0) out.Deny.push(...endings.Deny);
    if (endings.Stage.length > 0) out.Stage.push(...endings.Stage);
    if (endings.Allow.length > 0) out.Allow.push(...endings.Allow);
    if (depth >= resource.length) return;
    const value = depth === DOMAIN_ID_INDEX ? domainIdKey : (resource[depth] as string);
    const child = node.exact.get(value);
    if (child !== undefined) collect(child, resource, depth + 1, domainIdKey, domainIdSpellingsOfResource, out);
    for (const edge of node.wildcards) {
      const matched =
        depth === DOMAIN_ID_INDEX
          ? domainIdSpellingsOfResource.some((spelling) => matchParsedElement(edge.pattern, spelling))
          : matchParsedElement(edge.pattern, value);
      if (matched) collect(edge.node, resource, depth + 1, domainIdKey, domainIdSpellingsOfResource, out);
    }
  };

  const toPolicies = (ordinals: number[]): readonly Policy[] => {
    if (ordinals.length > 1) ordinals.sort((a, b) => a - b);
    const result: Policy[] = [];
    let previous = -1;
    for (const ordinal of ordinals) {
      if (ordinal !== previous) result.push(policies[ordinal] as Policy);
      previous = ordinal;
    }
    return result;
  };

  const decideLeaf = (request: AccessRequest, action: string, strategy: EvaluationStrategy): Decision => {
    const byRole = byAction.get(action);
    if (byRole === undefined) return IMPLICIT_DENY;
    const { resource } = request;
    const rawDomainId = resource[DOMAIN_ID_INDEX];
    const domainIdKey = rawDomainId === undefined ? '' : aliases.canonical(rawDomainId);
    const spellings = rawDomainId === undefined ? [] : domainIdSpellings(rawDomainId, aliases);
    const out: Record<Effect, number[]> = { Deny: [], Stage: [], Allow: [] };
    for (const role of request.roles) {
      if (role === ANY_ROLE) continue; // the "*" bucket is walked once below for everyone
      const root = byRole.get(role);
      if (root !== undefined) collect(root, resource, 0, domainIdKey, spellings, out);
    }
    const anyRoleRoot = byRole.get(ANY_ROLE);
    if (anyRoleRoot !== undefined) collect(anyRoleRoot, resource, 0, domainIdKey, spellings, out);
    const effect = winningEffect(strategy, out);
    if (effect === undefined) return IMPLICIT_DENY;
    return { effect, reason: REASON_BY_EFFECT[effect], policies: toPolicies(out[effect]) };
  };

  return {
    policies,
    evaluate: (request, strategy) => decideAction(request.action, (action) => decideLeaf(request, action, strategy)),
  };
}
