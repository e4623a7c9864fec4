// Data pills: `{{<source>.<output>[.<dot-walk>...]}}` inside Flow Designer input values.
//
// Sources in a flow: the trigger (`Service Catalog_1`), an earlier action by its ui_id (a UUID).
// Sources in a custom action: `action` (the action's inputs) and `step[<cid>]` (a step's outputs).

export interface DataPill {
    /** The text between the braces. */
    text: string
    source: string
    /** Output name, then dot-walked fields. */
    path: string[]
}

const pillPattern = /\{\{([^{}]*)\}\}/g

export function findDataPills(value: string): DataPill[] {
    return [...value.matchAll(pillPattern)].map((match) => parseDataPill(match[1] ?? ''))
}

export function parseDataPill(text: string): DataPill {
    const stepMatch = /^(step\[[^\]]+\])\.(.+)$/.exec(text)
    if (stepMatch?.[1] && stepMatch[2]) return { text, source: stepMatch[1], path: stepMatch[2].split('.') }
    const dot = text.indexOf('.')
    if (dot <= 0) return { text, source: text, path: [] }
    return { text, source: text.slice(0, dot), path: text.slice(dot + 1).split('.') }
}

/** The whole value is exactly one pill: its resolved value keeps its type (a record stays a record). */
export function singlePill(value: string): DataPill | undefined {
    const trimmed = value.trim()
    const pills = findDataPills(trimmed)
    return pills.length === 1 && pills[0] && `{{${pills[0].text}}}` === trimmed ? pills[0] : undefined
}

export function replaceDataPills(value: string, resolve: (pill: DataPill) => string): string {
    return value.replace(pillPattern, (_whole, text: string) => resolve(parseDataPill(text)))
}
