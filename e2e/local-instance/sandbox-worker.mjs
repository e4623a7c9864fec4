// @ts-check
// The code of a script sandbox's thread (sandbox-thread.ts starts it). Plain JavaScript, type-checked
// through its JSDoc: Node runs no TypeScript by itself and a worker does not inherit its parent's
// loader; registering tsx in each thread cost more than half its start-up. It makes QuickJS sandboxes and runs one script in each: a fresh module per run (its own WebAssembly
// memory, bounded), the Glide API (glide-api.guest.js) installed before the script is known. The
// script's only way out is `__glideHost`, which posts its call to the instance and sleeps until the
// answer is posted back: the script sees a synchronous call, the instance's event loop never waits.
//
// Everything the script hands out is bounded here before it is copied out of QuickJS (a call's size,
// the outputs, an error message), and read with built-ins captured before the script ran, so a script
// that replaces JSON.stringify or String.prototype.slice changes nothing of it.
import { readFileSync } from 'node:fs'
import { URL } from 'node:url'
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads'
import { newQuickJSAsyncWASMModuleFromVariant, newVariant, RELEASE_ASYNC } from 'quickjs-emscripten'

/** @typedef {import('quickjs-emscripten').QuickJSAsyncContext} QuickJSAsyncContext */
/** @typedef {import('quickjs-emscripten').QuickJSHandle} QuickJSHandle */
/** @typedef {import('./sandbox-thread.ts').SandboxThreadData} SandboxThreadData */
/** @typedef {import('./sandbox-thread.ts').ThreadCommand} ThreadCommand */
/** @typedef {import('./sandbox-thread.ts').ThreadReport} ThreadReport */
/** @typedef {import('./sandbox-thread.ts').ThreadRunOutcome} ThreadRunOutcome */
/** @typedef {import('./sandbox-thread.ts').ThreadRunRequest} ThreadRunRequest */

const { wasmModule, calls, answered, limits } = /** @type {SandboxThreadData} */ (workerData)
const {
    DEFAULT_HTTP_TIMEOUT_MS,
    MAX_ERROR_MESSAGE_CHARS,
    MAX_HOST_CALL_CHARS,
    MAX_LOG_MESSAGE_CHARS,
    MAX_OUTPUTS_CHARS,
    SCRIPT_HEAP_LIMIT_BYTES,
    SCRIPT_STACK_LIMIT_BYTES,
    SCRIPT_WASM_MEMORY_MAX_BYTES,
} = limits
const answerFlag = new Int32Array(answered)
const port = parentPort
if (!port) throw new Error('sandbox-worker.mjs runs only as a worker thread')

const guestGlideApi = readFileSync(new URL('./glide-api.guest.js', import.meta.url), 'utf8')

/** @typedef {{ buffer: ArrayBuffer }} WasmMemory */
/**
 * Node's WebAssembly global: the project's type library (ES2023 and Node's) does not declare it.
 * @type {{ Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory }}
 */
const webAssembly = /** @type {any} */ (globalThis).WebAssembly
const WASM_PAGE_BYTES = 64 * 1024
/** Emscripten's default initial memory for the build (16 MB); it grows up to SCRIPT_WASM_MEMORY_MAX_BYTES. */
const INITIAL_WASM_PAGES = (16 * 1024 * 1024) / WASM_PAGE_BYTES
/**
 * A failed run whose WebAssembly memory is within this of its maximum ran out of memory, whatever it
 * threw: QuickJS's allocator fragments, so the memory's bound can be met before QuickJS's own count of
 * its heap, and an allocation failing there leaves no error object to throw (null, or an empty string).
 */
const MEMORY_EXHAUSTED_MARGIN_BYTES = 2 * 1024 * 1024
/** Head room over the heap limit while a failed run's error is read (its heap may be full). */
const ERROR_READING_HEADROOM_BYTES = 4 * 1024 * 1024

/**
 * Guest helpers made before any script runs, from the built-ins as they were then: one describes a
 * thrown value (cut to the bound), one copies a global out as JSON (values JSON cannot carry, such as
 * a GlideElement or a function, become their text).
 */
const GUEST_HELPERS = `(function () {
    var stringify = JSON.stringify
    var getPrototypeOf = Object.getPrototypeOf
    var objectPrototype = Object.prototype
    var isArray = Array.isArray
    var toText = String
    var cut = Function.prototype.call.bind(String.prototype.slice)
    var max = ${String(MAX_ERROR_MESSAGE_CHARS)}
    return {
        describe: function (thrown) {
            var text
            if (thrown !== null && typeof thrown === 'object' && 'message' in thrown) {
                var name = thrown.name !== undefined && toText(thrown.name) !== 'Error' ? toText(thrown.name) + ': ' : ''
                text = name + toText(thrown.message)
            } else text = toText(thrown)
            return text.length > max ? cut(text, 0, max) + ' [cut at ${String(MAX_ERROR_MESSAGE_CHARS)} characters]' : text
        },
        exportJson: function (value) {
            return stringify(value, function (key, item) {
                if (key === '' || item === null || item === undefined) return item === undefined ? null : item
                if (typeof item === 'function') return toText(item)
                if (typeof item === 'object' && !isArray(item) && getPrototypeOf(item) !== objectPrototype) return toText(item)
                return item
            })
        }
    }
})()`

/** @typedef {{ context: QuickJSAsyncContext, helpers: QuickJSHandle, memory: WasmMemory }} Sandbox */

/** @type {Sandbox | undefined} */
let prepared

port.on('message', (/** @type {ThreadCommand} */ command) => {
    if (command.kind === 'prepare') {
        prepare().then(
            () => post({ kind: 'prepared' }),
            (error) => post({ kind: 'prepare-failed', message: messageOf(error) })
        )
        return
    }
    const sandbox = prepared
    prepared = undefined
    if (!sandbox) {
        post({ kind: 'finished', outcome: { ok: false, message: 'no sandbox was made for this run' }, reusable: false })
        return
    }
    const outcome = run(sandbox, command)
    post({ kind: 'finished', outcome, reusable: dispose(sandbox) })
})

/** @param {ThreadReport} report */
function post(report) {
    port?.postMessage(report)
}

async function prepare() {
    if (prepared && !dispose(prepared)) throw new Error('the previous sandbox could not be disposed')
    prepared = undefined
    const memory = new webAssembly.Memory({
        initial: INITIAL_WASM_PAGES,
        maximum: SCRIPT_WASM_MEMORY_MAX_BYTES / WASM_PAGE_BYTES,
    })
    const module = await newQuickJSAsyncWASMModuleFromVariant(
        newVariant(RELEASE_ASYNC, { wasmModule, wasmMemory: memory })
    )
    const context = module.newContext()
    try {
        context.runtime.setMemoryLimit(SCRIPT_HEAP_LIMIT_BYTES)
        context.runtime.setMaxStackSize(SCRIPT_STACK_LIMIT_BYTES)
        const helpers = context.unwrapResult(context.evalCode(GUEST_HELPERS, 'sandbox-helpers.js', { type: 'global' }))
        installBridge(context)
        evaluate(context, guestGlideApi, 'glide-api.guest.js')
        prepared = { context, helpers, memory }
    } catch (error) {
        context.dispose()
        throw error
    }
}

/**
 * Disposes a sandbox; false when QuickJS could not free it cleanly (the thread is then not reused).
 * @param {Sandbox} sandbox
 * @returns {boolean}
 */
function dispose(sandbox) {
    try {
        sandbox.helpers.dispose()
        sandbox.context.dispose()
        return true
    } catch {
        return false
    }
}

/**
 * @param {Sandbox} sandbox
 * @param {ThreadRunRequest} request
 * @returns {ThreadRunOutcome}
 */
function run(sandbox, request) {
    const outcome = runScript(sandbox, request)
    const exhausted = sandbox.memory.buffer.byteLength >= SCRIPT_WASM_MEMORY_MAX_BYTES - MEMORY_EXHAUSTED_MARGIN_BYTES
    if (outcome.ok || !exhausted || outcome.message.includes('out of memory')) return outcome
    return {
        ok: false,
        message: `InternalError: out of memory (the script used up its ${String(SCRIPT_WASM_MEMORY_MAX_BYTES / 1024 / 1024)} MB)`,
    }
}

/**
 * @param {Sandbox} sandbox
 * @param {ThreadRunRequest} request
 * @returns {ThreadRunOutcome}
 */
function runScript(sandbox, request) {
    const { context } = sandbox
    try {
        if (request.prelude !== '') evaluate(context, request.prelude, 'script includes')
        for (const [name, json] of request.globals)
            evaluate(context, `globalThis[${JSON.stringify(name)}] = ${json}`, name)
        const result = context.evalCode(request.script, request.recordName, { type: 'global' })
        if (result.error) return { ok: false, message: result.error.consume((error) => describe(sandbox, error)) }
        result.value.dispose()
        return exportGlobals(sandbox, request.exports)
    } catch (error) {
        return { ok: false, message: messageOf(error) }
    }
}

/**
 * Each exported global as JSON, refused past the outputs bound before its text leaves QuickJS.
 * @param {Sandbox} sandbox
 * @param {string[]} names
 * @returns {ThreadRunOutcome}
 */
function exportGlobals(sandbox, names) {
    const { context, helpers } = sandbox
    /** @type {[string, string][]} */
    const exported = []
    let total = 0
    for (const name of names) {
        const value = context.getProp(context.global, name)
        const exportJson = context.getProp(helpers, 'exportJson')
        const result = context.callFunction(exportJson, context.undefined, value)
        exportJson.dispose()
        value.dispose()
        if (result.error) return { ok: false, message: result.error.consume((error) => describe(sandbox, error)) }
        const json = result.value.consume((handle) =>
            context.typeof(handle) === 'string' ? boundedString(context, handle, MAX_OUTPUTS_CHARS - total) : 'null'
        )
        if (json === undefined)
            return {
                ok: false,
                message: `${name} is larger than ${String(MAX_OUTPUTS_CHARS)} characters as JSON, the most a script may hand back: nothing of it was kept`,
            }
        total += json.length
        exported.push([name, json])
    }
    return { ok: true, exported }
}

/**
 * A thrown value's text, read with head room over the heap limit: an out-of-memory error must be reported too.
 * @param {Sandbox} sandbox
 * @param {QuickJSHandle} error
 * @returns {string}
 */
function describe(sandbox, error) {
    const { context, helpers } = sandbox
    context.runtime.setMemoryLimit(SCRIPT_HEAP_LIMIT_BYTES + ERROR_READING_HEADROOM_BYTES)
    const describeFunction = context.getProp(helpers, 'describe')
    const result = context.callFunction(describeFunction, context.undefined, error)
    describeFunction.dispose()
    if (result.error) {
        result.error.dispose()
        return 'the script failed with a value that cannot be shown'
    }
    // The helper cut it; a script that reached the helper's built-ins could not make it longer than this.
    const text = result.value.consume((handle) =>
        context.typeof(handle) === 'string' ? boundedString(context, handle, MAX_ERROR_MESSAGE_CHARS * 2) : undefined
    )
    return text ?? 'the script failed with a value that cannot be shown'
}

/**
 * A guest string's text when it is at most `max` characters (its length is read first, nothing copied).
 * @param {QuickJSAsyncContext} context
 * @param {QuickJSHandle} handle
 * @param {number} max
 * @returns {string | undefined}
 */
function boundedString(context, handle, max) {
    const length = context.getProp(handle, 'length').consume((lengthHandle) => context.getNumber(lengthHandle))
    return length > max ? undefined : context.getString(handle)
}

/** @param {QuickJSAsyncContext} context */
function installBridge(context) {
    context
        .newFunction('__glideHost', (operationHandle, argumentsHandle) => {
            const operation =
                context.typeof(operationHandle) === 'string' ? boundedString(context, operationHandle, 100) : undefined
            const args =
                context.typeof(argumentsHandle) === 'string'
                    ? boundedString(context, argumentsHandle, MAX_HOST_CALL_CHARS)
                    : undefined
            if (operation === undefined || args === undefined)
                return context.newString(
                    JSON.stringify({
                        error: `a Glide API call may carry at most ${String(MAX_HOST_CALL_CHARS)} characters`,
                    })
                )
            return context.newString(callInstance(operation, args))
        })
        .consume((handle) => context.setProp(context.global, '__glideHost', handle))
    context
        .newString(
            JSON.stringify({ defaultHttpTimeoutMs: DEFAULT_HTTP_TIMEOUT_MS, maxLogMessageChars: MAX_LOG_MESSAGE_CHARS })
        )
        .consume((handle) => context.setProp(context.global, '__glideConfig', handle))
}

/**
 * Posts a Glide API call to the instance and sleeps until its answer is posted back.
 * @param {string} operation
 * @param {string} args
 * @returns {string}
 */
function callInstance(operation, args) {
    Atomics.store(answerFlag, 0, 0)
    calls.postMessage({ operation, args })
    Atomics.wait(answerFlag, 0, 0)
    const answer = receiveMessageOnPort(calls)
    if (!answer) throw new Error('the instance did not answer the Glide API call')
    return /** @type {string} */ (answer.message)
}

/**
 * @param {QuickJSAsyncContext} context
 * @param {string} code
 * @param {string} fileName
 */
function evaluate(context, code, fileName) {
    const outcome = context.evalCode(code, fileName, { type: 'global' })
    if (outcome.error) {
        const message = outcome.error.consume((error) => String(context.dump(error)))
        throw new Error(`${fileName}: ${message}`)
    }
    outcome.value.dispose()
}

/** @param {unknown} error */
function messageOf(error) {
    return error instanceof Error ? error.message : String(error)
}
