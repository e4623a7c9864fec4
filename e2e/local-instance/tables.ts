// In-memory tables holding exactly the fields the flow and its pages touch.
//
// Values are strings, as GlideRecord stores them: references hold the target's sys_id, booleans
// 'true'/'false', choices their value. Journal fields (work_notes, comments, approval_history)
// are not stored on the record: each write appends an entry with author and time, as
// sys_journal_field does. A write to an unknown table or field is refused, never ignored.
//
// With a store (store.ts, --data-dir) every write is stored before it is applied in memory: a write
// that fails (a refused value, a rule that throws, the store itself) changes nothing. `transaction`
// makes several writes one: all of them, or (it threw) none, in the store and in memory.
import { randomBytes } from 'node:crypto'
import { matchesEncodedQuery, parseEncodedQuery } from '../../scripts/lib/update-set/index'
import { StoreUnavailableError } from './errors'
import type { JournalEntry, RecordStore, StoredTables } from './store'

export type { JournalEntry } from './store'

export type FieldType =
    | 'string'
    | 'reference'
    | 'journal'
    | 'choice'
    | 'boolean'
    | 'integer'
    | 'date_time'
    /** An encrypted password (the platform's password2): never shown, never queried. */
    | 'password2'

export interface FieldSchema {
    type: FieldType
    /** Target table of a reference field. */
    reference?: string
    /** value -> label, for choice fields. */
    choices?: Record<string, string>
    defaultValue?: string
}

export interface TableSchema {
    name: string
    /** Field shown for a reference to this table (`getDisplayValue`). */
    displayField: string
    /** Prefix of auto-numbered records (`RITM` -> RITM0010001). */
    numberPrefix?: string
    fields: Record<string, FieldSchema>
}

export type StoredRecord = Readonly<Record<string, string>> & { readonly sys_id: string }

export interface RecordChange {
    table: string
    sysId: string
    operation: 'insert' | 'update'
    changedFields: string[]
    record: StoredRecord
}

export type ChangeListener = (change: RecordChange) => void

export class TableError extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'TableError'
    }
}

const systemFields: Record<string, FieldSchema> = {
    sys_id: { type: 'string' },
    sys_created_on: { type: 'date_time' },
    sys_created_by: { type: 'string' },
    sys_updated_on: { type: 'date_time' },
    sys_updated_by: { type: 'string' },
}

export function newSysId(): string {
    return randomBytes(16).toString('hex')
}

export function isSysId(value: string): boolean {
    return /^[0-9a-f]{32}$/.test(value)
}

/** `YYYY-MM-DD HH:mm:ss` in UTC, the platform's internal date-time format. */
export function glideDateTime(instant: Date): string {
    return instant.toISOString().replace('T', ' ').slice(0, 19)
}

/**
 * A before-write business rule: given the record as it is (undefined on insert) and the values being
 * written, returns further values to write in the same operation (e.g. `active=false` with a closed
 * state), as the platform's before rules do. Throwing refuses the write.
 */
export interface BeforeWriteRule {
    table: string
    before(current: StoredRecord | undefined, values: Readonly<Record<string, string>>): Record<string, string>
}

export interface DatabaseOptions {
    schemas: TableSchema[]
    now?: () => Date
    rules?: BeforeWriteRule[]
    /** Where writes go before they are applied; none: memory only. */
    store?: RecordStore
}

/** A write in memory, undone when its transaction fails. */
type Undo = () => void

export class Database {
    private readonly schemas = new Map<string, TableSchema>()
    private readonly rows = new Map<string, Map<string, Record<string, string>>>()
    private readonly journals = new Map<string, JournalEntry[]>()
    private readonly counters = new Map<string, number>()
    private readonly listeners = new Set<ChangeListener>()
    private readonly rules: BeforeWriteRule[]
    private readonly store: RecordStore | undefined
    /** Set while a transaction runs: how to undo its writes in memory, the changes to announce after, what waits for it. */
    private open: { undo: Undo[]; changes: RecordChange[]; committed: (() => void)[] } | undefined
    readonly now: () => Date

    constructor(options: DatabaseOptions) {
        this.now = options.now ?? (() => new Date())
        this.rules = options.rules ?? []
        this.store = options.store
        for (const schema of options.schemas) {
            this.schemas.set(schema.name, { ...schema, fields: { ...systemFields, ...schema.fields } })
            this.rows.set(schema.name, new Map())
        }
    }

    hasTable(table: string): boolean {
        return this.schemas.has(table)
    }

    schema(table: string): TableSchema {
        const schema = this.schemas.get(table)
        if (!schema) {
            throw new TableError(
                `Table "${table}" does not exist in the local instance (known: ${[...this.schemas.keys()].join(', ')})`
            )
        }
        return schema
    }

    field(table: string, field: string): FieldSchema {
        const fields = this.schema(table).fields
        // Own fields only: `constructor` or `toString` is no field of any table.
        const schema = Object.hasOwn(fields, field) ? fields[field] : undefined
        if (!schema) throw new TableError(`Field "${field}" does not exist on table "${table}"`)
        return schema
    }

    hasField(table: string, field: string): boolean {
        const fields = this.schemas.get(table)?.fields
        return fields !== undefined && Object.hasOwn(fields, field)
    }

    onChange(listener: ChangeListener): () => void {
        this.listeners.add(listener)
        return () => this.listeners.delete(listener)
    }

    /**
     * Fills the (empty) tables with what a store kept, in insertion order; no rule runs and no
     * listener is told, as nothing is being written. A field the schema no longer has is dropped, a
     * field it gained takes its default; a table it no longer has is refused.
     */
    restore(stored: StoredTables): void {
        for (const { table, row } of stored.records) {
            const schema = this.schema(table)
            const restored: Record<string, string> = {}
            for (const [name, field] of Object.entries(schema.fields)) {
                if (field.type !== 'journal') restored[name] = row[name] ?? field.defaultValue ?? ''
            }
            this.table(table).set(restored.sys_id ?? '', restored)
        }
        for (const { table, sysId, entry } of stored.journals) {
            const key = journalKey(table, sysId, entry.element)
            this.journals.set(key, [...(this.journals.get(key) ?? []), entry])
        }
        for (const [table, value] of stored.counters) this.counters.set(table, value)
    }

    /**
     * Runs `work` as one write: if it throws, nothing it wrote stays (store and memory), and the
     * changes are announced to listeners only once it has succeeded. Inside another, part of it.
     */
    transaction<T>(work: () => T): T {
        if (this.open) return work()
        const open: { undo: Undo[]; changes: RecordChange[]; committed: (() => void)[] } = {
            undo: [],
            changes: [],
            committed: [],
        }
        this.open = open
        let result: T
        try {
            result = this.store ? this.store.transaction(work) : work()
        } catch (error) {
            for (const undo of open.undo.reverse()) undo()
            throw error
        } finally {
            this.open = undefined
        }
        for (const change of open.changes) this.emit(change)
        for (const then of open.committed) then()
        return result
    }

    /**
     * What to do once the transaction running now is stored (at once outside one), and what to undo
     * if it fails instead: a flow run an order starts begins only once the order is stored (SQLite
     * may refuse it as late as the commit, a full disk), and is forgotten if it is not.
     */
    afterCommit(committed: () => void, rolledBack: () => void = () => {}): void {
        if (!this.open) return committed()
        this.open.committed.push(committed)
        this.open.undo.push(rolledBack)
    }

    insert(table: string, values: Record<string, string>, asUserName = 'system'): StoredRecord {
        const schema = this.schema(table)
        const rows = this.table(table)
        const sysId = values.sys_id ?? newSysId()
        if (!isSysId(sysId)) throw new TableError(`sys_id "${sysId}" for ${table} is not 32 lowercase hex digits`)
        if (rows.has(sysId)) throw new TableError(`${table} already has a record ${sysId}`)
        const stamp = glideDateTime(this.now())
        const row: Record<string, string> = {}
        for (const [name, field] of Object.entries(schema.fields)) {
            if (field.type !== 'journal') row[name] = field.defaultValue ?? ''
        }
        Object.assign(row, {
            sys_id: sysId,
            sys_created_on: stamp,
            sys_created_by: asUserName,
            sys_updated_on: stamp,
            sys_updated_by: asUserName,
        })
        const previousCounter = this.counters.get(table)
        let counter: number | undefined
        if (schema.numberPrefix && 'number' in schema.fields && !values.number) {
            counter = (previousCounter ?? 10000) + 1
            row.number = `${schema.numberPrefix}${String(counter).padStart(7, '0')}`
        }
        const { changed, entries } = this.assign(table, row, this.applyRules(table, undefined, values), asUserName)
        this.persist(() => {
            this.store?.putRecord(table, row)
            for (const entry of entries) this.store?.appendJournal(table, sysId, entry)
            if (counter !== undefined) this.store?.setCounter(table, counter)
        })
        rows.set(sysId, row)
        if (counter !== undefined) this.counters.set(table, counter)
        const undoJournals = this.appendJournals(table, sysId, entries)
        this.open?.undo.push(() => {
            rows.delete(sysId)
            if (previousCounter === undefined) this.counters.delete(table)
            else this.counters.set(table, previousCounter)
            undoJournals()
        })
        const record = this.snapshot(row)
        this.emit({ table, sysId, operation: 'insert', changedFields: changed, record })
        return record
    }

    update(table: string, sysId: string, values: Record<string, string>, asUserName = 'system'): StoredRecord {
        const rows = this.table(table)
        const current = rows.get(sysId)
        if (!current) throw new TableError(`${table} has no record ${sysId}`)
        // Worked out on a copy: a refused value half-way leaves the record as it was.
        const row = { ...current }
        const { changed, entries } = this.assign(
            table,
            row,
            this.applyRules(table, this.snapshot(current), values),
            asUserName
        )
        if (changed.length === 0) return this.snapshot(current)
        row.sys_updated_on = glideDateTime(this.now())
        row.sys_updated_by = asUserName
        this.persist(() => {
            this.store?.putRecord(table, row)
            for (const entry of entries) this.store?.appendJournal(table, sysId, entry)
        })
        rows.set(sysId, row)
        const undoJournals = this.appendJournals(table, sysId, entries)
        this.open?.undo.push(() => {
            rows.set(sysId, current)
            undoJournals()
        })
        const record = this.snapshot(row)
        this.emit({ table, sysId, operation: 'update', changedFields: changed, record })
        return record
    }

    /** Deletes a record and its journal entries; listeners are not told (nothing waits on a deletion). */
    delete(table: string, sysId: string): void {
        const rows = this.table(table)
        const current = rows.get(sysId)
        if (!current) throw new TableError(`${table} has no record ${sysId}`)
        this.persist(() => this.store?.deleteRecord(table, sysId))
        rows.delete(sysId)
        const removedJournals = new Map<string, JournalEntry[]>()
        for (const [name, field] of Object.entries(this.schema(table).fields)) {
            const key = journalKey(table, sysId, name)
            const entries = this.journals.get(key)
            if (field.type === 'journal' && entries) {
                removedJournals.set(key, entries)
                this.journals.delete(key)
            }
        }
        this.open?.undo.push(() => {
            rows.set(sysId, current)
            for (const [key, entries] of removedJournals) this.journals.set(key, entries)
        })
    }

    get(table: string, sysId: string): StoredRecord | undefined {
        const row = this.table(table).get(sysId)
        return row ? this.snapshot(row) : undefined
    }

    require(table: string, sysId: string): StoredRecord {
        const record = this.get(table, sysId)
        if (!record) throw new TableError(`${table} has no record ${sysId}`)
        return record
    }

    /** Records matching an encoded query, in insertion order unless the query orders them. */
    query(table: string, encodedQuery = ''): StoredRecord[] {
        const query = parseEncodedQuery(encodedQuery)
        const matches = [...this.table(table).values()]
            .filter((row) => matchesEncodedQuery(query, (field) => this.resolvePath(table, row.sys_id ?? '', field)))
            .map((row) => this.snapshot(row))
        for (const order of [...query.orderBy].reverse()) {
            matches.sort((left, right) => {
                const comparison = (left[order.field] ?? '').localeCompare(right[order.field] ?? '')
                return order.descending ? -comparison : comparison
            })
        }
        return matches
    }

    journal(table: string, sysId: string, field: string): JournalEntry[] {
        if (this.field(table, field).type !== 'journal')
            throw new TableError(`${table}.${field} is not a journal field`)
        return [...(this.journals.get(journalKey(table, sysId, field)) ?? [])]
    }

    /**
     * Follows a dot-walked path (`opened_by.manager.name`) from a record; '' when a reference on the
     * way is empty, as the platform does. A path through an unknown field is an error.
     */
    resolvePath(table: string, sysId: string, path: string): string {
        let currentTable = table
        let currentId = sysId
        const segments = path.split('.')
        for (const [index, segment] of segments.entries()) {
            const field = this.field(currentTable, segment)
            const row = this.table(currentTable).get(currentId)
            if (!row) return ''
            if (field.type === 'journal') {
                const entries = this.journals.get(journalKey(currentTable, currentId, segment)) ?? []
                return entries.map((entry) => entry.value).join('\n')
            }
            const value = row[segment] ?? ''
            if (index === segments.length - 1) return value
            if (field.type !== 'reference' || !field.reference) {
                throw new TableError(
                    `Cannot dot-walk through ${currentTable}.${segment} in "${path}": it is not a reference`
                )
            }
            if (value === '') return ''
            currentTable = field.reference
            currentId = value
        }
        return ''
    }

    /** The table a dot-walked path ends on, and the field there. */
    describePath(table: string, path: string): { table: string; field: FieldSchema } {
        let currentTable = table
        const segments = path.split('.')
        for (const [index, segment] of segments.entries()) {
            const field = this.field(currentTable, segment)
            if (index === segments.length - 1) return { table: currentTable, field }
            if (field.type !== 'reference' || !field.reference) {
                throw new TableError(
                    `Cannot dot-walk through ${currentTable}.${segment} in "${path}": it is not a reference`
                )
            }
            currentTable = field.reference
        }
        throw new TableError(`Empty field path on ${table}`)
    }

    displayValue(table: string, sysId: string, field: string): string {
        const schema = this.field(table, field)
        const value = this.resolvePath(table, sysId, field)
        if (value === '') return ''
        if (schema.type === 'reference' && schema.reference) {
            const target = this.schema(schema.reference)
            return this.get(schema.reference, value)?.[target.displayField] ?? value
        }
        if (schema.type === 'choice' && schema.choices && Object.hasOwn(schema.choices, value))
            return schema.choices[value] ?? value
        return value
    }

    recordDisplayValue(table: string, sysId: string): string {
        return this.get(table, sysId)?.[this.schema(table).displayField] ?? ''
    }

    /** Writes `values` into `row` (not yet stored); the journal entries they add are returned, not appended. */
    private assign(
        table: string,
        row: Record<string, string>,
        values: Record<string, string>,
        author: string
    ): { changed: string[]; entries: JournalEntry[] } {
        const changed: string[] = []
        const entries: JournalEntry[] = []
        for (const [name, value] of Object.entries(values)) {
            if (name === 'sys_id') continue
            const field = this.field(table, name)
            if (field.type === 'journal') {
                if (value === '') continue
                entries.push({ element: name, value, author, createdOn: glideDateTime(this.now()) })
                changed.push(name)
                continue
            }
            if (field.type === 'choice' && field.choices && value !== '' && !Object.hasOwn(field.choices, value)) {
                throw new TableError(
                    `${table}.${name} has no choice "${value}" (choices: ${Object.keys(field.choices).join(', ')})`
                )
            }
            if (field.type === 'reference' && value !== '' && !isSysId(value)) {
                throw new TableError(
                    `${table}.${name} references ${field.reference ?? 'a record'} by sys_id, got "${value}"`
                )
            }
            if (row[name] !== value) {
                row[name] = value
                changed.push(name)
            }
        }
        return { changed, entries }
    }

    /** Appends journal entries in memory; returns how to take them back. */
    private appendJournals(table: string, sysId: string, entries: JournalEntry[]): Undo {
        const lengths = new Map<string, number>()
        for (const entry of entries) {
            const key = journalKey(table, sysId, entry.element)
            const journal = this.journals.get(key) ?? []
            if (!lengths.has(key)) lengths.set(key, journal.length)
            journal.push(entry)
            this.journals.set(key, journal)
        }
        return () => {
            for (const [key, length] of lengths) this.journals.get(key)?.splice(length)
        }
    }

    /** Stores a write before it is applied: alone as its own transaction, or as part of the open one. */
    private persist(write: () => void): void {
        if (!this.store) return
        if (this.open) write()
        else this.store.transaction(write)
    }

    private applyRules(
        table: string,
        current: StoredRecord | undefined,
        values: Record<string, string>
    ): Record<string, string> {
        let written = values
        for (const rule of this.rules) {
            if (rule.table === table) written = { ...written, ...rule.before(current, written) }
        }
        return written
    }

    private table(table: string): Map<string, Record<string, string>> {
        this.schema(table)
        const rows = this.rows.get(table)
        if (!rows) throw new TableError(`Table "${table}" has no storage`)
        return rows
    }

    private snapshot(row: Record<string, string>): StoredRecord {
        return Object.freeze({ ...row, sys_id: row.sys_id ?? '' })
    }

    private emit(change: RecordChange): void {
        if (this.open) {
            this.open.changes.push(change)
            return
        }
        for (const listener of [...this.listeners]) {
            try {
                listener(change)
            } catch (error) {
                // The change is stored already: its answer must not say otherwise. A follow-up write
                // (an email, cancelling approvals) the store could not take is logged in one line.
                if (!(error instanceof StoreUnavailableError)) throw error
                console.error(
                    `local instance: a follow-up of the ${change.operation} of ${change.table} ${change.sysId} was not stored: ${error.message}`
                )
            }
        }
    }
}

function journalKey(table: string, sysId: string, field: string): string {
    return `${table}:${sysId}:${field}`
}
