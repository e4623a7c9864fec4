/** The outline of a set as plain text: what `npm run explain` prints. */
import type {
    ActionOutline,
    CatalogItemOutline,
    FlowOutline,
    OutlineInput,
    OutlineStep,
    SetOutline,
} from './flow-outline.ts'

/** One line naming what a step does: `12. If [Flow Variables ➛ approval_state] is not approved`. */
export function stepHeadline(step: OutlineStep): string {
    const what =
        step.kind === 'if'
            ? `If ${step.condition ?? '(no condition)'}`
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
            : [`${indent}${name}: ${shown}`]
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
        `  Trigger: ${flow.trigger.label || '(none)'}${triggerInputs ? ` (${triggerInputs})` : ''}`,
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

export function formatCatalogItem(item: CatalogItemOutline): string[] {
    return [
        `Catalog item "${item.name}"${item.active ? '' : ' (inactive)'}: runs flow ${item.flow ? `"${item.flow}"` : '(none)'}`,
        ...(item.shortDescription ? [`  ${item.shortDescription}`] : []),
        ...(item.variables.length === 0 ? ['  (no variables in this set)'] : ['  Variables:']),
        ...item.variables.flatMap((variable) => [
            `    ${variable.name} "${variable.question}": ${variable.type}${variable.mandatory ? ', mandatory' : ''}`,
            ...(variable.choices.length > 0
                ? [`      choices: ${variable.choices.map((choice) => `${choice.text} = ${choice.value}`).join('; ')}`]
                : []),
            ...(variable.validation ? [`      validation: ${variable.validation}`] : []),
        ]),
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
