// Waits and timers: a run pauses (stored with what it waits for) until a record change satisfies
// it or its timeout passes on the instance's timers; Wait For Condition is built on it, and so is
// an approval's wait. The runner listens to table changes; it never polls. After a restart a wait
// is entered again with what is left of its timeout (none left: it fires at once).
import { matchesEncodedQuery, parseEncodedQuery, singlePill } from '../../../scripts/lib/update-set/index'
import type { ActionNode } from '../flow-model'
import { isTrue, timeoutMilliseconds } from '../flow-model'
import type { BuiltInAction, FlowServices } from './construct'
import type { ConditionWait, FlowRun, RunValue, StepLog, WaitState } from './run-model'
import { FlowRunError } from './run-model'

/** Pauses the run (stored with what it waits for) until a record change makes `done` true, or the timeout passes. */
export function pauseRun(
    { options, book }: FlowServices,
    run: FlowRun,
    log: StepLog,
    wait: WaitState,
    done: (change: { table: string; sysId: string }) => boolean,
    timeoutMs?: number
): Promise<'condition' | 'timeout'> {
    run.status = 'waiting'
    run.reason = `waiting for ${wait.description}`
    log.status = 'waiting'
    book.store(run, wait)
    book.leave()
    return new Promise((resolve) => {
        let cancelTimer = () => {}
        const resume = (outcome: 'condition' | 'timeout') => {
            if (book.stopped) return
            stopListening()
            cancelTimer()
            book.enter()
            run.status = 'running'
            delete run.reason
            log.status = 'running'
            log.messages.push({
                level: 'info',
                message: outcome === 'timeout' ? 'wait timed out' : 'condition met',
            })
            resolve(outcome)
        }
        const stopListening = options.database.onChange((change) => {
            if (done(change)) resume('condition')
        })
        if (timeoutMs !== undefined) cancelTimer = options.timers.schedule(timeoutMs, () => resume('timeout'))
    })
}

/** Waits until the record matches the wait's condition (at once if it does), or the timeout passes. */
function waitForRecord(
    services: FlowServices,
    run: FlowRun,
    log: StepLog,
    wait: ConditionWait,
    timeoutMs: number | undefined
): Promise<'condition' | 'timeout'> {
    const database = services.database
    const query = parseEncodedQuery(wait.conditions)
    const satisfied = () => matchesEncodedQuery(query, (field) => database.resolvePath(wait.table, wait.sysId, field))
    if (satisfied()) return Promise.resolve('condition')
    return pauseRun(
        services,
        run,
        log,
        wait,
        (change) => change.table === wait.table && change.sysId === wait.sysId && satisfied(),
        timeoutMs
    )
}

/** State 0: the condition was met; 1: the wait timed out. */
function stateOutput(outcome: 'condition' | 'timeout'): Map<string, RunValue> {
    return new Map([['state', { value: outcome === 'timeout' ? '1' : '0' }]])
}

/**
 * Wait For Condition's timeout_duration is a glide_duration input. A pill feeding it must be a
 * duration pill (the type its flow records for it), as Flow Designer allows; its value must read as a
 * duration above zero when the wait starts. Anything else fails the step: never wait unbounded, and
 * never let a text that only looks like a duration pass here and fail on an instance.
 */
export function waitTimeout(node: ActionNode, value: string): number {
    const raw = node.inputs.find((candidate) => candidate.name === 'timeout_duration')?.value ?? ''
    const pill = singlePill(raw)
    if (pill) {
        const type = node.pillTypes[pill.text]
        if (type !== 'glide_duration')
            throw new FlowRunError(
                type === undefined
                    ? `input timeout_duration is fed by {{${pill.text}}}, whose type the flow does not record (label_cache); a timeout takes a duration (glide_duration) pill`
                    : `input timeout_duration is fed by {{${pill.text}}}, a ${type} pill; a timeout takes a duration (glide_duration) pill`
            )
    }
    const milliseconds = timeoutMilliseconds(value)
    if (milliseconds === undefined)
        throw new FlowRunError(
            `input timeout_duration "${value}" is not a duration above zero (a glide_duration: 1970-01-01 HH:mm:ss, days rolling into the date)`
        )
    return milliseconds
}

/** Wait For Condition: on a record, with an optional (possibly computed) timeout. */
export const waitForCondition: BuiltInAction = async ({ run, node, log, inputs, input, resumedWait }, services) => {
    const database = services.database
    if (resumedWait?.kind === 'condition') {
        const remaining = Math.max(0, (resumedWait.dueAt ?? 0) - database.now().getTime())
        const outcome = await waitForRecord(
            services,
            run,
            log,
            resumedWait,
            resumedWait.dueAt === undefined ? undefined : remaining
        )
        return stateOutput(outcome)
    }
    const record = inputs.get('record')
    const table = input('table_name') || record?.table || ''
    const sysId = record?.value ?? ''
    const conditions = input('conditions')
    database.require(table, sysId)
    const timeout = isTrue(input('timeout_flag')) ? waitTimeout(node, input('timeout_duration')) : undefined
    const wait: ConditionWait = {
        kind: 'condition',
        description: `record ${table} ${sysId} to match "${parseEncodedQuery(conditions).text}"${timeout === undefined ? '' : ` (timeout ${String(timeout)} ms)`}`,
        table,
        sysId,
        conditions,
        dueAt: timeout === undefined ? undefined : database.now().getTime() + timeout,
    }
    return stateOutput(await waitForRecord(services, run, log, wait, timeout))
}
