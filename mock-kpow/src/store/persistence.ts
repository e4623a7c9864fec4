// Where temporary policies, the clock offset and the audit log live between restarts.
//
// Without --data-dir everything is memory only. With it:
// - mock-kpow.lock holds the pid of the one process using the folder: a second process refuses to
//   start (two writers would each overwrite the other's policies), a lock whose process is gone is
//   taken over;
// - temporary-policies.json holds the whole set of live policies and the clock offset, rewritten
//   atomically (write a temp file, fsync, rename, fsync the directory), so a kill -9 at any instant
//   leaves either the old or the new file, never a torn one; temp files a crash left are removed at
//   start;
// - audit.jsonl is append-only, one JSON record per line, fsynced per batch. A kill -9 during an
//   append can leave a torn last line; loading skips a torn final line (it was never
//   acknowledged to a client, because we answer only after the fsync) and the next append cuts it
//   off, so a record never follows it on the same line. Before an append would take
//   it past AUDIT_FILE_MAX_BYTES it is rotated: audit.jsonl.1 … .N (N = AUDIT_FILES_KEPT, the
//   oldest dropped), so the audit never takes more than (N + 1) × the size on disk; loading reads
//   audit.jsonl.1 before audit.jsonl, so the numbering and the records in memory go on after a
//   rotation.
// Both files are checked on load (store/state-schemas.ts): a damaged entry stops the start with one
// line naming the file, the entry and the field.
import * as nodeFileSystem from 'node:fs/promises'
import { join } from 'node:path'
import type { TemporaryPolicy } from '../engine/types'
import type { AuditRecord } from './audit'
import { auditRecordProblem, checkStateFile } from './state-schemas'
import { PidLockError, takePidLock, type PidLock } from '../../../scripts/lib/common/index'

/** What must survive a restart for decisions to stay the same. */
export interface DurableState {
    readonly temporaryPolicies: readonly TemporaryPolicy[]
    readonly clockOffsetMs: number
}

export interface PersistedState extends DurableState {
    readonly audit: readonly AuditRecord[]
}

export interface Persistence {
    load(): Promise<PersistedState>
    saveState(state: DurableState): Promise<void>
    appendAudit(records: readonly AuditRecord[]): Promise<void>
    /** Releases the data directory for the next process. */
    close(): Promise<void>
    readonly description: string
    /** False for memory-only state: callers then skip the write machinery altogether. */
    readonly durable: boolean
}

export class MemoryPersistence implements Persistence {
    readonly description = 'memory only (no --data-dir)'
    readonly durable = false
    /** `initial`: what tests and the bench start from. */
    constructor(private readonly initial: Partial<PersistedState> = {}) {}
    async load(): Promise<PersistedState> {
        return { temporaryPolicies: [], clockOffsetMs: 0, audit: [], ...this.initial }
    }
    async saveState(): Promise<void> {}
    async appendAudit(): Promise<void> {}
    async close(): Promise<void> {}
}

export class DataDirectoryError extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'DataDirectoryError'
    }
}

/** The file operations persistence uses; tests inject failing ones (a full disk, EIO). */
export type FileSystem = Pick<typeof nodeFileSystem, 'open' | 'rename' | 'readFile' | 'mkdir' | 'readdir' | 'unlink'>

export interface DirectoryPersistenceOptions {
    /** TEMPORARY_POLICY_MAX_MS (-1: no limit): a stored policy longer than the API allows is refused. */
    readonly maxDurationMs: number
    readonly fileSystem?: FileSystem
    /** Size at which audit.jsonl is rotated (default AUDIT_FILE_MAX_BYTES); tests make it small. */
    readonly auditFileMaxBytes?: number
    /** Rotated audit files kept (default AUDIT_FILES_KEPT). */
    readonly auditFilesKept?: number
}

/** audit.jsonl is rotated before an append would take it past this size. */
export const AUDIT_FILE_MAX_BYTES = 16 * 1024 * 1024
/** Rotated audit files kept beside audit.jsonl: audit.jsonl.1 (the newest) to audit.jsonl.4. */
export const AUDIT_FILES_KEPT = 4

const POLICIES_FILE = 'temporary-policies.json'
const AUDIT_FILE = 'audit.jsonl'
const LOCK_FILE = 'mock-kpow.lock'

export class DirectoryPersistence implements Persistence {
    readonly description: string
    readonly durable = true
    private readonly fs: FileSystem
    private lock: PidLock | undefined
    /** Bytes in audit.jsonl now: read at load, counted on each append, zero after a rotation. */
    private auditBytes = 0
    /**
     * audit.jsonl may end past `auditBytes` in a torn line (a crash or a failed write during an
     * append): cut back to `auditBytes` before the next append, so a record never follows a torn one.
     */
    private auditTorn = false

    constructor(
        private readonly dir: string,
        private readonly options: DirectoryPersistenceOptions
    ) {
        this.description = `data directory ${dir}`
        this.fs = options.fileSystem ?? nodeFileSystem
    }

    async load(): Promise<PersistedState> {
        await this.fs.mkdir(this.dir, { recursive: true })
        this.takeLock()
        try {
            await this.removeStaleTempFiles()
            return { ...(await this.loadState()), audit: await this.loadAudit() }
        } catch (error) {
            await this.close()
            throw error
        }
    }

    async close(): Promise<void> {
        this.lock?.release()
        this.lock = undefined
    }

    private takeLock(): void {
        try {
            this.lock = takePidLock(this.dir, LOCK_FILE, { holder: 'mock-kpow', flag: '--data-dir' })
        } catch (error) {
            if (error instanceof PidLockError) throw new DataDirectoryError(error.message)
            throw error
        }
    }

    private async removeStaleTempFiles(): Promise<void> {
        // We hold the lock, so no other process is writing one: any temp file is a crashed write.
        for (const name of await this.fs.readdir(this.dir)) {
            if (name.startsWith(`${POLICIES_FILE}.`) && name.endsWith('.tmp'))
                await this.fs.unlink(join(this.dir, name))
        }
    }

    private async loadState(): Promise<DurableState> {
        const path = join(this.dir, POLICIES_FILE)
        const text = await readIfExists(this.fs, path)
        if (text === undefined) return { temporaryPolicies: [], clockOffsetMs: 0 }
        let parsed: unknown
        try {
            parsed = JSON.parse(text)
        } catch (error) {
            throw new DataDirectoryError(
                `${path}: not a mock-kpow state file (${(error as Error).message}). Move it away or point --data-dir at an empty folder.`
            )
        }
        const checked = checkStateFile(parsed, this.options.maxDurationMs)
        if ('problem' in checked) {
            throw new DataDirectoryError(
                `${path}: ${checked.problem}. Repair the entry, or move the file away to start without temporary policies.`
            )
        }
        return checked
    }

    /** The newest rotated file, then audit.jsonl: enough for the numbering and the newest records. */
    private async loadAudit(): Promise<AuditRecord[]> {
        const seqs = new Set<number>()
        const rotatedPath = join(this.dir, `${AUDIT_FILE}.1`)
        const rotated = this.parseAudit(rotatedPath, await readIfExists(this.fs, rotatedPath), seqs)
        const path = join(this.dir, AUDIT_FILE)
        const text = await readIfExists(this.fs, path)
        const complete = text === undefined ? '' : text.slice(0, text.lastIndexOf('\n') + 1)
        this.auditBytes = Buffer.byteLength(complete)
        this.auditTorn = complete !== (text ?? '')
        return [...rotated, ...this.parseAudit(path, text, seqs)]
    }

    private parseAudit(path: string, text: string | undefined, seqs: Set<number>): AuditRecord[] {
        if (text === undefined) return []
        const lines = text.split('\n')
        const records: AuditRecord[] = []
        lines.forEach((line, index) => {
            if (line.trim() === '') return
            let parsed: unknown
            try {
                parsed = JSON.parse(line)
            } catch {
                // Only the last line can be torn (an append interrupted by a crash); anything else is damage.
                const isLast = lines.slice(index + 1).every((rest) => rest.trim() === '')
                if (isLast) return
                throw new DataDirectoryError(
                    `${path}:${index + 1}: unreadable audit record. Repair or remove the line.`
                )
            }
            const problem = auditRecordProblem(parsed)
            if (problem) throw new DataDirectoryError(`${path}:${index + 1}: ${problem}. Repair or remove the line.`)
            const record = parsed as AuditRecord
            if (seqs.has(record.seq)) {
                throw new DataDirectoryError(
                    `${path}:${index + 1}: seq: duplicate seq ${record.seq}. Repair or remove the line.`
                )
            }
            seqs.add(record.seq)
            records.push(record)
        })
        return records
    }

    async saveState(state: DurableState): Promise<void> {
        const path = join(this.dir, POLICIES_FILE)
        const temp = `${path}.${process.pid}.tmp`
        const body = JSON.stringify(
            { version: 1, clock_offset_ms: state.clockOffsetMs, temporary_policies: state.temporaryPolicies },
            null,
            1
        )
        const handle = await this.fs.open(temp, 'w')
        try {
            await handle.writeFile(body)
            await handle.sync()
        } finally {
            await handle.close()
        }
        await this.fs.rename(temp, path)
        await this.syncDirectory()
    }

    async appendAudit(records: readonly AuditRecord[]): Promise<void> {
        if (records.length === 0) return
        const lines = records.map((record) => `${JSON.stringify(record)}\n`).join('')
        if (this.auditTorn) await this.cutAuditTo(this.auditBytes)
        const maxBytes = this.options.auditFileMaxBytes ?? AUDIT_FILE_MAX_BYTES
        if (this.auditBytes > 0 && this.auditBytes + Buffer.byteLength(lines) > maxBytes) await this.rotateAudit()
        const handle = await this.fs.open(join(this.dir, AUDIT_FILE), 'a')
        try {
            await handle.writeFile(lines)
            await handle.sync()
        } catch (error) {
            // Part of it may be on disk; the retry cuts it off first.
            this.auditTorn = true
            throw error
        } finally {
            await handle.close()
        }
        this.auditBytes += Buffer.byteLength(lines)
    }

    private async cutAuditTo(bytes: number): Promise<void> {
        const handle = await this.fs.open(join(this.dir, AUDIT_FILE), 'r+')
        try {
            await handle.truncate(bytes)
            await handle.sync()
        } finally {
            await handle.close()
        }
        this.auditTorn = false
    }

    /** audit.jsonl becomes audit.jsonl.1, each older file moves one up, the oldest kept is replaced. */
    private async rotateAudit(): Promise<void> {
        const kept = this.options.auditFilesKept ?? AUDIT_FILES_KEPT
        const path = (generation: number) =>
            join(this.dir, generation === 0 ? AUDIT_FILE : `${AUDIT_FILE}.${generation}`)
        for (let generation = kept - 1; generation >= 0; generation -= 1) {
            try {
                await this.fs.rename(path(generation), path(generation + 1))
            } catch (error) {
                if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
            }
        }
        await this.syncDirectory()
        this.auditBytes = 0
        this.auditTorn = false
    }

    private async syncDirectory(): Promise<void> {
        const handle = await this.fs.open(this.dir, 'r')
        try {
            await handle.sync()
        } finally {
            await handle.close()
        }
    }
}

async function readIfExists(fs: FileSystem, path: string): Promise<string | undefined> {
    try {
        return await fs.readFile(path, 'utf8')
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw error
    }
}
