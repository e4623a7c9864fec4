// "A folder used by one process": a lock file in it holding the pid of the process that uses it.
// mock-kpow's and the local instance's --data-dir both take one, since two writers would each
// overwrite the other's state. proper-lockfile does not fit: it tells a stale lock by its age, not
// by whether its process still runs, and could not name the holder. Synchronous: the local instance
// opens its store synchronously, and the file is a few bytes.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { isProcessRunning } from './process-lifecycle.ts'

/** Why the lock was not taken; the message is one line naming the folder, the holder and the fix. */
export class PidLockError extends Error {
    constructor(
        message: string,
        /** The live process holding the folder; undefined when the lock could not be taken for another reason. */
        readonly holderPid?: number
    ) {
        super(message)
        this.name = 'PidLockError'
    }
}

export interface PidLockOptions {
    /** What holds such folders, for the message: "mock-kpow", "local instance". */
    readonly holder: string
    /** The flag that names the folder, for the message's fix: "--data-dir". */
    readonly flag: string
}

export interface PidLock {
    readonly path: string
    /** Removes the lock file if it still holds this process's pid; a second call does nothing. */
    release(): void
}

/**
 * Takes `directory/fileName` for this process (the folder must exist). A lock whose process is gone
 * (killed, the machine restarted) or whose file holds no pid is taken over; a live holder is refused
 * with a PidLockError naming its pid, the flag to pass another folder with, and how to tell a stale
 * lock: after a restart the pid may belong to an unrelated process, which only a person can judge.
 */
export function takePidLock(directory: string, fileName: string, options: PidLockOptions): PidLock {
    const path = join(resolve(directory), fileName)
    // Two rounds: the second follows the removal of a lock left by a process that is gone.
    for (let round = 0; round < 2; round += 1) {
        try {
            writeFileSync(path, `${String(process.pid)}\n`, { flag: 'wx' })
            return heldLock(path)
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
                throw new PidLockError(`cannot take the lock ${path}: ${(error as Error).message}`)
            }
        }
        const holder = lockHolder(path)
        if (holder !== undefined && isProcessRunning(holder)) {
            throw new PidLockError(
                `${dirname(path)} is in use by another ${options.holder} (pid ${String(holder)}, lock ${path}): stop that process or pass another ${options.flag}; if process ${String(holder)} is not a ${options.holder} (check with \`ps -p ${String(holder)}\`), the lock is stale: delete ${path}`,
                holder
            )
        }
        rmSync(path, { force: true })
    }
    throw new PidLockError(`${dirname(path)}: could not take the lock ${path}; another process keeps creating it`)
}

/** The pid a lock file holds; undefined when there is no file or it holds no pid. */
export function lockHolder(path: string): number | undefined {
    let text: string
    try {
        text = readFileSync(path, 'utf8').trim()
    } catch {
        return undefined
    }
    const pid = Number(text)
    return /^\d+$/.test(text) && Number.isSafeInteger(pid) && pid > 0 ? pid : undefined
}

function heldLock(path: string): PidLock {
    let held = true
    return {
        path,
        release() {
            if (!held) return
            held = false
            // Only our own: a lock another process took over after ours was removed by hand stays.
            if (lockHolder(path) === process.pid) rmSync(path, { force: true })
        },
    }
}
