// Data pills resolved against a run's scope: `{{source.output.field}}` in a value or a condition,
// dot-walking through references as Flow Designer does.
import type { DataPill, EncodedQuery } from '../../../scripts/lib/update-set/index'
import { replaceDataPills, singlePill } from '../../../scripts/lib/update-set/index'
import type { Database } from '../tables'
import { TableError } from '../tables'
import type { RunValue, Scope } from './run-model'

/** A value that is exactly one pill keeps its table (a record stays a record). */
export function resolveValue(database: Database, value: string, scope: Scope): RunValue {
    const pill = singlePill(value)
    if (pill) return resolvePill(database, pill, scope)
    return { value: resolveText(database, value, scope) }
}

export function resolveText(database: Database, value: string, scope: Scope): string {
    return replaceDataPills(value, (pill) => resolvePill(database, pill, scope).value)
}

function resolvePill(database: Database, pill: DataPill, scope: Scope): RunValue {
    if (pill.source === 'static') return { value: pill.path.join('.') }
    const [output, ...walk] = pill.path
    const base = scope.get(pill.source)?.get(output ?? '')
    // A pill from a step that did not run (another branch) is empty, as in Flow Designer.
    if (!base) return { value: '' }
    if (walk.length === 0) return base
    if (!base.table) throw new TableError(`{{${pill.text}}} dot-walks from "${output ?? ''}", which is not a record`)
    const path = walk.join('.')
    const target = database.describePath(base.table, path)
    const value = base.value === '' ? '' : database.resolvePath(base.table, base.value, path)
    return target.field.type === 'reference' ? { value, table: target.field.reference ?? '' } : { value }
}

/** The query with each term's value's pills resolved (an If's condition compares against them). */
export function withPillValues(database: Database, query: EncodedQuery, scope: Scope): EncodedQuery {
    return {
        ...query,
        alternatives: query.alternatives.map((clauses) =>
            clauses.map((terms) => terms.map((term) => ({ ...term, value: resolveText(database, term.value, scope) })))
        ),
    }
}
