// Subflows: a flow step that calls a subflow resolves its inputs in the caller's pills, runs the
// subflow's steps in the caller's run (logged one level under the step, so the item's page shows
// the subflow's run inside the calling flow's; a wait inside it is the caller's wait, stored and
// resumed with the run) and hands the subflow's outputs (Assign Subflow Outputs) to later steps as
// the step's pills. A subflow's steps read their inputs as `{{subflow.<input>}}`. A subflow has flow
// variables of its own, as on the platform: the caller's are put aside while it runs (kept in the
// run's pills, so a restart inside the subflow finds them) and are the caller's again after it.
import type { LogicNode } from '../flow-model'
import type { NodeHandler } from './construct'
import { resolveText, resolveValue } from './pills'
import type { RunValue } from './run-model'

/** The pills of the subflow running now: its inputs; and what Assign Subflow Outputs set so far. */
const INPUTS = 'subflow'
const OUTPUTS = 'subflow_outputs'
const FLOW_VARIABLES = 'flow_variable'
/** Where the caller's flow variables wait while the subflow the step calls runs. */
const callerFlowVariables = (node: LogicNode) => `caller_flow_variable.${node.uiId}`

export const subflowHandler: NodeHandler<LogicNode> = {
    async run(node, at, { database, book, options }) {
        const subflow = options.catalog().flows.find((flow) => flow.sysId === node.subflowSysId)
        // Entered again after a restart: the inputs are in the stored pills, the step's log is open.
        const log =
            (at.inside && book.lastStep(at.run, node.uiId)) ||
            book.openStep(
                at.run,
                node,
                at.depth,
                'logic',
                Object.fromEntries(
                    node.variables.map((input) => [input.name, resolveText(database, input.value, at.scope)])
                )
            )
        if (!at.inside) {
            const inputs = new Map<string, RunValue>()
            for (const declared of subflow?.inputs ?? []) {
                const given = node.variables.find((input) => input.name === declared.name)
                const value = given ? resolveValue(database, given.value, at.scope) : { value: '' }
                // A reference input keeps its table, so the subflow's pills dot-walk from it.
                inputs.set(
                    declared.name,
                    declared.reference && !value.table ? { ...value, table: declared.reference } : value
                )
            }
            at.scope.set(INPUTS, inputs)
            at.scope.set(OUTPUTS, new Map())
            at.scope.set(callerFlowVariables(node), at.scope.get(FLOW_VARIABLES) ?? new Map())
            at.scope.set(FLOW_VARIABLES, new Map())
        }
        try {
            await at.runChildren(node.children, at.inside)
        } catch (error) {
            book.closeStep(log, 'error', {})
            throw error
        } finally {
            at.scope.delete(INPUTS)
            at.scope.set(FLOW_VARIABLES, at.scope.get(callerFlowVariables(node)) ?? new Map())
            at.scope.delete(callerFlowVariables(node))
        }
        const outputs = at.scope.get(OUTPUTS) ?? new Map<string, RunValue>()
        at.scope.delete(OUTPUTS)
        at.scope.set(node.uiId, outputs)
        book.closeStep(log, 'complete', Object.fromEntries([...outputs].map(([name, value]) => [name, value.value])))
        return undefined
    },
}

/** Assign Subflow Outputs: the subflow's outputs, from pills of its steps. */
export const assignSubflowOutputsHandler: NodeHandler<LogicNode> = {
    run(node, at, { database, book }) {
        const outputs = at.scope.get(OUTPUTS) ?? new Map<string, RunValue>()
        const assigned: Record<string, string> = {}
        for (const output of node.variables) {
            const value = resolveValue(database, output.value, at.scope)
            outputs.set(output.name, value)
            assigned[output.name] = value.value
        }
        at.scope.set(OUTPUTS, outputs)
        book.closeStep(book.openStep(at.run, node, at.depth, 'logic', {}), 'complete', assigned)
        return Promise.resolve(undefined)
    },
}
