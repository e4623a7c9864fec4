// Ordering from the Service Catalog: the active items with their variables, the checks the form and
// the platform make on submit, the request, its item and variable values, and the item's flow.
import { LocalInstanceError, OrderRefusedError, type OrderProblem } from './errors'
import type { FlowCatalog } from './flow-model'
import type { FlowEngine, FlowRun } from './flow/index'
import type { Database, StoredRecord } from './tables'

export interface OrderResult {
    request: { sysId: string; number: string }
    requestItem: { sysId: string; number: string }
    flowRun?: FlowRun
}

export interface CatalogEntry {
    item: StoredRecord
    variables: StoredRecord[]
}

/** Active catalog items with their variables in form order. */
export function catalogItems(database: Database): CatalogEntry[] {
    return database
        .query('sc_cat_item', 'active=true^ORDERBYname')
        .map((item) => ({ item, variables: variablesOf(database, item.sys_id) }))
}

/** Orders an item for the requester; starts the item's flow in the background. */
export function orderCatalogItem(
    database: Database,
    catalog: FlowCatalog,
    engine: FlowEngine,
    order: { itemName: string; variables: Record<string, string>; asUserName: string; requester: string }
): OrderResult {
    const { itemName, variables, asUserName, requester } = order
    const item = database.query('sc_cat_item', `name=${itemName}^active=true`)[0]
    if (!item) throw new LocalInstanceError(`No active catalog item "${itemName}"`)
    const itemVariables = variablesOf(database, item.sys_id)
    checkOrder(database, itemName, itemVariables, variables)
    const request = database.insert(
        'sc_request',
        { opened_by: requester, requested_for: requester, approval: 'approved' },
        asUserName
    )
    const requestItem = database.insert(
        'sc_req_item',
        {
            request: request.sys_id,
            cat_item: item.sys_id,
            opened_by: requester,
            requested_for: requester,
            short_description: item.name ?? '',
        },
        asUserName
    )
    for (const variable of itemVariables) {
        const option = database.insert(
            'sc_item_option',
            { item_option_new: variable.sys_id, value: variables[variable.name ?? ''] ?? variable.default_value ?? '' },
            asUserName
        )
        database.insert(
            'sc_item_option_mtom',
            { request_item: requestItem.sys_id, sc_item_option: option.sys_id },
            asUserName
        )
    }
    const result: OrderResult = {
        request: { sysId: request.sys_id, number: request.number ?? '' },
        requestItem: { sysId: requestItem.sys_id, number: requestItem.number ?? '' },
    }
    const flow = catalog.flows.find((candidate) => candidate.sysId === item.flow_designer_flow)
    if (flow) result.flowRun = engine.startForRequestedItem(flow, requestItem, requester)
    return result
}

/** Values of an item's variables, by variable name. */
export function requestItemVariables(database: Database, requestItemSysId: string): Record<string, string> {
    const values: Record<string, string> = {}
    for (const link of database.query('sc_item_option_mtom', `request_item=${requestItemSysId}`)) {
        const option = database.require('sc_item_option', link.sc_item_option ?? '')
        values[database.resolvePath('sc_item_option', option.sys_id, 'item_option_new.name')] = option.value ?? ''
    }
    return values
}

function variablesOf(database: Database, itemSysId: string): StoredRecord[] {
    return database
        .query('item_option_new', `cat_item=${itemSysId}^active=true`)
        .sort((left, right) => Number(left.order ?? 0) - Number(right.order ?? 0))
}

// What the catalog form and the platform enforce on submit: known names, mandatory values,
// select box choices, validation regexes.
function checkOrder(
    database: Database,
    itemName: string,
    itemVariables: StoredRecord[],
    values: Record<string, string>
): void {
    const problems: OrderProblem[] = []
    const names = new Set(itemVariables.map((variable) => variable.name ?? ''))
    for (const name of Object.keys(values)) {
        if (!names.has(name))
            problems.push({
                variable: '',
                message: `"${name}" is not a variable of the item (variables: ${[...names].join(', ')})`,
            })
    }
    for (const variable of itemVariables) {
        const name = variable.name ?? ''
        const value = values[name] ?? ''
        const refuse = (message: string) => problems.push({ variable: name, message })
        if (value === '') {
            if (variable.mandatory === 'true') refuse(`"${name}" (${variable.question_text ?? ''}) is mandatory`)
            continue
        }
        const choices = database
            .query('question_choice', `question=${variable.sys_id}^inactive!=true`)
            .map((choice) => choice.value ?? '')
        if (variable.type === '5' && !choices.includes(value))
            refuse(`"${name}" must be one of ${choices.join(', ')}; got "${value}"`)
        const regexRecord = variable.validate_regex
            ? database.get('question_regex', variable.validate_regex)
            : undefined
        if (regexRecord?.regex && !new RegExp(regexRecord.regex).test(value)) {
            refuse(`"${name}": ${regexRecord.validation_message || `does not match ${regexRecord.regex}`}`)
        }
    }
    if (problems.length > 0) throw new OrderRefusedError(itemName, problems)
}
