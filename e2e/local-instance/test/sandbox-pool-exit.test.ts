// Script sandbox pools hold no timer or handle that keeps a process alive: a program that never
// disposes them still ends when its work is done.
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { startTypeScript } from '../../../scripts/lib/common/index'

const CHILD = fileURLToPath(new URL('./sandbox-pool-child.ts', import.meta.url))

it('a process with undisposed sandbox pools ends by itself', async () => {
    const child = startTypeScript(CHILD, [])
    // Generous: loading tsx and the update set takes seconds on a loaded machine; a hang never ends.
    const timer = setTimeout(() => void child.stop('SIGKILL'), 60_000)
    const [code, signal] = (await once(child.child, 'exit')) as [number | null, NodeJS.Signals | null]
    clearTimeout(timer)
    expect({ code, signal, output: child.output().trim() }).toEqual({
        code: 0,
        signal: null,
        output: 'ran as abel.tuter',
    })
}, 90_000)
