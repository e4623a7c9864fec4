// Global setup of every vitest tier and the browser specs: gives the run one temporary folder of its
// own and removes it at the end. Tests, the servers they start and the command lines they spawn make
// their scratch folders with os.tmpdir(), which reads TMPDIR when called; workers and child processes
// inherit it. So a test that forgets to remove its folder (or is stopped half-way) leaves nothing in
// the system's temporary folder, run after run.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function temporaryFolderPerRun(): () => void {
    const previous = process.env.TMPDIR
    const folder = mkdtempSync(join(tmpdir(), 'kpow-jit-tests-'))
    process.env.TMPDIR = folder
    return () => {
        if (previous === undefined) delete process.env.TMPDIR
        else process.env.TMPDIR = previous
        rmSync(folder, { recursive: true, force: true, maxRetries: 3 })
    }
}
