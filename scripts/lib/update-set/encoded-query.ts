// ServiceNow encoded queries, as Flow Designer conditions and GlideRecord.addEncodedQuery use them.
//
// Precedence follows the platform: `^NQ` separates whole queries that are OR-ed, `^` AND-s terms,
// and `^OR` binds a term to the one before it (`a^b^ORc` means a AND (b OR c)).
// `^EQ` merely terminates a query and is dropped.
//
// A field is a column name with optional dot-walks (`opened_by.manager`) or a data pill
// (`{{step.output}}`); the caller decides what a field resolves to.

export type QueryOperator =
    | '='
    | '!='
    | 'IN'
    | 'NOT IN'
    | 'ISEMPTY'
    | 'ISNOTEMPTY'
    | 'STARTSWITH'
    | 'ENDSWITH'
    | 'LIKE'
    | 'NOT LIKE'
    | '>='
    | '<='
    | '>'
    | '<'

/**
 * Operators on how a field changes in the update being made (business rules, notifications): they
 * are read into words only, since matching them needs the previous value (`parseEncodedQuery`
 * refuses them unless asked with `{ changes: true }`).
 */
export type ChangeOperator = 'VALCHANGES' | 'CHANGESFROM' | 'CHANGESTO'

export interface QueryTerm<Operator extends string = QueryOperator> {
    field: string
    operator: Operator
    value: string
}

/** OR of AND-ed clauses, each clause an OR of terms. */
export interface EncodedQuery<Operator extends string = QueryOperator> {
    text: string
    alternatives: QueryTerm<Operator>[][][]
    orderBy: { field: string; descending: boolean }[]
}

export class EncodedQueryError extends Error {
    constructor(
        readonly query: string,
        message: string
    ) {
        super(`Encoded query "${query}": ${message}`)
        this.name = 'EncodedQueryError'
    }
}

// Longest first so that `!=` is not read as `=` and `NOT IN` not as `IN`.
const operatorsByLength: QueryOperator[] = [
    'ISNOTEMPTY',
    'STARTSWITH',
    'ENDSWITH',
    'NOT LIKE',
    'ISEMPTY',
    'NOT IN',
    'LIKE',
    'IN',
    '!=',
    '>=',
    '<=',
    '=',
    '>',
    '<',
]

const changeOperatorsByLength: ChangeOperator[] = ['CHANGESFROM', 'VALCHANGES', 'CHANGESTO']

const valuelessOperators = new Set<string>(['ISEMPTY', 'ISNOTEMPTY', 'VALCHANGES'])

// Column names are lower case; operators are upper case, which is what separates `stateIN3,4`.
const fieldPattern = /^(\{\{[^}]*\}\}|[a-z_$][a-z0-9_.$]*)/

export function parseEncodedQuery(text: string): EncodedQuery
export function parseEncodedQuery(
    text: string,
    options: { changes: true }
): EncodedQuery<QueryOperator | ChangeOperator>
export function parseEncodedQuery(
    text: string,
    options: { changes?: boolean } = {}
): EncodedQuery<QueryOperator | ChangeOperator> {
    const operators = options.changes ? [...changeOperatorsByLength, ...operatorsByLength] : operatorsByLength
    const parseTerm = (query: string, termText: string) => parseTermWith(operators, query, termText)
    const orderBy: EncodedQuery['orderBy'] = []
    const alternatives: QueryTerm<QueryOperator | ChangeOperator>[][][] = []
    const trimmed = text.trim()
    if (trimmed === '') return { text, alternatives: [[]], orderBy }
    for (const queryText of trimmed.split('^NQ')) {
        const clauses: QueryTerm<QueryOperator | ChangeOperator>[][] = []
        for (const part of splitTopLevel(queryText)) {
            if (part === '' || part === 'EQ') continue
            if (part.startsWith('ORDERBYDESC')) {
                orderBy.push({ field: part.slice('ORDERBYDESC'.length), descending: true })
                continue
            }
            if (part.startsWith('ORDERBY')) {
                orderBy.push({ field: part.slice('ORDERBY'.length), descending: false })
                continue
            }
            if (part.startsWith('OR')) {
                const previous = clauses[clauses.length - 1]
                if (!previous) throw new EncodedQueryError(text, `"^${part}" has no condition before it to OR with`)
                previous.push(parseTerm(text, part.slice(2)))
                continue
            }
            clauses.push([parseTerm(text, part)])
        }
        alternatives.push(clauses)
    }
    return { text, alternatives, orderBy }
}

// Split on `^` but not inside `{{...}}` data pills, whose labels may contain anything.
function splitTopLevel(queryText: string): string[] {
    const parts: string[] = []
    let current = ''
    let pillDepth = 0
    for (let index = 0; index < queryText.length; index += 1) {
        if (queryText.startsWith('{{', index)) pillDepth += 1
        if (queryText.startsWith('}}', index) && pillDepth > 0) pillDepth -= 1
        const character = queryText.charAt(index)
        if (character === '^' && pillDepth === 0) {
            parts.push(current)
            current = ''
        } else {
            current += character
        }
    }
    parts.push(current)
    return parts
}

function parseTermWith<Operator extends string>(
    operators: readonly Operator[],
    query: string,
    termText: string
): QueryTerm<Operator> {
    const fieldMatch = fieldPattern.exec(termText)
    if (!fieldMatch?.[1]) throw new EncodedQueryError(query, `"${termText}" does not start with a field name`)
    const field = fieldMatch[1]
    const rest = termText.slice(field.length)
    const operator = operators.find((candidate) => rest.startsWith(candidate))
    if (!operator) {
        throw new EncodedQueryError(query, `unsupported operator in "${termText}" (supported: ${operators.join(', ')})`)
    }
    const value = rest.slice(operator.length)
    if (valuelessOperators.has(operator) && value !== '') {
        throw new EncodedQueryError(query, `"${operator}" takes no value but "${termText}" has one`)
    }
    return { field, operator, value }
}

/** Resolves a field (or data pill) of the candidate to its stored value; '' when empty. */
export type FieldResolver = (field: string) => string

export function matchesEncodedQuery(query: EncodedQuery, resolve: FieldResolver): boolean {
    return query.alternatives.some((clauses) =>
        clauses.every((terms) => terms.some((term) => matchesTerm(term, resolve(term.field))))
    )
}

export function evaluateTerm(term: QueryTerm, actual: string): boolean {
    return matchesTerm(term, actual)
}

function matchesTerm(term: QueryTerm, actual: string): boolean {
    const { operator, value } = term
    switch (operator) {
        case '=':
            return actual === value
        case '!=':
            return actual !== value
        case 'IN':
            return value.split(',').includes(actual)
        case 'NOT IN':
            return !value.split(',').includes(actual)
        case 'ISEMPTY':
            return actual === ''
        case 'ISNOTEMPTY':
            return actual !== ''
        case 'STARTSWITH':
            return actual.toLowerCase().startsWith(value.toLowerCase())
        case 'ENDSWITH':
            return actual.toLowerCase().endsWith(value.toLowerCase())
        case 'LIKE':
            return actual.toLowerCase().includes(value.toLowerCase())
        case 'NOT LIKE':
            return !actual.toLowerCase().includes(value.toLowerCase())
        case '>=':
        case '<=':
        case '>':
        case '<':
            return compareOrdered(operator, actual, value)
        default: {
            const unreachable: never = operator
            throw new Error(`unhandled operator ${String(unreachable)}`)
        }
    }
}

// Numbers compare as numbers, everything else (dates are `YYYY-MM-DD HH:mm:ss`) as text.
function compareOrdered(operator: '>=' | '<=' | '>' | '<', actual: string, expected: string): boolean {
    if (actual === '') return false
    const bothNumeric =
        actual.trim() !== '' &&
        expected.trim() !== '' &&
        !Number.isNaN(Number(actual)) &&
        !Number.isNaN(Number(expected))
    const comparison = bothNumeric
        ? Math.sign(Number(actual) - Number(expected))
        : actual < expected
          ? -1
          : actual > expected
            ? 1
            : 0
    switch (operator) {
        case '>=':
            return comparison >= 0
        case '<=':
            return comparison <= 0
        case '>':
            return comparison > 0
        case '<':
            return comparison < 0
    }
}
