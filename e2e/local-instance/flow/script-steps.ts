// Custom actions: their script steps run one after the other in the QuickJS sandbox
// (glide-sandbox.ts, each on a thread of its own) as the run's user, each step's outputs feeding the next through the action's
// own pills; the action's outputs are resolved from them. Each step has a log entry of its own.
import { replaceDataPills } from '../../../scripts/lib/update-set/index'
import type { ActionNode } from '../flow-model'
import { newSysId } from '../tables'
import { runPlatformScript } from '../glide-sandbox'
import { scopeNameOf } from '../script-includes'
import type { FlowServices } from './construct'
import type { FlowRun, RunValue, StepLog } from './run-model'
import { FlowRunError } from './run-model'

export async function runCustomAction(
    { options, book }: FlowServices,
    run: FlowRun,
    node: ActionNode,
    inputs: Map<string, RunValue>,
    log: StepLog,
    depth: number
): Promise<Map<string, RunValue>> {
    const action = options.catalog().actions.get(node.customActionId ?? '')
    if (!action) throw new FlowRunError(`custom action ${node.customActionId ?? ''} is not loaded`)
    const actionInputs = new Map([...inputs].map(([name, value]) => [name, value.value]))
    const stepOutputs = new Map<string, Map<string, string>>()
    const resolveInAction = (value: string) =>
        replaceDataPills(value, (pill) => {
            if (pill.source === 'action') return actionInputs.get(pill.path[0] ?? '') ?? ''
            const cid = /^step\[(.+)\]$/.exec(pill.source)?.[1] ?? ''
            return stepOutputs.get(cid)?.get(pill.path[0] ?? '') ?? ''
        })
    for (const step of action.steps) {
        const scriptInputs = Object.fromEntries(step.inputs.map((input) => [input.name, resolveInAction(input.value)]))
        const stepLog = book.openStep(
            run,
            { uiId: `${node.uiId}/${step.cid}`, order: step.order, label: `${action.name} / ${step.label}` },
            depth + 1,
            'script-step',
            scriptInputs
        )
        const outputs: Record<string, unknown> = {}
        try {
            await runPlatformScript(
                options.sandboxHost(run.runAsUserSysId, (level, message) => stepLog.messages.push({ level, message })),
                {
                    script: step.script,
                    recordName: `${action.updateName} (action "${action.name}", step "${step.label}")`,
                    level: options.javaScriptLevel(),
                    scope: scopeNameOf(
                        options.database,
                        options.database.get('sys_hub_action_type_definition', action.sysId)?.sys_scope
                    ),
                    globals: { inputs: { ...scriptInputs }, outputs },
                    timeScale: options.scriptTimeScale,
                }
            )
        } catch (error) {
            stepLog.error = error instanceof Error ? error.message : String(error)
            book.closeStep(stepLog, 'error', {})
            throw error
        }
        const declared = new Map(step.outputs.map((name) => [name, outputText(outputs[name])]))
        stepOutputs.set(step.cid, declared)
        book.closeStep(stepLog, 'complete', Object.fromEntries(declared))
    }
    log.messages.push({ level: 'debug', message: `${String(action.steps.length)} step(s) of "${action.name}" ran` })
    return new Map(action.outputs.map((output) => [output.name, { value: resolveInAction(output.value) }]))
}

/**
 * A script step's output as the string output it is declared as: JavaScript's own conversion, written
 * out because the outputs come back as plain data whose objects have no prototype (no toString).
 */
function outputText(value: unknown): string {
    if (value === undefined || value === null) return ''
    if (Array.isArray(value))
        return value.map((item) => (item === null || item === undefined ? '' : outputText(item))).join(',')
    return typeof value === 'object' ? '[object Object]' : String(value)
}

/**
 * Flow Designer's "Test" of an action: runs it alone with literal inputs, as `runAsUserSysId`,
 * logged as a run of its own. Lets a caller hand an action values no form would let through.
 */
export async function testCustomAction(
    services: FlowServices,
    actionSysId: string,
    inputs: Record<string, string>,
    runAsUserSysId: string
): Promise<FlowRun> {
    const book = services.book
    const action = services.options.catalog().actions.get(actionSysId)
    if (!action) throw new FlowRunError(`custom action ${actionSysId} is not loaded`)
    const run: FlowRun = {
        id: newSysId(),
        flowSysId: action.sysId,
        flowName: `Test of action "${action.name}"`,
        status: 'running',
        trigger: { table: 'sys_hub_action_type_definition', sysId: action.sysId, number: '' },
        runAsUserSysId,
        startedAt: book.now(),
        steps: [],
    }
    book.runs.push(run)
    const node: ActionNode = {
        kind: 'action',
        uiId: 'test',
        sysId: action.sysId,
        order: 1,
        label: action.name,
        customActionId: action.sysId,
        inputs: [],
        pillTypes: {},
    }
    const log = book.openStep(run, node, 0, 'action', { ...inputs })
    book.enter()
    try {
        const outputs = await runCustomAction(
            services,
            run,
            node,
            new Map(Object.entries(inputs).map(([name, value]) => [name, { value }])),
            log,
            0
        )
        book.closeStep(log, 'complete', Object.fromEntries([...outputs].map(([name, value]) => [name, value.value])))
        run.status = 'complete'
    } catch (error) {
        log.error = error instanceof Error ? error.message : String(error)
        book.closeStep(log, 'error', {})
        run.status = 'error'
        run.reason = log.error
    } finally {
        run.endedAt = book.now()
        book.leave()
    }
    return run
}
