// Script sandboxes made ready before a step asks for one. Making one (a QuickJS WebAssembly module, its
// limits, the Glide API) took 26-239 ms on this machine when done as the step started, once per script
// step and per UI action condition. The pool keeps a few ready, each for one run only: it is disposed
// after that run and a new one is made in the background, so nothing a script did reaches the next.
//
// Pooled sandboxes are instantiated from one WebAssembly.Module compiled once per process, which is
// several times cheaper than newQuickJSAsyncWASMModule's own loading. The pool does no work on a step's
// path unless every ready sandbox is taken (several flows at once), and then makes one at once.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import {
    newQuickJSAsyncWASMModule,
    newQuickJSAsyncWASMModuleFromVariant,
    newVariant,
    RELEASE_ASYNC,
} from 'quickjs-emscripten'
import type { QuickJSAsyncWASMModule } from 'quickjs-emscripten'
import type { ScriptSandboxSource } from './glide-sandbox'
import { ScriptSandbox } from './glide-sandbox'

/**
 * How many sandboxes wait ready by default: the most script steps the app's flows run between two
 * waits (closing: Read Current Grant twice, then Delete), and one for a form's UI action condition.
 */
export const DEFAULT_SANDBOX_POOL_SIZE = 4

/** Node's WebAssembly global: the project's type library (ES2023 and Node's) does not declare it. */
type CompiledWebAssembly = object
const { WebAssembly: webAssembly } = globalThis as unknown as {
    WebAssembly: { compile(bytes: Uint8Array): Promise<CompiledWebAssembly> }
}

let compiledModule: Promise<CompiledWebAssembly> | undefined

/** The release asyncify build's WebAssembly, compiled once for the process. */
function quickJsWebAssembly(): Promise<CompiledWebAssembly> {
    compiledModule ??= readFile(createRequire(import.meta.url).resolve('@jitl/quickjs-wasmfile-release-asyncify/wasm'))
        .then((bytes) => webAssembly.compile(bytes))
        .catch((error: unknown) => {
            compiledModule = undefined // tried again by the next sandbox
            throw error
        })
    return compiledModule
}

/** A QuickJS module of its own (its own memory and runtime), instantiated from the compiled code. */
async function newPooledModule(): Promise<QuickJSAsyncWASMModule> {
    const variant = newVariant(RELEASE_ASYNC, { wasmModule: await quickJsWebAssembly() })
    return newQuickJSAsyncWASMModuleFromVariant(variant)
}

/** Resolves once nothing waits on the CPU that a sandbox being made would hold up (no flow step running). */
export type QuietSignal = () => Promise<void>

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve).unref())

export class ScriptSandboxPool implements ScriptSandboxSource {
    private readonly ready: ScriptSandbox[] = []
    /** Sandboxes being made for the pool (one at a time: the machine has other work). */
    private filling: Promise<void> | undefined
    private disposed = false

    /**
     * `size` sandboxes are kept ready, made in the background. Making one holds the event loop for a
     * few milliseconds (tens on a busy machine), so the pool makes them only when `quiet` says no flow
     * step is running: a flow's steps between two waits take sandboxes made before, never wait for one
     * being made. Size 0 keeps none: every run makes a fresh module on its own path, as the local
     * instance did before it had a pool.
     */
    constructor(
        readonly size: number = DEFAULT_SANDBOX_POOL_SIZE,
        private readonly quiet: QuietSignal = () => Promise.resolve()
    ) {
        this.scheduleFill()
    }

    /** How many sandboxes wait ready now. */
    get readyCount(): number {
        return this.ready.length
    }

    async take(): Promise<ScriptSandbox> {
        const sandbox = this.ready.shift()
        if (sandbox) return sandbox
        if (this.size === 0 || this.disposed) return ScriptSandbox.prepare(() => newQuickJSAsyncWASMModule())
        // All taken: this run cannot wait for the background, so it makes its own.
        return ScriptSandbox.prepare(newPooledModule, () => this.scheduleFill())
    }

    /**
     * Fills the pool if it is short and resolves once it holds `size` ready sandboxes (or making one
     * failed, or the pool is disposed): for tests.
     */
    whenFull(): Promise<void> {
        this.scheduleFill()
        return (!this.disposed && this.filling) || Promise.resolve()
    }

    /** Disposes the ready sandboxes and makes no more; sandboxes in use are disposed by their runs. */
    dispose(): void {
        this.disposed = true
        for (const sandbox of this.ready.splice(0)) sandbox.dispose()
    }

    private scheduleFill(): void {
        if (this.disposed || this.filling || this.ready.length >= this.size) return
        this.filling = this.fill()
            .catch(() => {
                // A sandbox that cannot be made now is made on a step's path later, where its error is reported.
            })
            .finally(() => {
                this.filling = undefined
            })
    }

    private async fill(): Promise<void> {
        while (!this.disposed && this.ready.length < this.size) {
            // Each sandbox after the current turn, once no step runs: requests and steps go first.
            await nextTurn()
            await this.quiet()
            if (this.disposed) return
            const sandbox = await ScriptSandbox.prepare(newPooledModule, () => this.scheduleFill())
            if (this.disposed) {
                sandbox.dispose()
                return
            }
            this.ready.push(sandbox)
        }
    }
}
