// A script sandbox's thread, seen from the instance. Each update-set script runs in QuickJS inside a
// worker thread of its own (sandbox-worker.mjs), never on the instance's event loop: a script that loops,
// or sits in a long native call no interrupt handler reaches (`new Array(3e8).join('')`), holds up
// only its thread, and the instance ends that thread with terminate() at the step's time limit.
//
// The script's Glide API calls cross to the instance as messages, one at a time: the thread posts the
// call and sleeps on a shared flag (Atomics.wait) until the instance has answered, so the script sees a
// synchronous call (as on the platform) while the instance answers it from its event loop, between
// its other work, however long the answer takes (a RESTMessageV2 request). The calls are generic
// (an operation name and JSON arguments): what they do is the instance's table of host operations.
//
// A thread is reused for later runs, each in a fresh QuickJS module (its own WebAssembly memory and
// runtime): nothing of a run survives in the thread but its own code. A thread that was terminated,
// ran out of memory, or could not dispose a run's module cleanly is never used again.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads'
import { SCRIPT_THREAD_HEAP_MB, SCRIPT_THREAD_YOUNG_HEAP_MB, THREAD_LIMITS } from './sandbox-limits'

/** What a sandbox's thread is started with. */
export interface SandboxThreadData {
    /** QuickJS's WebAssembly, compiled once in the instance's thread and shared (a WebAssembly.Module). */
    wasmModule: object
    /** Where the thread posts Glide API calls and takes their answers. */
    calls: MessagePort
    /** One Int32: 0 while a call waits for its answer, 1 once it is posted. */
    answered: SharedArrayBuffer
    limits: typeof THREAD_LIMITS
}

/** A run as the thread takes it: the script, and the globals it gets and hands back as JSON text. */
export interface ThreadRunRequest {
    script: string
    recordName: string
    /** Guest source evaluated before the globals and the script (the Script Includes it may call), or ''. */
    prelude: string
    /** Global name -> its value as JSON, set before the script runs. */
    globals: [string, string][]
    /** Globals copied out as JSON after the script ran. */
    exports: string[]
}

export type ThreadCommand = { kind: 'prepare' } | ({ kind: 'run' } & ThreadRunRequest)

/** A run that ended in its thread: its exported globals as JSON, or why it failed. */
export type ThreadRunOutcome = { ok: true; exported: [string, string][] } | { ok: false; message: string }

export type ThreadReport =
    | { kind: 'prepared' }
    | { kind: 'prepare-failed'; message: string }
    | { kind: 'finished'; outcome: ThreadRunOutcome; reusable: boolean }

/** A Glide API call from a script: the operation and its arguments as JSON text. */
export interface HostCallRequest {
    operation: string
    args: string
}

/** Answers a Glide API call with JSON text (`{ value }` or `{ error }`); may take its time. */
export type HostCall = (operation: string, argsJson: string) => string | Promise<string>

/** How a thread ended when it did not report: stopped by the instance, out of memory, or broken. */
export type ThreadEnd = { kind: 'terminated' } | { kind: 'out-of-memory' } | { kind: 'crashed'; message: string }

/** What a run gives: its outcome, or how its thread ended first. */
export type ThreadRunResult = ({ kind: 'finished' } & { outcome: ThreadRunOutcome }) | ThreadEnd

/** Node's WebAssembly global: the project's type library (ES2023 and Node's) does not declare it. */
const { WebAssembly: webAssembly } = globalThis as unknown as {
    WebAssembly: { compile(bytes: Uint8Array): Promise<object> }
}

let compiledModule: Promise<object> | undefined

/**
 * The release asyncify build's WebAssembly, compiled once for the process and handed to every thread
 * (compiling it per thread would cost each hundreds of milliseconds on a busy machine).
 */
export function quickJsWebAssembly(): Promise<object> {
    compiledModule ??= readFile(createRequire(import.meta.url).resolve('@jitl/quickjs-wasmfile-release-asyncify/wasm'))
        .then((bytes) => webAssembly.compile(bytes))
        .catch((error: unknown) => {
            compiledModule = undefined // tried again by the next thread
            throw error
        })
    return compiledModule
}

const WORKER_ENTRY = new URL('./sandbox-worker.mjs', import.meta.url)

export class ScriptThread {
    private report: ((report: ThreadReport) => void) | undefined
    private hostCall: HostCall | undefined
    private readonly answered: Int32Array
    private endedAs: ThreadEnd | undefined
    private readonly ended: Promise<ThreadEnd>
    /** False once the thread was stopped, broke, or failed to clean up after a run: never used again. */
    private usable = true

    private constructor(
        private readonly worker: Worker,
        private readonly calls: MessagePort,
        answered: SharedArrayBuffer
    ) {
        this.answered = new Int32Array(answered)
        let failure: ThreadEnd | undefined
        worker.on('message', (report: ThreadReport) => this.report?.(report))
        worker.on('error', (error: Error & { code?: string }) => {
            failure =
                error.code === 'ERR_WORKER_OUT_OF_MEMORY'
                    ? { kind: 'out-of-memory' }
                    : { kind: 'crashed', message: error.message }
        })
        this.ended = new Promise((resolve) =>
            worker.once('exit', () => {
                this.usable = false
                this.endedAs = failure ?? this.endedAs ?? { kind: 'crashed', message: 'its thread exited' }
                calls.close()
                resolve(this.endedAs)
            })
        )
        calls.on('message', (request: HostCallRequest) => void this.answer(request))
        // An idle thread keeps no process alive; a run holds it (run() refs the worker meanwhile).
        worker.unref()
        calls.unref()
    }

    /** Starts a thread; its first sandbox is made by `prepare`. */
    static async start(): Promise<ScriptThread> {
        const wasmModule = await quickJsWebAssembly()
        const { port1, port2 } = new MessageChannel()
        const answered = new SharedArrayBuffer(4)
        const data: SandboxThreadData = { wasmModule, calls: port2, answered, limits: THREAD_LIMITS }
        const worker = new Worker(WORKER_ENTRY, {
            workerData: data,
            transferList: [port2],
            // The parent's flags (a test runner's, tsx's) are not the thread's business.
            execArgv: [],
            resourceLimits: {
                maxOldGenerationSizeMb: SCRIPT_THREAD_HEAP_MB,
                maxYoungGenerationSizeMb: SCRIPT_THREAD_YOUNG_HEAP_MB,
            },
        })
        return new ScriptThread(worker, port1, answered)
    }

    /** Whether the thread may take another run. */
    get reusable(): boolean {
        return this.usable
    }

    /**
     * Makes a fresh sandbox (a QuickJS module with its limits and the Glide API) ready in the thread.
     * `forRun`: a run waits for it, so the thread keeps the process alive meanwhile (a pool filling in
     * the background does not).
     */
    async prepare(forRun = false): Promise<void> {
        if (forRun) this.worker.ref()
        const result = await this.request({ kind: 'prepare' }).finally(() => {
            if (forRun) this.worker.unref()
        })
        if (result.kind === 'prepared') return
        this.usable = false
        const why =
            result.kind === 'prepare-failed'
                ? result.message
                : result.kind === 'finished'
                  ? 'its thread answered out of turn'
                  : describeEnd(result)
        throw new Error(`the script sandbox could not be made: ${why}`)
    }

    /**
     * Runs a script in the prepared sandbox, answering its Glide API calls with `hostCall`, and gives
     * its outcome, or how the thread ended first (terminate() at the time limit, out of memory).
     */
    async run(request: ThreadRunRequest, hostCall: HostCall): Promise<ThreadRunResult> {
        this.hostCall = hostCall
        this.worker.ref()
        try {
            const result = await this.request({ kind: 'run', ...request })
            if (result.kind === 'finished') {
                if (!result.reusable) this.usable = false
                return { kind: 'finished', outcome: result.outcome }
            }
            if (result.kind === 'prepared' || result.kind === 'prepare-failed')
                return { kind: 'crashed', message: 'the sandbox thread answered out of turn' }
            return result
        } finally {
            this.hostCall = undefined
            this.worker.unref()
        }
    }

    /** Stops the thread wherever it is (a loop, a long native call, a Glide API call); it is not used again. */
    terminate(): void {
        this.usable = false
        this.endedAs ??= { kind: 'terminated' }
        void this.worker.terminate()
    }

    private request(command: ThreadCommand): Promise<ThreadReport | ThreadEnd> {
        if (this.endedAs) return Promise.resolve(this.endedAs)
        const reported = new Promise<ThreadReport>((resolve) => (this.report = resolve))
        this.worker.postMessage(command)
        return Promise.race([reported, this.ended]).finally(() => (this.report = undefined))
    }

    /** Answers one Glide API call, then wakes the thread; a call outside a run is refused. */
    private async answer(request: HostCallRequest): Promise<void> {
        const hostCall = this.hostCall
        let answer: string
        try {
            answer = hostCall
                ? await hostCall(request.operation, request.args)
                : JSON.stringify({ error: 'the Glide API answers only a running script' })
        } catch (error) {
            answer = JSON.stringify({ error: error instanceof Error ? error.message : String(error) })
        }
        if (this.endedAs) return
        this.calls.postMessage(answer)
        Atomics.store(this.answered, 0, 1)
        Atomics.notify(this.answered, 0)
    }
}

export function describeEnd(end: ThreadEnd): string {
    if (end.kind === 'terminated') return 'its thread was stopped'
    if (end.kind === 'out-of-memory') return `out of memory (its thread went over ${String(SCRIPT_THREAD_HEAP_MB)} MB)`
    return `its thread failed: ${end.message}`
}

/** Where a run's thread comes from (sandbox-pool.ts), and where it goes back after the run. */
export interface ScriptSandboxSource {
    /** A thread with a fresh sandbox nobody has run a script in. */
    take(): Promise<ScriptThread>
    /** Hands the thread back after its one run in that sandbox: kept for another if it may be, else ended. */
    release(thread: ScriptThread): void
}
