// Flow logic: If (its condition over the data pills), Else (after an If not taken), Set Flow
// Variables, End Flow, Try and Catch (a Catch runs when its Try caught a step's failure). A block
// the run was inside when stored is entered again after a restart without being decided again.
import type { LogicKind, LogicNode } from '../flow-model'
import { matchesEncodedQuery, parseEncodedQuery } from '../../../scripts/lib/update-set/index'
import type { FlowServices, NodeHandler, NodeRun, SiblingOutcome } from './construct'
import { resolveText, withPillValues } from './pills'
import { assignSubflowOutputsHandler } from './subflow'
import type { RunValue } from './run-model'
import { EndFlowSignal, FlowRunError } from './run-model'

type LogicHandler = NodeHandler<LogicNode>['run']

function decideIf(node: LogicNode, at: NodeRun, { database, book }: FlowServices): boolean {
    const log = book.openStep(at.run, node, at.depth, 'logic', { condition: node.condition })
    const query = withPillValues(database, parseEncodedQuery(node.condition), at.scope)
    const resolvedFields: Record<string, string> = {}
    const taken = matchesEncodedQuery(query, (field) => {
        const value = resolveText(database, field, at.scope)
        resolvedFields[field] = value
        return value
    })
    book.closeStep(log, 'complete', { ...resolvedFields, result: String(taken) })
    return taken
}

const runIf: LogicHandler = async (node, at, services) => {
    const ifTaken = at.inside ? true : decideIf(node, at, services)
    if (ifTaken) await at.runChildren(node.children, at.inside)
    return { ifTaken }
}

/** Else and Catch: a branch taken or not by what the node before it left; logged either way. */
function branch(
    taken: (previous: SiblingOutcome) => boolean,
    inputs: (previous: SiblingOutcome) => Record<string, string>
): LogicHandler {
    return async (node, at, { book }) => {
        if (at.inside) {
            await at.runChildren(node.children, at.inside)
            return undefined
        }
        const isTaken = taken(at.previous)
        book.closeStep(
            book.openStep(at.run, node, at.depth, 'logic', inputs(at.previous)),
            isTaken ? 'complete' : 'skipped',
            {
                branch: isTaken ? 'taken' : 'not taken',
            }
        )
        if (isTaken) await at.runChildren(node.children)
        return undefined
    }
}

const setFlowVariables: LogicHandler = (node, at, { database, book }) => {
    const assigned = Object.fromEntries(
        node.variables.map((variable) => [variable.name, resolveText(database, variable.value, at.scope)])
    )
    const flowVariables = at.scope.get('flow_variable') ?? new Map<string, RunValue>()
    for (const [name, value] of Object.entries(assigned)) flowVariables.set(name, { value })
    at.scope.set('flow_variable', flowVariables)
    book.closeStep(book.openStep(at.run, node, at.depth, 'logic', {}), 'complete', assigned)
    return Promise.resolve(undefined)
}

const endFlow: LogicHandler = (node, at, { book }) => {
    book.closeStep(book.openStep(at.run, node, at.depth, 'logic', {}), 'complete', {})
    throw new EndFlowSignal()
}

const runTry: LogicHandler = async (node, at, { book }) => {
    const log = (at.inside && book.lastStep(at.run, node.uiId)) || book.openStep(at.run, node, at.depth, 'logic', {})
    try {
        await at.runChildren(node.children, at.inside)
        book.closeStep(log, 'complete', { outcome: 'no error' })
        return undefined
    } catch (error) {
        if (!(error instanceof FlowRunError)) throw error
        book.closeStep(log, 'complete', { outcome: 'error caught', error: error.message })
        return { tryError: error.message }
    }
}

export const logicHandlers: { [Kind in LogicKind]: NodeHandler<LogicNode> } = {
    assignSubflowOutputs: assignSubflowOutputsHandler,
    if: { run: runIf },
    else: {
        run: branch(
            (previous) => previous.ifTaken === false,
            () => ({})
        ),
    },
    setFlowVariables: { run: setFlowVariables },
    endFlow: { run: endFlow },
    try: { run: runTry },
    catch: {
        run: branch(
            (previous) => previous.tryError !== undefined,
            (previous): Record<string, string> => (previous.tryError ? { error: previous.tryError } : {})
        ),
    },
}
