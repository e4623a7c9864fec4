// The shared helpers' own contracts: the port every command line accepts, and waiting for a child
// process's "listening" line (or learning, with its output, that it died or never said it).
import { describe, expect, it } from 'vitest'
import { parsePort, portArgument, startProcess } from '../lib/common/index.ts'

const node = (code: string) => startProcess(process.execPath, ['-e', code])

describe('ports', () => {
    it('accepts 0 (any free port) to 65535 and nothing else', () => {
        expect(['0', '8080', '65535'].map(parsePort)).toEqual([0, 8080, 65535])
        for (const bad of ['', '-1', '65536', '80.5', ' 80', '0x50', 'http']) expect(parsePort(bad)).toBeUndefined()
        expect(() => portArgument('65536')).toThrow('a port is a number from 0 (any free port) to 65535')
    })
})

describe('startProcess', () => {
    it('resolves with the capture of the ready line, whichever stream prints it', async () => {
        const started = node(
            "console.error('warming up'); setTimeout(() => console.log('listening on http://127.0.0.1:1234'), 50); setInterval(() => {}, 1000)"
        )
        try {
            const [, url] = await started.waitFor(/listening on (http:\/\/\S+)/)
            expect(url).toBe('http://127.0.0.1:1234')
            expect(started.output()).toContain('warming up')
            expect(await started.stop()).toBeNull()
        } finally {
            // Stopped even when an assertion failed: the child never exits by itself (stop is idempotent).
            await started.stop()
        }
    })

    it('rejects with the output when the process exits before its ready line', async () => {
        const started = node("console.error('port 8080 is in use'); process.exit(3)")
        await expect(started.waitFor(/listening on/)).rejects.toThrow(/exited with 3 .*\n.*port 8080 is in use/)
    })

    it('rejects with the output when the ready line does not come in time', async () => {
        const started = node("console.log('still starting'); setInterval(() => {}, 1000)")
        // Stopped whatever the assertion says: the child never exits by itself.
        try {
            // The output first, however long a loaded machine takes to start node; then the short wait.
            await started.waitFor(/still starting/)
            await expect(started.waitFor(/listening on/, 300)).rejects.toThrow(
                /did not print .* in time:\nstill starting/
            )
        } finally {
            await started.stop()
        }
    })
})
