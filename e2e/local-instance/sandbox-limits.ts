// Every bound on an update-set script's run, in one place. A set is untrusted input: whatever its
// scripts do, a run costs the instance at most these, and another client's page is never held up by
// it (the script runs on a thread of its own, sandbox-thread.ts; the instance's thread only answers
// its Glide API calls, one at a time).

/**
 * How long a script step may run before the platform stops it: 30 s: a step was seen stopped
 * in the middle of a 30 s RESTMessageV2 wait, before it could write its note [unverified: ServiceNow's
 * documentation names no such limit; only a PDI confirms it]. What was written before stays written.
 * Wall clock, waits included; past it the script's thread is terminated wherever it is, in a long
 * native call (`new Array(3e8).join('')`) as much as in a loop.
 */
export const STEP_TIME_LIMIT_MS = 30_000

/** The platform's default RESTMessageV2 timeout is not documented for script steps; 60 s is its outbound HTTP default. */
export const DEFAULT_HTTP_TIMEOUT_MS = 60_000

/**
 * QuickJS's own heap limit: the objects, strings and arrays a script makes. 64 MB is hundreds of times
 * what the kit's scripts use (a few KB of Kpow JSON) and small enough that a few runs at once stay far
 * below the instance's memory ceiling.
 */
export const SCRIPT_HEAP_LIMIT_BYTES = 64 * 1024 * 1024

/**
 * The WebAssembly memory QuickJS runs in may grow to this and no further. QuickJS does not count an
 * ArrayBuffer's bytes against its heap limit (an `ArrayBuffer` bomb took the process past 2 GB under a
 * 64 MB limit), so this bound is what holds buffers. The 32 MB over the heap limit leave room for the
 * allocator, the C stack, and reading a failed run's error message once the heap is full.
 */
export const SCRIPT_WASM_MEMORY_MAX_BYTES = SCRIPT_HEAP_LIMIT_BYTES + 32 * 1024 * 1024

/** QuickJS's stack: deep enough for any real script, shallow enough that runaway recursion stops at once. */
export const SCRIPT_STACK_LIMIT_BYTES = 512 * 1024

/**
 * The script thread's own V8 heap (Worker resourceLimits): the bridge's code and the bounded texts it
 * carries (a Glide API call, a REST answer, the outputs); past it the thread is stopped and the run
 * fails "out of memory". The QuickJS memory above is outside this heap and bounded on its own.
 */
export const SCRIPT_THREAD_HEAP_MB = 64
export const SCRIPT_THREAD_YOUNG_HEAP_MB = 8

/**
 * How many scripts run at once, the rest waiting for a thread: each may hold its memory bounds above
 * (some 200 MB at worst), so this keeps hostile scripts started together (a page of a record whose UI
 * action condition loops, opened by many clients) within the instance's memory ceiling.
 */
export const MAX_CONCURRENT_SCRIPT_RUNS = 4

/**
 * The most one Glide API call may carry to the instance, as JSON (a record to insert, a REST request
 * body, a log line already cut below): far above any real record or Kpow request, and small enough that
 * the instance's thread parses it in a few milliseconds. A larger call fails in the script.
 */
export const MAX_HOST_CALL_CHARS = 1024 * 1024

/** A single log line (gs.info, gs.addInfoMessage, ...) is cut to this, with a marker, inside the sandbox. */
export const MAX_LOG_MESSAGE_CHARS = 8 * 1024

/**
 * What a run may log in all (flow step log, or a UI action's messages to the user): a person reads it on
 * a page, and it is stored with the flow run. Past either bound the last line is cut with a marker and
 * later lines are dropped; the script goes on (a log flood is not an error on the platform either).
 */
export const MAX_LOG_CHARS_PER_RUN = 64 * 1024
export const MAX_LOG_MESSAGES_PER_RUN = 200

/**
 * The most a run's outputs (a script step's `outputs`, a UI action's result) may weigh as JSON: step
 * outputs are short strings the flow's pills carry (an id, a status). A run that leaves more fails.
 */
export const MAX_OUTPUTS_CHARS = 1024 * 1024

/**
 * The most of a RESTMessageV2 response body the instance reads for a script: Kpow's answers are a few
 * KB; 4 MB leaves room for any list it gives and fits the script's heap twice over. Past it the
 * instance stops reading and execute() throws in the script.
 */
export const MAX_REST_RESPONSE_BYTES = 4 * 1024 * 1024

/** A failed run's error message is cut to this, with a marker: it is shown on pages and in logs. */
export const MAX_ERROR_MESSAGE_CHARS = 2_000

/**
 * The bounds a script's thread enforces itself, handed to it as data when it starts (its code is
 * plain JavaScript, sandbox-worker.mjs, and cannot import this TypeScript module).
 */
export const THREAD_LIMITS = {
    DEFAULT_HTTP_TIMEOUT_MS,
    MAX_ERROR_MESSAGE_CHARS,
    MAX_HOST_CALL_CHARS,
    MAX_LOG_MESSAGE_CHARS,
    MAX_OUTPUTS_CHARS,
    SCRIPT_HEAP_LIMIT_BYTES,
    SCRIPT_STACK_LIMIT_BYTES,
    SCRIPT_WASM_MEMORY_MAX_BYTES,
} as const
