// Where temporary policies and the audit log live between restarts.
//
// Without --data-dir everything is memory only. With it:
// - temporary-policies.json holds the whole set of live policies, rewritten atomically
//   (write a temp file, fsync, rename, fsync the directory), so a kill -9 at any instant leaves
//   either the old or the new file, never a torn one;
// - audit.jsonl is append-only, one JSON record per line, fsynced per batch. A kill -9 during an
//   append can leave a torn last line; loading skips a torn final line (it was never
//   acknowledged to a client, because we answer only after the fsync).
import { mkdir, open, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import type { TemporaryPolicy } from '../engine/types'
import type { AuditRecord } from './audit'

export interface PersistedState {
    readonly temporaryPolicies: readonly TemporaryPolicy[]
    readonly audit: readonly AuditRecord[]
}

export interface Persistence {
    load(): Promise<PersistedState>
    saveTemporaryPolicies(policies: readonly TemporaryPolicy[]): Promise<void>
    appendAudit(records: readonly AuditRecord[]): Promise<void>
    readonly description: string
    /** False for memory-only state: callers then skip the write machinery altogether. */
    readonly durable: boolean
}

export class MemoryPersistence implements Persistence {
    readonly description = 'memory only (no --data-dir)'
    readonly durable = false
    async load(): Promise<PersistedState> {
        return { temporaryPolicies: [], audit: [] }
    }
    async saveTemporaryPolicies(): Promise<void> {}
    async appendAudit(): Promise<void> {}
}

export class DataDirectoryError extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'DataDirectoryError'
    }
}

const POLICIES_FILE = 'temporary-policies.json'
const AUDIT_FILE = 'audit.jsonl'

export class DirectoryPersistence implements Persistence {
    readonly description: string
    readonly durable = true
    constructor(private readonly dir: string) {
        this.description = `data directory ${dir}`
    }

    async load(): Promise<PersistedState> {
        await mkdir(this.dir, { recursive: true })
        return {
            temporaryPolicies: await this.loadPolicies(),
            audit: await this.loadAudit(),
        }
    }

    private async loadPolicies(): Promise<TemporaryPolicy[]> {
        const path = join(this.dir, POLICIES_FILE)
        const text = await readIfExists(path)
        if (text === undefined) return []
        try {
            const parsed: unknown = JSON.parse(text)
            if (!isRecord(parsed) || !Array.isArray(parsed.temporary_policies)) {
                throw new Error('missing "temporary_policies" array')
            }
            return parsed.temporary_policies as TemporaryPolicy[]
        } catch (error) {
            throw new DataDirectoryError(
                `${path}: not a mock-kpow state file (${(error as Error).message}). ` +
                    'Move it away or point --data-dir at an empty folder.'
            )
        }
    }

    private async loadAudit(): Promise<AuditRecord[]> {
        const path = join(this.dir, AUDIT_FILE)
        const text = await readIfExists(path)
        if (text === undefined) return []
        const lines = text.split('\n')
        const records: AuditRecord[] = []
        lines.forEach((line, index) => {
            if (line.trim() === '') return
            try {
                records.push(JSON.parse(line) as AuditRecord)
            } catch {
                // Only the last line can be torn (an append interrupted by a crash); anything else is damage.
                const isLast = lines.slice(index + 1).every((rest) => rest.trim() === '')
                if (!isLast) {
                    throw new DataDirectoryError(
                        `${path}:${index + 1}: unreadable audit record. Repair or remove the line.`
                    )
                }
            }
        })
        return records
    }

    async saveTemporaryPolicies(policies: readonly TemporaryPolicy[]): Promise<void> {
        const path = join(this.dir, POLICIES_FILE)
        const temp = `${path}.${process.pid}.tmp`
        const body = JSON.stringify({ version: 1, temporary_policies: policies }, null, 1)
        const handle = await open(temp, 'w')
        try {
            await handle.writeFile(body)
            await handle.sync()
        } finally {
            await handle.close()
        }
        await rename(temp, path)
        await syncDirectory(this.dir)
    }

    async appendAudit(records: readonly AuditRecord[]): Promise<void> {
        if (records.length === 0) return
        const handle = await open(join(this.dir, AUDIT_FILE), 'a')
        try {
            await handle.writeFile(records.map((record) => `${JSON.stringify(record)}\n`).join(''))
            await handle.sync()
        } finally {
            await handle.close()
        }
    }
}

async function readIfExists(path: string): Promise<string | undefined> {
    try {
        return await readFile(path, 'utf8')
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw error
    }
}

async function syncDirectory(dir: string): Promise<void> {
    const handle = await open(dir, 'r')
    try {
        await handle.sync()
    } finally {
        await handle.close()
    }
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}
