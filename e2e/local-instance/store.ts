// Where the local instance keeps its state between restarts when started with --data-dir: one
// SQLite database (better-sqlite3, synchronous like the in-memory tables it backs) in the folder.
// - local-instance.sqlite holds every table row (in insertion order), journal entries, number
//   counters and the flow runs with, for a run that waits, where it waits (flow/). The
//   tables stay in memory as the working set: a write goes to SQLite first (a transaction), and only
//   once it is stored is it applied in memory, so an error means nothing happened. WAL with
//   synchronous=NORMAL: a committed write survives the process being killed (kill -9); a power cut
//   may lose the last ones.
// - local-instance.lock holds the pid of the one process using the folder: a second process refuses
//   to start, a lock whose process is gone is taken over (as mock-kpow's data dir does).
// - meta.schema_version says how the database is laid out; a database of another version is refused
//   with one line rather than read wrongly.
// Without --data-dir there is no store: the tables are memory only, as fast as before.
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { LocalInstanceError, StoreUnavailableError } from './errors'
import { PidLockError, takePidLock, type PidLock } from '../../scripts/lib/common/index'

/** One entry of a journal field (work notes, comments), as the store keeps it. */
export interface JournalEntry {
    element: string
    value: string
    author: string
    createdOn: string
}

/** Where the offset is kept (the meta table with --data-dir). */
export interface ClockOffsetStore {
    loadClockOffset(): number | undefined
    putClockOffset(offsetMs: number): void
}

/** The layout this code reads and writes; any other is refused. */
export const STORE_SCHEMA_VERSION = 1
const DATABASE_FILE = 'local-instance.sqlite'
const LOCK_FILE = 'local-instance.lock'

/** What the tables write through to (tables.ts); every method runs inside `transaction`. */
export interface RecordStore {
    putRecord(table: string, row: Readonly<Record<string, string>>): void
    deleteRecord(table: string, sysId: string): void
    appendJournal(table: string, sysId: string, entry: JournalEntry): void
    setCounter(table: string, value: number): void
    /** Runs `work` atomically: everything it stored is kept, or (it threw) nothing is. */
    transaction<T>(work: () => T): T
}

/** What the flow engine writes through to (flow/): each run as JSON, by id. */
export interface FlowContextStore {
    putFlowContext(runId: string, context: unknown): void
}

/** The tables as stored, to fill a fresh Database with. */
export interface StoredTables {
    records: { table: string; row: Record<string, string> }[]
    journals: { table: string; sysId: string; entry: JournalEntry }[]
    counters: Map<string, number>
}

export class SqliteInstanceStore implements RecordStore, FlowContextStore, ClockOffsetStore {
    private readonly lock: PidLock
    private readonly database: BetterSqlite3.Database
    private readonly statements: ReturnType<typeof prepare>

    private constructor(readonly directory: string) {
        mkdirSync(directory, { recursive: true })
        this.lock = takeLock(directory)
        try {
            this.database = new BetterSqlite3(join(directory, DATABASE_FILE))
            this.database.pragma('journal_mode = WAL')
            this.database.pragma('synchronous = NORMAL')
            migrate(this.database, join(directory, DATABASE_FILE))
            this.statements = prepare(this.database)
        } catch (error) {
            this.lock.release()
            if (error instanceof LocalInstanceError) throw error
            throw new LocalInstanceError(
                `${join(directory, DATABASE_FILE)} cannot be opened as the local instance's database (${(error as Error).message}): pass another --data-dir`
            )
        }
    }

    /** Opens (creating it when absent) the data dir, taking its lock. */
    static open(directory: string): SqliteInstanceStore {
        return new SqliteInstanceStore(resolve(directory))
    }

    /** Whether the folder held an instance already (any row at all). */
    hasState(): boolean {
        return this.statements.anyRecord.get() !== undefined
    }

    loadTables(): StoredTables {
        const records = (this.statements.allRecords.all() as { tbl: string; fields: string }[]).map((stored) => ({
            table: stored.tbl,
            row: JSON.parse(stored.fields) as Record<string, string>,
        }))
        const journals = (
            this.statements.allJournal.all() as {
                tbl: string
                sys_id: string
                element: string
                value: string
                author: string
                created_on: string
            }[]
        ).map((stored) => ({
            table: stored.tbl,
            sysId: stored.sys_id,
            entry: {
                element: stored.element,
                value: stored.value,
                author: stored.author,
                createdOn: stored.created_on,
            },
        }))
        const counters = new Map(
            (this.statements.allCounters.all() as { tbl: string; value: number }[]).map((stored) => [
                stored.tbl,
                stored.value,
            ])
        )
        return { records, journals, counters }
    }

    loadFlowContexts(): unknown[] {
        return (this.statements.allFlowContexts.all() as { context: string }[]).map(
            (stored) => JSON.parse(stored.context) as unknown
        )
    }

    putRecord(table: string, row: Readonly<Record<string, string>>): void {
        this.statements.putRecord.run(table, row.sys_id ?? '', JSON.stringify(row))
    }

    deleteRecord(table: string, sysId: string): void {
        this.statements.deleteRecord.run(table, sysId)
        this.statements.deleteJournal.run(table, sysId)
    }

    appendJournal(table: string, sysId: string, entry: JournalEntry): void {
        this.statements.appendJournal.run(table, sysId, entry.element, entry.value, entry.author, entry.createdOn)
    }

    setCounter(table: string, value: number): void {
        this.statements.setCounter.run(table, value)
    }

    putFlowContext(runId: string, context: unknown): void {
        this.writing(() => this.statements.putFlowContext.run(runId, JSON.stringify(context)))
    }

    /** The clock's offset (clock.ts), kept in the meta table: no schema change for older folders. */
    loadClockOffset(): number | undefined {
        const stored = this.statements.getMeta.get('clock_offset_ms') as { value: string } | undefined
        const offset = stored === undefined ? undefined : Number(stored.value)
        return offset !== undefined && Number.isSafeInteger(offset) && offset >= 0 ? offset : undefined
    }

    putClockOffset(offsetMs: number): void {
        this.writing(() => this.statements.putMeta.run('clock_offset_ms', String(offsetMs)))
    }

    transaction<T>(work: () => T): T {
        // better-sqlite3 nests a transaction inside another as a savepoint.
        return this.writing(() => this.database.transaction(work)())
    }

    /**
     * Runs a write; SQLite refusing it (the disk is full, an I/O error: SQLite has rolled it back)
     * becomes a StoreUnavailableError saying so in one line, which callers answer as a 503.
     */
    private writing<T>(write: () => T): T {
        try {
            return write()
        } catch (error) {
            if (!(error instanceof BetterSqlite3.SqliteError)) throw error
            throw new StoreUnavailableError(
                `the data dir ${this.directory} could not store the change (${error.code}: ${error.message}): nothing was changed; free disk space there and try again`
            )
        }
    }

    close(): void {
        if (this.database.open) this.database.close()
        this.lock.release()
    }
}

function migrate(database: BetterSqlite3.Database, path: string): void {
    const tables = (database.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[])
        .map((table) => table.name)
        .filter((name) => !name.startsWith('sqlite_'))
    if (tables.length === 0) {
        database.exec(`
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE records (tbl TEXT NOT NULL, sys_id TEXT NOT NULL, fields TEXT NOT NULL, PRIMARY KEY (tbl, sys_id));
            CREATE TABLE journal (id INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT NOT NULL, sys_id TEXT NOT NULL,
                element TEXT NOT NULL, value TEXT NOT NULL, author TEXT NOT NULL, created_on TEXT NOT NULL);
            CREATE INDEX journal_record ON journal (tbl, sys_id);
            CREATE TABLE counters (tbl TEXT PRIMARY KEY, value INTEGER NOT NULL);
            CREATE TABLE flow_contexts (run_id TEXT PRIMARY KEY, context TEXT NOT NULL);
        `)
        database.prepare(`INSERT INTO meta (key, value) VALUES ('schema_version', ?)`).run(String(STORE_SCHEMA_VERSION))
        return
    }
    const version = tables.includes('meta')
        ? (
              database.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).get() as
                  { value: string } | undefined
          )?.value
        : undefined
    if (version !== String(STORE_SCHEMA_VERSION)) {
        throw new LocalInstanceError(
            version === undefined
                ? `${path} is not a local instance database (no schema version): pass another --data-dir`
                : `${path} has schema version ${version}; this local instance reads version ${String(STORE_SCHEMA_VERSION)} only: use the kit that wrote it, or pass another --data-dir`
        )
    }
}

function prepare(database: BetterSqlite3.Database) {
    return {
        anyRecord: database.prepare('SELECT 1 FROM records LIMIT 1'),
        allRecords: database.prepare('SELECT tbl, fields FROM records ORDER BY rowid'),
        allJournal: database.prepare('SELECT tbl, sys_id, element, value, author, created_on FROM journal ORDER BY id'),
        allCounters: database.prepare('SELECT tbl, value FROM counters'),
        allFlowContexts: database.prepare('SELECT context FROM flow_contexts ORDER BY rowid'),
        // An upsert keeps the row's rowid, so the load gives records back in insertion order.
        putRecord: database.prepare(
            'INSERT INTO records (tbl, sys_id, fields) VALUES (?, ?, ?) ON CONFLICT (tbl, sys_id) DO UPDATE SET fields = excluded.fields'
        ),
        deleteRecord: database.prepare('DELETE FROM records WHERE tbl = ? AND sys_id = ?'),
        deleteJournal: database.prepare('DELETE FROM journal WHERE tbl = ? AND sys_id = ?'),
        appendJournal: database.prepare(
            'INSERT INTO journal (tbl, sys_id, element, value, author, created_on) VALUES (?, ?, ?, ?, ?, ?)'
        ),
        setCounter: database.prepare(
            'INSERT INTO counters (tbl, value) VALUES (?, ?) ON CONFLICT (tbl) DO UPDATE SET value = excluded.value'
        ),
        getMeta: database.prepare('SELECT value FROM meta WHERE key = ?'),
        putMeta: database.prepare(
            'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
        ),
        putFlowContext: database.prepare(
            'INSERT INTO flow_contexts (run_id, context) VALUES (?, ?) ON CONFLICT (run_id) DO UPDATE SET context = excluded.context'
        ),
    }
}

/** Takes the folder's lock, or says in one line which process holds it. */
function takeLock(directory: string): PidLock {
    try {
        return takePidLock(directory, LOCK_FILE, { holder: 'local instance', flag: '--data-dir' })
    } catch (error) {
        if (error instanceof PidLockError) throw new LocalInstanceError(error.message)
        throw error
    }
}
