// An action node: its inputs resolved from the data pills, its log entry, then the built-in
// action of that name (the registry below) or the custom action's script steps; its outputs become
// data pills of the run, and the run is stored after it. A failure names the action and its order.
import type { BuiltInActionName } from '../flow-model'
import type { ActionNode } from '../flow-model'
import { askForApproval } from './approval'
import type { BuiltInAction, NodeHandler } from './construct'
import { resolveValue } from './pills'
import { recordActions } from './record-actions'
import { FlowRunError } from './run-model'
import { runCustomAction } from './script-steps'
import { waitForCondition } from './waits'

/** Flow Designer's own actions the instance runs, by name (BUILT_IN_ACTIONS in the update-set library). */
const builtInActions: Record<BuiltInActionName, BuiltInAction> = {
    ...recordActions,
    waitForCondition,
    askForApproval,
}

export const actionHandler: NodeHandler<ActionNode> = {
    async run(node, { run, scope, depth, resuming }, services) {
        const { database, book } = services
        const resumedWait = resuming?.wait
        const resolved = new Map(node.inputs.map((input) => [input.name, resolveValue(database, input.value, scope)]))
        const shownInputs = Object.fromEntries([...resolved].map(([name, value]) => [name, value.value]))
        const log =
            (resumedWait && book.lastStep(run, node.uiId)) || book.openStep(run, node, depth, 'action', shownInputs)
        try {
            const outputs = node.builtIn
                ? await builtInActions[node.builtIn](
                      {
                          run,
                          node,
                          inputs: resolved,
                          log,
                          scope,
                          resumedWait,
                          input: (name) => resolved.get(name)?.value ?? '',
                      },
                      services
                  )
                : await runCustomAction(services, run, node, resolved, log, depth)
            scope.set(node.uiId, outputs)
            book.closeStep(
                log,
                'complete',
                Object.fromEntries([...outputs].map(([name, value]) => [name, value.value]))
            )
            book.store(run, undefined, true)
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error)
            log.error = message
            book.closeStep(log, 'error', {})
            throw new FlowRunError(`${node.label} (#${String(node.order)}) failed: ${message}`)
        }
        return undefined
    },
}
