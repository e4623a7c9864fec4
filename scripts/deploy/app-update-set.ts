/**
 * What the deploy tool needs to know about the update set it deploys, read from the set itself
 * (through the update-set library) rather than written down twice: the retrieved set's sys_id,
 * name and version, the app's sys_id and scope, the flows, actions, catalog item (with its
 * variables' choices) and the connection alias; and a fingerprint of the file (SHA-256), which a
 * deploy leaves on the instance to tell an unchanged set from a changed one.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { readUpdateSet, recordsOfTable, UpdateSetFormatError } from '../lib/update-set/index.ts'
import type { PayloadRecord } from '../lib/update-set/index.ts'
import { DeployError } from './errors.ts'

export interface NamedRecord {
    sysId: string
    name: string
}

export interface CatalogVariable {
    name: string
    sysId: string
    /** Choice values in the form's order (empty for free-text variables). */
    choices: string[]
}

export interface AppUpdateSet {
    file: string
    fileName: string
    xml: string
    /** SHA-256 of the file, hex. */
    sha256: string
    /** The retrieved set's sys_id, kept by the instance on import. */
    sysId: string
    name: string
    version: string
    /** The scoped app (sys_app); a global set (the guide's) has none: `global`. */
    app: NamedRecord & { scope: string }
    flows: NamedRecord[]
    actions: NamedRecord[]
    /** Absent from a set without one (then `smoke` cannot run). */
    catalogItem?: NamedRecord
    /** The connection alias the actions use; absent from a set that relies on one made by hand. */
    alias?: NamedRecord & { id: string }
    variables: CatalogVariable[]
    /** The form buttons (sys_ui_action) the app adds, with their action names. */
    uiActions: Array<NamedRecord & { actionName: string }>
    /** sys_update_xml sys_id → "<type> <target name>", to name a preview problem's record. */
    updateNames: ReadonlyMap<string, string>
}

/** The guide's item, which the smoke test orders (it serves the topic query access profile). */
const GUIDE_ITEM_NAME = 'Request Kpow Topic Query Access'

function field(record: PayloadRecord, name: string): string {
    return record.fields[name]?.value ?? ''
}

function atMostOne(records: PayloadRecord[], table: string, file: string): PayloadRecord | undefined {
    const [record, ...others] = records
    if (others.length > 0) {
        throw new DeployError(
            `${file} holds ${records.length} ${table} records; the deploy expects at most one`,
            'deploy the set `npm run build` writes (update-sets/kpow-jit-access.xml), or pass it with --update-set'
        )
    }
    return record
}

export function readAppUpdateSetText(xml: string, file: string): AppUpdateSet {
    let set
    try {
        set = readUpdateSet(xml)
    } catch (error) {
        if (error instanceof UpdateSetFormatError) {
            throw new DeployError(
                `${file} is not a readable update set: ${error.message}`,
                'run `npm run build` to write it again'
            )
        }
        throw error
    }
    const named = (record: PayloadRecord): NamedRecord => ({
        sysId: field(record, 'sys_id'),
        name: field(record, 'name'),
    })
    const app = atMostOne(recordsOfTable(set, 'sys_app'), 'sys_app', file)
    // One item per access profile: the smoke test orders the guide's topic item when the set has several.
    const items = recordsOfTable(set, 'sc_cat_item')
    const catalogItem =
        items.length > 1
            ? (items.find((item) => field(item, 'name') === GUIDE_ITEM_NAME) ?? atMostOne(items, 'sc_cat_item', file))
            : items[0]
    const alias = atMostOne(recordsOfTable(set, 'sys_alias'), 'sys_alias', file)
    const flows = recordsOfTable(set, 'sys_hub_flow').map(named)
    if (flows.length === 0) {
        throw new DeployError(`${file} holds no flow (sys_hub_flow)`, 'deploy the set `npm run build` writes')
    }
    const choices = recordsOfTable(set, 'question_choice')
    const variables = recordsOfTable(set, 'item_option_new')
        .filter((variable) => catalogItem !== undefined && field(variable, 'cat_item') === field(catalogItem, 'sys_id'))
        .map((variable) => ({
            name: field(variable, 'name'),
            sysId: field(variable, 'sys_id'),
            choices: choices
                .filter((choice) => field(choice, 'question') === field(variable, 'sys_id'))
                .sort((left, right) => Number(field(left, 'order')) - Number(field(right, 'order')))
                .map((choice) => field(choice, 'value')),
        }))
    return {
        file,
        fileName: basename(file),
        xml,
        sha256: createHash('sha256').update(xml, 'utf8').digest('hex'),
        sysId: set.sysId,
        name: set.name,
        version: set.header.application_version?.value || (app ? field(app, 'version') : '') || '(none)',
        app: app ? { ...named(app), scope: field(app, 'scope') } : { sysId: 'global', name: 'Global', scope: 'global' },
        flows,
        actions: recordsOfTable(set, 'sys_hub_action_type_definition').map(named),
        catalogItem: catalogItem ? named(catalogItem) : undefined,
        alias: alias ? { ...named(alias), id: field(alias, 'id') } : undefined,
        variables,
        uiActions: recordsOfTable(set, 'sys_ui_action').map((record) => ({
            ...named(record),
            actionName: field(record, 'action_name'),
        })),
        updateNames: new Map(set.records.map((record) => [record.sysId, `${record.type} "${record.targetName}"`])),
    }
}

export function readAppUpdateSet(file: string): AppUpdateSet {
    let xml: string
    try {
        xml = readFileSync(file, 'utf8')
    } catch (error) {
        throw new DeployError(
            `cannot read the update set ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
            'run `npm run build` to write update-sets/kpow-jit-access.xml, or pass another file with --update-set'
        )
    }
    return readAppUpdateSetText(xml, file)
}
