import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { lockHolder, PidLockError, takePidLock } from './pid-lock.ts'

const OPTIONS = { holder: 'test server', flag: '--data-dir' }
/** Above Linux's pid_max: no process has it. */
const GONE_PID = 2147483646

const folders: string[] = []
afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})
function newFolder(): string {
    const folder = mkdtempSync(join(tmpdir(), 'pid-lock-'))
    folders.push(folder)
    return folder
}

describe('takePidLock', () => {
    it('writes this process id and removes the file on release', () => {
        const folder = newFolder()
        const lock = takePidLock(folder, 'x.lock', OPTIONS)
        expect(lock.path).toBe(join(folder, 'x.lock'))
        expect(readFileSync(lock.path, 'utf8')).toBe(`${String(process.pid)}\n`)
        lock.release()
        expect(existsSync(lock.path)).toBe(false)
        lock.release()
    })

    it('refuses a live holder with one line naming the folder, its pid and the flag', () => {
        const folder = newFolder()
        const first = takePidLock(folder, 'x.lock', OPTIONS)
        let refusal: unknown
        try {
            takePidLock(folder, 'x.lock', OPTIONS)
        } catch (error) {
            refusal = error
        }
        expect(refusal).toBeInstanceOf(PidLockError)
        expect((refusal as PidLockError).holderPid).toBe(process.pid)
        expect((refusal as Error).message).toBe(
            `${folder} is in use by another test server (pid ${String(process.pid)}, lock ${first.path}): stop that process or pass another --data-dir; if process ${String(process.pid)} is not a test server (check with \`ps -p ${String(process.pid)}\`), the lock is stale: delete ${first.path}`
        )
        // The refused attempt left the holder's lock alone.
        expect(lockHolder(first.path)).toBe(process.pid)
        first.release()
    })

    it.each([
        ['a process that is gone', `${String(GONE_PID)}\n`],
        ['no pid', 'not a pid\n'],
        ['an empty file', ''],
        ['a negative number', '-1\n'],
    ])('takes over a lock holding %s', (_name, content) => {
        const folder = newFolder()
        writeFileSync(join(folder, 'x.lock'), content)
        const lock = takePidLock(folder, 'x.lock', OPTIONS)
        expect(lockHolder(lock.path)).toBe(process.pid)
        lock.release()
    })

    it('on release, leaves a lock that another process holds by then', () => {
        const folder = newFolder()
        const lock = takePidLock(folder, 'x.lock', OPTIONS)
        writeFileSync(lock.path, `${String(GONE_PID)}\n`)
        lock.release()
        expect(lockHolder(lock.path)).toBe(GONE_PID)
    })

    it('names the lock when the folder cannot hold one', () => {
        const missing = join(newFolder(), 'absent')
        expect(() => takePidLock(missing, 'x.lock', OPTIONS)).toThrow(
            new PidLockError(
                `cannot take the lock ${join(missing, 'x.lock')}: ENOENT: no such file or directory, open '${join(missing, 'x.lock')}'`
            )
        )
    })
})
