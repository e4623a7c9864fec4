/**
 * Reads a ServiceNow update set export (an `<unload>` document) into plain data: the
 * sys_remote_update_set header and one entry per sys_update_xml, with its payload document
 * decoded into records. Shared by the build's own checks, the freshness check and the local
 * instance (e2e), so it accepts both this project's set and a real instance export.
 */
import { readFileSync } from 'node:fs'
import { XMLParser, XMLValidator } from 'fast-xml-parser'

/** One field of a record: its text, and its attributes (e.g. display_value). */
export interface FieldValue {
    value: string
    attributes: Record<string, string>
}

/** One element directly under `<record_update>`: a record, or a delete_multiple instruction. */
export interface PayloadRecord {
    table: string
    action: string
    /** The encoded query of an `action="delete_multiple"` element. */
    query?: string
    fields: Record<string, FieldValue>
}

/** A decoded `<payload>`: the `<record_update>` document. */
export interface PayloadDocument {
    /** record_update's table attribute, or the first record's element name when it is missing. */
    table: string
    attributes: Record<string, string>
    records: PayloadRecord[]
}

export interface UpdateSetRecord {
    /** `<table>_<sys_id>`: the record's sys_update_name. */
    name: string
    /** Table of the record the payload carries (from the payload, since exports often leave `table` empty). */
    table: string
    type: string
    targetName: string
    action: string
    sysId: string
    application: string
    /** Every child field of the sys_update_xml element, payload included, as text. */
    fields: Record<string, FieldValue>
    payloadText: string
    payload: PayloadDocument
}

export interface UpdateSet {
    unloadDate: string
    header: Record<string, FieldValue>
    name: string
    sysId: string
    records: UpdateSetRecord[]
}

/**
 * A payload element that removes records rather than holding one: a `delete_multiple` instruction, or
 * a DELETE of one record (what the SDK writes for a record its sources no longer declare).
 */
export function removesRecords(record: { action: string }): boolean {
    return record.action === 'delete_multiple' || record.action === 'DELETE'
}

export class UpdateSetFormatError extends Error {
    override name = 'UpdateSetFormatError'
}

type OrderedNode = { [key: string]: OrderedNode[] | string | Record<string, string> | undefined }

/** How deep elements may nest in a set or a payload. */
const MAX_DEPTH = 100

const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: false,
    cdataPropName: '#cdata',
    commentPropName: '#comment',
    // Far deeper than any export (unload > record > field; record_update > record > field).
    maxNestedTags: MAX_DEPTH,
})

/**
 * Refuses a document type declaration: an export never has one, and it is how external entities
 * (`<!ENTITY x SYSTEM "file:///etc/passwd">`) and entity expansion bombs get in. Only the prolog
 * may hold one, so only the text before the root element is looked at (a script quoting
 * `<!DOCTYPE html>` in a field is text, not a declaration).
 */
function refuseDoctype(xml: string, what: string): void {
    const root = /<[A-Za-z_:]/.exec(xml)
    const prolog = root ? xml.slice(0, root.index) : xml
    if (/<!DOCTYPE/i.test(prolog) || /<!ENTITY/i.test(prolog))
        throw new UpdateSetFormatError(
            `${what} has a document type declaration (<!DOCTYPE>): update set exports have none; export the set again from the instance`
        )
}

/** Parses with the shared parser; what it refuses (nesting too deep, say) is a format error, not a crash. */
function parseXml(xml: string, what: string): OrderedNode[] {
    try {
        return parser.parse(xml) as OrderedNode[]
    } catch (error) {
        throw new UpdateSetFormatError(
            `${what} cannot be read: ${error instanceof Error ? error.message : String(error)}`
        )
    }
}

function validateStrictly(xml: string, what: string): void {
    refuseDoctype(xml, what)
    const verdict = XMLValidator.validate(xml, { allowBooleanAttributes: false })
    if (verdict !== true) {
        const { msg, line, col } = verdict.err
        throw new UpdateSetFormatError(`${what} is not well-formed XML (line ${line}, column ${col}): ${msg}`)
    }
}

function elementName(node: OrderedNode): string | undefined {
    return Object.keys(node).find(
        (key) => key !== ':@' && key !== '#text' && key !== '#cdata' && key !== '#comment' && key !== '?xml'
    )
}

function attributesOf(node: OrderedNode): Record<string, string> {
    const attributes = node[':@']
    return attributes && typeof attributes === 'object' && !Array.isArray(attributes) ? { ...attributes } : {}
}

function childrenOf(node: OrderedNode, name: string): OrderedNode[] {
    const children = node[name]
    return Array.isArray(children) ? children : []
}

/** Concatenated text and CDATA of an element, the way an XML DOM's textContent would read it. */
function textOf(children: OrderedNode[]): string {
    let text = ''
    for (const child of children) {
        const plain = child['#text']
        if (typeof plain === 'string') text += plain
        const cdata = child['#cdata']
        if (Array.isArray(cdata)) text += textOf(cdata)
    }
    return text
}

function fieldsOf(children: OrderedNode[]): Record<string, FieldValue> {
    const fields: Record<string, FieldValue> = {}
    for (const child of children) {
        const name = elementName(child)
        if (!name) continue
        fields[name] = { value: textOf(childrenOf(child, name)), attributes: attributesOf(child) }
    }
    return fields
}

function fieldText(fields: Record<string, FieldValue>, name: string): string {
    return fields[name]?.value ?? ''
}

/** Parses one `<record_update>` payload document. */
export function parsePayload(payloadXml: string): PayloadDocument {
    validateStrictly(payloadXml, 'payload')
    const document = parseXml(payloadXml, 'payload')
    const root = document.find((node) => elementName(node) === 'record_update')
    if (!root) throw new UpdateSetFormatError('payload has no <record_update> root element')
    const records: PayloadRecord[] = []
    for (const child of childrenOf(root, 'record_update')) {
        const table = elementName(child)
        if (!table) continue
        const attributes = attributesOf(child)
        const record: PayloadRecord = {
            table,
            action: attributes.action ?? '',
            fields: fieldsOf(childrenOf(child, table)),
        }
        if (attributes.query !== undefined) record.query = attributes.query
        records.push(record)
    }
    const attributes = attributesOf(root)
    const firstTable = records[0]?.table
    const table = attributes.table ?? firstTable
    if (!table) throw new UpdateSetFormatError('payload <record_update> names no table and holds no record')
    return { table, attributes, records }
}

export interface ReadUpdateSetOptions {
    /**
     * Payloads already parsed, by their text, shared between reads: two versions of one set (what
     * the diff reads) hold mostly the same payloads, each then parsed once. The documents are shared.
     */
    payloadCache?: Map<string, PayloadDocument>
}

/** Parses a whole update set export. Throws UpdateSetFormatError naming what is wrong. */
export function readUpdateSet(xml: string, options: ReadUpdateSetOptions = {}): UpdateSet {
    validateStrictly(xml, 'update set')
    const document = parseXml(xml, 'update set')
    const unload = document.find((node) => elementName(node) === 'unload')
    if (!unload) throw new UpdateSetFormatError('update set has no <unload> root element')
    const unloadDate = attributesOf(unload).unload_date ?? ''
    const children = childrenOf(unload, 'unload')
    const headers = children.filter((child) => elementName(child) === 'sys_remote_update_set')
    if (headers.length !== 1) {
        throw new UpdateSetFormatError(
            `update set must hold exactly one <sys_remote_update_set>, found ${headers.length}`
        )
    }
    const [headerNode] = headers as [OrderedNode]
    const header = fieldsOf(childrenOf(headerNode, 'sys_remote_update_set'))
    const records = children
        .filter((child) => elementName(child) === 'sys_update_xml')
        .map((child): UpdateSetRecord => {
            const fields = fieldsOf(childrenOf(child, 'sys_update_xml'))
            const name = fieldText(fields, 'name')
            const payloadText = fieldText(fields, 'payload')
            let payload: PayloadDocument
            try {
                const cached = options.payloadCache?.get(payloadText)
                payload = cached ?? parsePayload(payloadText)
                if (!cached) options.payloadCache?.set(payloadText, payload)
            } catch (error) {
                throw new UpdateSetFormatError(`sys_update_xml ${name || '(no name)'}: ${(error as Error).message}`)
            }
            return {
                name,
                table: fieldText(fields, 'table') || payload.table,
                type: fieldText(fields, 'type'),
                targetName: fieldText(fields, 'target_name'),
                action: fieldText(fields, 'action'),
                sysId: fieldText(fields, 'sys_id'),
                application: fieldText(fields, 'application'),
                fields,
                payloadText,
                payload,
            }
        })
    return { unloadDate, header, name: fieldText(header, 'name'), sysId: fieldText(header, 'sys_id'), records }
}

export function readUpdateSetFile(path: string): UpdateSet {
    return readUpdateSet(readFileSync(path, 'utf8'))
}

/** All records of one table across every payload (e.g. every sys_hub_action_instance_v2 of the flows). */
export function recordsOfTable(updateSet: UpdateSet, table: string): PayloadRecord[] {
    return updateSet.records.flatMap((entry) =>
        entry.payload.records.filter((record) => record.table === table && !removesRecords(record))
    )
}
