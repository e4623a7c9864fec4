/** The outline of a set as plain text: what `npm run explain` prints. */
import type { SetExplanation } from './record-outline.ts'
import type {
    ActionOutline,
    CatalogItemOutline,
    CatalogVariableOutline,
    FlowOutline,
    OutlineInput,
    OutlineStep,
    SetOutline,
} from './flow-outline.ts'

/** One line naming what a step does: `12. If [Flow Variables ➛ approval_state] is not approved`. */
export function stepHeadline(step: OutlineStep): string {
    const what =
        step.kind === 'if' || step.kind === 'elseIf'
            ? `${step.label} ${step.condition ?? '(no condition)'}`
            : step.waits
              ? `${step.label} (the flow waits here)`
              : step.label
    return `${String(step.number)}. ${what}`
}

function indentLines(text: string, indent: string): string[] {
    return text.split('\n').map((line) => `${indent}${line}`.trimEnd())
}

function inputLines(inputs: OutlineInput[], indent: string): string[] {
    return inputs.flatMap(({ name, shown }) =>
        shown.includes('\n')
            ? [`${indent}${name}:`, ...indentLines(shown, `${indent}  | `)]
            : [`${indent}${name}: ${shown}`.trimEnd()]
    )
}

function stepLines(step: OutlineStep, depth: number): string[] {
    const indent = '  '.repeat(depth + 1)
    const detail = `${indent}     `
    return [
        `${indent}${stepHeadline(step)}${step.annotation ? `  — ${step.annotation}` : ''}`,
        ...(step.approval ? [`${detail}approval: ${step.approval}`] : []),
        ...inputLines(step.inputs, detail),
        ...step.notes.map((note) => `${detail}cannot decode: ${note}`),
        ...step.children.flatMap((child) => stepLines(child, depth + 1)),
    ]
}

export function formatFlow(flow: FlowOutline): string[] {
    const state = [
        flow.status || 'no status',
        flow.active ? 'active' : 'inactive',
        flow.runAs ? `runs as ${flow.runAs}` : '',
    ]
    const triggerInputs = flow.trigger.inputs.map((input) => `${input.name}: ${input.shown}`).join(', ')
    return [
        `Flow "${flow.name}" (${state.filter((part) => part !== '').join(', ')})`,
        ...(flow.description ? [`  ${flow.description}`] : []),
        ...(flow.subflow
            ? [
                  `  Subflow called by: ${flow.subflow.calledBy.length > 0 ? flow.subflow.calledBy.join(', ') : '(no flow of this set)'}`,
                  `  Inputs: ${flow.subflow.inputs.length > 0 ? flow.subflow.inputs.join(', ') : '(none)'}`,
                  `  Outputs: ${flow.subflow.outputs.length > 0 ? flow.subflow.outputs.join(', ') : '(none)'}`,
              ]
            : [`  Trigger: ${flow.trigger.label || '(none)'}${triggerInputs ? ` (${triggerInputs})` : ''}`]),
        ...(flow.trigger.condition ? [`    condition: ${flow.trigger.condition}`] : []),
        ...(flow.flowVariables.length > 0 ? [`  Flow variables: ${flow.flowVariables.join(', ')}`] : []),
        ...(flow.steps.length === 0 ? ['  (no steps)'] : flow.steps.flatMap((step) => stepLines(step, 0))),
        ...flow.notes.map((note) => `  cannot decode: ${note}`),
    ]
}

export function formatAction(action: ActionOutline): string[] {
    const inputs = action.inputs.map((input) => `${input.name} (${input.label}${input.mandatory ? ', mandatory' : ''})`)
    return [
        `Action "${action.name}"`,
        `  Inputs: ${inputs.length > 0 ? inputs.join(', ') : '(none)'}`,
        `  Outputs: ${action.outputs.length > 0 ? action.outputs.map((output) => `${output.name} = ${output.shown}`).join(', ') : '(none)'}`,
        ...action.steps.flatMap((step, index) => [
            `  Step ${String(index + 1)}. ${step.label} (${step.type})`,
            ...inputLines(step.inputs, '       '),
            ...(step.script === undefined ? [] : ['       script:', ...indentLines(step.script, '         | ')]),
        ]),
        ...action.notes.map((note) => `  cannot decode: ${note}`),
    ]
}

function variableLines(variables: CatalogVariableOutline[]): string[] {
    return [
        ...(variables.length === 0 ? ['  (no variables in this set)'] : ['  Variables:']),
        ...variables.flatMap((variable) => [
            `    ${variable.name} "${variable.question}": ${variable.type}${variable.mandatory ? ', mandatory' : ''}${variable.mapsTo ? `, sets field ${variable.mapsTo}` : ''}`,
            ...(variable.choices.length > 0
                ? [`      choices: ${variable.choices.map((choice) => `${choice.text} = ${choice.value}`).join('; ')}`]
                : []),
            ...(variable.validation ? [`      validation: ${variable.validation}`] : []),
        ]),
    ]
}

export function formatCatalogItem(item: CatalogItemOutline): string[] {
    const runs = item.flow
        ? `runs flow "${item.flow}"`
        : item.workflow
          ? `runs workflow "${item.workflow}"`
          : 'runs no flow or workflow'
    return [
        `Catalog item "${item.name}"${item.active ? '' : ' (inactive)'}: ${runs}`,
        ...(item.shortDescription ? [`  ${item.shortDescription}`] : []),
        ...variableLines(item.variables),
    ]
}

export function formatOutline(outline: SetOutline): string {
    const sections = [
        [`Update set "${outline.name}"`],
        ...outline.flows.map(formatFlow),
        ...outline.actions.map(formatAction),
        ...outline.catalogItems.map(formatCatalogItem),
    ]
    if (outline.flows.length + outline.actions.length + outline.catalogItems.length === 0)
        sections.push(['(no flows, custom actions or catalog items in this set)'])
    if (outline.notes.length > 0) sections.push(['Notes:', ...outline.notes.map((note) => `  ${note}`)])
    return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`
}

const lines = (count: number) => `${String(count)} line${count === 1 ? '' : 's'}`
const state = (active: boolean) => (active ? '' : ' (inactive)')

function formatWorkflow(workflow: SetExplanation['workflows'][number]): string[] {
    return [
        `Workflow "${workflow.name}" (on ${workflow.table || 'no table'}, ${workflow.published ? 'published' : 'not published'}, ${workflow.active ? 'active' : 'inactive'})`,
        ...(workflow.description ? [`  ${workflow.description}`] : []),
        ...(workflow.condition ? [`  runs if ${workflow.condition}`] : []),
        ...workflow.activities.flatMap((activity) => [
            `  ${String(activity.number)}. ${activity.name}${activity.kind && activity.kind !== activity.name ? ` (${activity.kind})` : ''}`,
            ...inputLines(activity.inputs, '       '),
            ...activity.transitions.map(
                (transition) =>
                    `       ${transition.condition || '(no condition)'} → ${transition.toNumber === undefined ? `${transition.to} (not in this set)` : `${String(transition.toNumber)}. ${transition.to}`}`
            ),
        ]),
        ...workflow.notes.map((note) => `  note: ${note}`),
    ]
}

function formatRecordProducer(producer: SetExplanation['recordProducers'][number]): string[] {
    return [
        `Record producer "${producer.name}"${state(producer.active)}: creates a record in ${producer.table || '(no table named)'}`,
        ...(producer.shortDescription ? [`  ${producer.shortDescription}`] : []),
        ...(producer.template ? [`  sets: ${producer.template}`] : []),
        ...(producer.script ? ['  script:', ...indentLines(producer.script, '    | ')] : []),
        ...variableLines(producer.variables),
    ]
}

/** One heading and one line (or a few) per record of a kind; nothing when the set has none. */
function section<Item>(heading: string, items: Item[], format: (item: Item) => string[]): string[][] {
    return items.length === 0 ? [] : [[`${heading}:`, ...items.flatMap(format)]]
}

/** Everything explain says about a set, ending with what it did not outline. */
export function formatExplanation(explanation: SetExplanation): string {
    const base = formatOutline(explanation).trimEnd().split('\n\n')
    const header = base.shift() ?? ''
    const notes = base.length > 0 && base[base.length - 1]?.startsWith('Notes:') ? base.pop() : undefined
    const emptyFlows = base.length === 1 && base[0]?.startsWith('(no flows') ? base.pop() : undefined
    const sections: string[][] = [
        ...explanation.workflows.map(formatWorkflow),
        ...explanation.recordProducers.map(formatRecordProducer),
        ...section('Business rules', explanation.businessRules, (rule) => [
            `  "${rule.name}"${state(rule.active)} on ${rule.table}: ${rule.when}${rule.operations.length > 0 ? ` ${rule.operations.join(', ')}` : ''}, order ${rule.order || '(none)'}, script ${lines(rule.scriptLines)}`,
            ...(rule.condition ? [`    if ${rule.condition}`] : []),
            ...(rule.scriptCondition ? [`    if (script) ${rule.scriptCondition}`] : []),
        ]),
        ...section('Script includes', explanation.scriptIncludes, (include) => [
            `  ${include.apiName || include.name}${state(include.active)}${include.clientCallable ? ', client callable' : ''}: ${lines(include.scriptLines)}${include.description ? ` — ${include.description}` : ''}`,
        ]),
        ...section('Notifications', explanation.notifications, (notification) => [
            `  "${notification.name}"${state(notification.active)} on ${notification.table}`,
            `    sent when ${notification.sentWhen}`,
            `    to: ${notification.recipients}`,
            `    subject: ${notification.subject || '(none)'}`,
            `    body: ${notification.body || '(empty)'}`,
        ]),
        ...section('Mail scripts', explanation.mailScripts, (script) => [
            `  ${script.name}: ${lines(script.scriptLines)}, used by ${script.usedBy.length > 0 ? script.usedBy.map((name) => `"${name}"`).join(', ') : 'nothing in this set'}`,
        ]),
        ...section('Events', explanation.events, (event) => [
            `  ${event.name} on ${event.table || '(no table)'}${event.description ? `: ${event.description}` : ''}${event.firedBy ? ` (fired by ${event.firedBy})` : ''}`,
        ]),
        ...section('Script actions', explanation.scriptActions, (action) => [
            `  "${action.name}"${state(action.active)} on event ${action.event} (${action.registered ? 'registered in this set' : 'not registered in this set'}): ${lines(action.scriptLines)}`,
        ]),
        ...section('ACLs', explanation.acls, (acl) => [
            `  ${acl.name} (${acl.type}, ${acl.operation})${state(acl.active)}: ${acl.roles.length > 0 ? `roles ${acl.roles.join(', ')}` : 'no role'}${acl.scriptLines > 0 ? `, script ${lines(acl.scriptLines)}` : ''}`,
            ...(acl.condition ? [`    if ${acl.condition}`] : []),
        ]),
        ...section('Deleted by this set', explanation.deleted, (deleted) => [
            `  ${deleted.type} "${deleted.target}" (${deleted.updateName})`,
        ]),
    ]
    const shown = base.length + sections.length
    const counts = [...explanation.notOutlined].sort(
        ([leftTable, left], [rightTable, right]) => right - left || leftTable.localeCompare(rightTable)
    )
    const total = counts.reduce((sum, [, count]) => sum + count, 0)
    const notOutlined = `Not outlined: ${String(total)} record${total === 1 ? '' : 's'}${counts.length > 0 ? ` (${counts.map(([table, count]) => `${table}: ${String(count)}`).join(', ')})` : ''}`
    return `${[
        header,
        ...base,
        ...sections.map((lines) => lines.join('\n')),
        ...(shown === 0 && emptyFlows ? ['(nothing this tool outlines is in this set)'] : []),
        ...(notes ? [notes] : []),
        notOutlined,
    ].join('\n\n')}\n`
}
