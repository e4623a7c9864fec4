/**
 * A flow's outline as a diagram: a graph of its steps (If: yes/no branches; Try: the catch path on
 * error; End Flow and the last steps into End), written as Mermaid text (diffable, GitHub renders
 * it) or drawn as SVG laid out by dagre (a layered graph layout), so no browser is needed. End Flow
 * is a terminal of its own. The SVG can highlight the steps of one run.
 */
import dagre from '@dagrejs/dagre'
import type { EdgeLabel, GraphLabel, NodeLabel } from '@dagrejs/dagre'
import type { FlowOutline, OutlineStep } from './flow-outline.ts'
import { stepHeadline } from './explain-text.ts'

export type NodeShape = 'start' | 'end' | 'step' | 'decision' | 'wait' | 'stop' | 'block'

export interface DiagramNode {
    id: string
    shape: NodeShape
    text: string
    /** The ui_id of the step it draws (start and end have none). */
    uiId?: string
}

export interface DiagramEdge {
    from: string
    to: string
    label?: string
}

export interface FlowGraph {
    title: string
    nodes: DiagramNode[]
    edges: DiagramEdge[]
}

const MAX_TEXT = 110

function shorten(text: string, limit = MAX_TEXT): string {
    const single = text.replace(/\s+/g, ' ').trim()
    return single.length > limit ? `${single.slice(0, limit - 1)}…` : single
}

/**
 * Where the flow starts: its trigger; a subflow has none, it starts where a flow's step calls it,
 * with its inputs (longer than a step's text: the list is what a reader looks for).
 */
function startText(flow: FlowOutline): string {
    if (!flow.subflow) return shorten(`Trigger: ${flow.trigger.label || '(none)'}`)
    const { calledBy, inputs } = flow.subflow
    const callers = calledBy.length > 0 ? `Called by ${calledBy.join(', ')}` : 'Called by no flow of this set'
    return shorten(`${callers}; inputs: ${inputs.length > 0 ? inputs.join(', ') : '(none)'}`, 2 * MAX_TEXT)
}

function stepText(step: OutlineStep): string {
    const headline = stepHeadline(step).replace(' (the flow waits here)', '')
    return shorten(step.annotation && step.kind !== 'if' ? `${headline}: ${step.annotation}` : headline)
}

interface Pending {
    from: string
    label?: string
}

/** The control flow of a flow's steps as nodes and edges. */
export function flowGraph(flow: FlowOutline): FlowGraph {
    const nodes: DiagramNode[] = []
    const edges: DiagramEdge[] = []
    const connect = (pending: Pending[], to: string) => {
        for (const { from, label } of pending) edges.push({ from, to, ...(label ? { label } : {}) })
    }
    const addStep = (step: OutlineStep, shape: NodeShape): string => {
        const id = `s${String(step.number)}`
        nodes.push({ id, shape, text: stepText(step), uiId: step.uiId })
        return id
    }
    nodes.push({ id: 'start', shape: 'start', text: startText(flow) })

    const emit = (steps: OutlineStep[], entry: Pending[]): Pending[] => {
        let pending = entry
        for (let index = 0; index < steps.length; index += 1) {
            const step = steps[index]
            if (!step) continue
            const next = steps[index + 1]
            if (step.kind === 'if') {
                const id = addStep(step, 'decision')
                connect(pending, id)
                const yes = emit(step.children, [{ from: id, label: 'yes' }])
                let no: Pending[] = [{ from: id, label: 'no' }]
                if (next?.kind === 'else') {
                    no = emit(next.children, no)
                    index += 1
                }
                pending = [...yes, ...no]
            } else if (step.kind === 'try') {
                const id = addStep(step, 'block')
                connect(pending, id)
                const tried = emit(step.children, [{ from: id }])
                let caught: Pending[] = []
                if (next?.kind === 'catch') {
                    const catchId = addStep(next, 'block')
                    edges.push({ from: id, to: catchId, label: 'on error' })
                    caught = emit(next.children, [{ from: catchId }])
                    index += 1
                }
                pending = [...tried, ...caught]
            } else if (step.kind === 'endFlow') {
                const id = addStep(step, 'stop')
                connect(pending, id)
                pending = []
            } else {
                const id = addStep(step, step.waits ? 'wait' : step.children.length > 0 ? 'block' : 'step')
                connect(pending, id)
                pending = step.children.length > 0 ? emit(step.children, [{ from: id }]) : [{ from: id }]
            }
        }
        return pending
    }
    const last = emit(flow.steps, [{ from: 'start' }])
    nodes.push({ id: 'finish', shape: 'end', text: 'End' })
    connect(last, 'finish')
    return { title: flow.name, nodes, edges }
}

function mermaidText(text: string): string {
    return `"${text.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;')}"`
}

const MERMAID_SHAPES: Record<NodeShape, [string, string]> = {
    start: ['([', '])'],
    end: ['([', '])'],
    stop: ['([', '])'],
    step: ['[', ']'],
    block: ['[[', ']]'],
    decision: ['{', '}'],
    wait: ['{{', '}}'],
}

/** Mermaid flowchart text of the graph (top down). */
export function toMermaid(graph: FlowGraph): string {
    const lines = ['flowchart TD']
    for (const node of graph.nodes) {
        const [open, close] = MERMAID_SHAPES[node.shape]
        lines.push(`    ${node.id}${open}${mermaidText(node.text)}${close}`)
    }
    for (const edge of graph.edges)
        lines.push(`    ${edge.from} -->${edge.label ? `|${mermaidText(edge.label)}|` : ''} ${edge.to}`)
    return `${lines.join('\n')}\n`
}

/** How one step of a run went, for highlighting. */
export interface StepHighlight {
    status: 'complete' | 'error' | 'waiting' | 'running' | 'skipped'
    /** Shown under the step, e.g. "complete, 1.2 s". */
    detail: string
}

export interface SvgOptions {
    /** By step ui_id: the steps of a run. Steps without an entry are drawn faded. */
    highlights?: ReadonlyMap<string, StepHighlight>
    /** Accessible name of the picture. */
    title?: string
}

const NODE_WIDTH = 240
const CHARS_PER_LINE = 34
const LINE_HEIGHT = 15
const PADDING = 9
const LAYER_GAP = 46
const NODE_GAP = 28
/** Between edges running side by side. */
const EDGE_GAP = 14
const MARGIN = 20
/** How far a decision's hexagon corners sit in from its box. */
const DECISION_INSET = 18
/** An edge label's box for the layout: italic 12px text, about 7px a character. */
const LABEL_CHAR_WIDTH = 7
const LABEL_HEIGHT = 16

function wrap(text: string): string[] {
    const lines: string[] = []
    let current = ''
    for (const word of text.split(' ')) {
        if (current !== '' && current.length + 1 + word.length > CHARS_PER_LINE) {
            lines.push(current)
            current = word
        } else current = current === '' ? word : `${current} ${word}`
        while (current.length > CHARS_PER_LINE) {
            lines.push(current.slice(0, CHARS_PER_LINE))
            current = current.slice(CHARS_PER_LINE)
        }
    }
    if (current !== '') lines.push(current)
    return lines
}

/** A node placed by the layout: its box (left, top, width, height) and its text lines. */
export interface PlacedNode {
    node: DiagramNode
    lines: string[]
    left: number
    top: number
    width: number
    height: number
}

/** An edge routed by the layout: the points of its line (first on its source, last on its target) and where its label goes. */
export interface RoutedEdge {
    edge: DiagramEdge
    points: { x: number; y: number }[]
    label?: { x: number; y: number; width: number; height: number }
}

export interface FlowLayout {
    width: number
    height: number
    nodes: PlacedNode[]
    edges: RoutedEdge[]
}

/** Where a node comes in the flow (ids as flowGraph makes them): the trigger, the steps by number, End. */
function flowPosition(id: string): number {
    if (id === 'start') return -1
    if (/^s\d+$/.test(id)) return Number(id.slice(1))
    return id === 'finish' ? Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER - 1
}

/** By flow position, then by code units (never by locale, which differs between machines). */
function compareIds(left: string, right: string): number {
    return flowPosition(left) - flowPosition(right) || (left < right ? -1 : left > right ? 1 : 0)
}

/**
 * dagre ends an edge on its node's box; a decision is drawn as a hexagon inside that box, so an end
 * near a corner moves onto the hexagon: along the top or bottom, or to the point of a side.
 */
function ontoHexagon(point: { x: number; y: number }, box: PlacedNode): { x: number; y: number } {
    const right = box.left + box.width
    const onTopOrBottom = Math.abs(point.y - box.top) < 0.01 || Math.abs(point.y - (box.top + box.height)) < 0.01
    if (onTopOrBottom)
        return { x: Math.min(Math.max(point.x, box.left + DECISION_INSET), right - DECISION_INSET), y: point.y }
    return { x: point.x < box.left + box.width / 2 ? box.left : right, y: box.top + box.height / 2 }
}

/** The diagram's geometry, laid out top down by dagre (layers, crossing reduction, edges around nodes). */
export function layoutFlowGraph(graph: FlowGraph, options: SvgOptions = {}): FlowLayout {
    const layout = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true })
    layout.setGraph({
        rankdir: 'TB',
        nodesep: NODE_GAP,
        ranksep: LAYER_GAP,
        edgesep: EDGE_GAP,
        marginx: MARGIN,
        marginy: MARGIN,
    })
    // dagre breaks ties by insertion order: nodes and edges go in sorted by where they are in the flow,
    // so the same graph gives the same picture however its lists were built.
    const sortedNodes = [...graph.nodes].sort((left, right) => compareIds(left.id, right.id))
    const sortedEdges = [...graph.edges].sort(
        (left, right) =>
            compareIds(left.from, right.from) ||
            compareIds(left.to, right.to) ||
            compareIds(left.label ?? '', right.label ?? '')
    )
    const lines = new Map<string, string[]>()
    for (const node of sortedNodes) {
        const highlight = node.uiId ? options.highlights?.get(node.uiId) : undefined
        const text = [...wrap(node.text), ...(highlight ? [highlight.detail] : [])]
        lines.set(node.id, text)
        const extra = node.shape === 'decision' ? 2 * PADDING : 0
        layout.setNode(node.id, {
            width: node.shape === 'decision' ? NODE_WIDTH + 40 : NODE_WIDTH,
            height: text.length * LINE_HEIGHT + 2 * PADDING + extra,
        })
    }
    sortedEdges.forEach((edge, index) => {
        // A label gets a box of its own in the layout, centred on its edge, so it never sits on a node.
        const label = edge.label
            ? { width: edge.label.length * LABEL_CHAR_WIDTH + 8, height: LABEL_HEIGHT, labelpos: 'c' as const }
            : {}
        layout.setEdge(edge.from, edge.to, label, String(index))
    })
    dagre.layout(layout)
    const nodes = sortedNodes.map((node) => {
        const { x = 0, y = 0, width, height } = layout.node(node.id)
        return { node, lines: lines.get(node.id) ?? [], left: x - width / 2, top: y - height / 2, width, height }
    })
    const placedById = new Map(nodes.map((placed) => [placed.node.id, placed]))
    const edges = sortedEdges.map((edge, index) => {
        const routed = layout.edge(edge.from, edge.to, String(index))
        const points = [...(routed.points ?? [])]
        const ends = [
            [0, placedById.get(edge.from)],
            [points.length - 1, placedById.get(edge.to)],
        ] as const
        for (const [at, placed] of ends) {
            const point = points[at]
            if (point && placed?.node.shape === 'decision') points[at] = ontoHexagon(point, placed)
        }
        const label =
            edge.label && routed.x !== undefined && routed.y !== undefined
                ? { x: routed.x, y: routed.y, width: routed.width ?? 0, height: routed.height ?? 0 }
                : undefined
        return { edge, points, ...(label ? { label } : {}) }
    })
    const { width = 0, height = 0 } = layout.graph()
    return { width, height, nodes, edges }
}

function escapeXml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

const STATUS_COLOURS: Record<StepHighlight['status'], { fill: string; stroke: string }> = {
    complete: { fill: '#dcfce7', stroke: '#15803d' },
    error: { fill: '#fee2e2', stroke: '#b91c1c' },
    waiting: { fill: '#fef3c7', stroke: '#b45309' },
    running: { fill: '#dbeafe', stroke: '#1d4ed8' },
    skipped: { fill: '#f3f4f6', stroke: '#6b7280' },
}

/** The graph drawn as a standalone SVG document (deterministic: same graph, same bytes). */
export function toSvg(graph: FlowGraph, options: SvgOptions = {}): string {
    const { highlights } = options
    const { width, height, nodes, edges } = layoutFlowGraph(graph, options)
    const uiIdOf = new Map(graph.nodes.map((node) => [node.id, node.uiId]))
    // Rounded to a tenth of a pixel: byte-identical output, whatever the last bits of the arithmetic.
    const px = (value: number) => String(Math.round(value * 10) / 10)
    const parts: string[] = []
    const title = options.title ?? `Flow ${graph.title}`
    parts.push(
        `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${px(width)} ${px(height)}" width="${px(width)}" height="${px(height)}" role="img" aria-label="${escapeXml(title)}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
        `<title>${escapeXml(title)}</title>`,
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#475569"/></marker></defs>',
        `<rect x="0" y="0" width="${px(width)}" height="${px(height)}" fill="#ffffff"/>`
    )
    for (const { edge, points } of edges) {
        const ran =
            highlights &&
            [edge.from, edge.to].every((id) => {
                const uiId = uiIdOf.get(id)
                return uiId === undefined || highlights.has(uiId)
            })
        parts.push(
            `<polyline points="${points.map((point) => `${px(point.x)},${px(point.y)}`).join(' ')}" fill="none" stroke="${ran ? '#1e293b' : '#94a3b8'}" stroke-width="${ran ? '2' : '1.2'}" marker-end="url(#arrow)"/>`
        )
    }
    // Labels after all lines, on a white ground, so no line runs through a label.
    for (const { edge, label } of edges)
        if (edge.label && label)
            parts.push(
                `<rect x="${px(label.x - label.width / 2)}" y="${px(label.y - label.height / 2)}" width="${px(label.width)}" height="${px(label.height)}" fill="#ffffff" opacity="0.85"/>`,
                `<text x="${px(label.x)}" y="${px(label.y + 4)}" text-anchor="middle" fill="#334155" font-style="italic">${escapeXml(edge.label)}</text>`
            )
    for (const item of nodes) {
        const { node } = item
        const highlight = node.uiId ? highlights?.get(node.uiId) : undefined
        const faded = highlights !== undefined && node.uiId !== undefined && !highlight
        const colours = highlight
            ? STATUS_COLOURS[highlight.status]
            : node.shape === 'start' || node.shape === 'end'
              ? { fill: '#e0e7ff', stroke: '#3730a3' }
              : node.shape === 'decision'
                ? { fill: '#fefce8', stroke: '#a16207' }
                : node.shape === 'wait'
                  ? { fill: '#fff7ed', stroke: '#c2410c' }
                  : { fill: '#f8fafc', stroke: '#334155' }
        const { left, top } = item
        const attributes = `fill="${colours.fill}" stroke="${colours.stroke}" stroke-width="${highlight ? '2.5' : '1.2'}"`
        const group = [
            `<g${faded ? ' opacity="0.45"' : ''}${node.uiId ? ` data-step="${escapeXml(node.uiId)}"` : ''}${highlight ? ` data-status="${highlight.status}"` : ''}>`,
        ]
        if (highlight) group.push(`<title>${escapeXml(`${node.text} (${highlight.detail})`)}</title>`)
        const cx = left + item.width / 2
        if (node.shape === 'decision') {
            const half = item.height / 2
            group.push(
                `<polygon points="${px(left)},${px(top + half)} ${px(left + DECISION_INSET)},${px(top)} ${px(left + item.width - DECISION_INSET)},${px(top)} ${px(left + item.width)},${px(top + half)} ${px(left + item.width - DECISION_INSET)},${px(top + item.height)} ${px(left + DECISION_INSET)},${px(top + item.height)}" ${attributes}/>`
            )
        } else {
            const radius = node.shape === 'start' || node.shape === 'end' || node.shape === 'stop' ? item.height / 2 : 6
            group.push(
                `<rect x="${px(left)}" y="${px(top)}" width="${px(item.width)}" height="${px(item.height)}" rx="${px(Math.min(radius, 18))}" ${attributes}${node.shape === 'wait' ? ' stroke-dasharray="5 3"' : ''}/>`
            )
        }
        const textTop = top + (item.height - item.lines.length * LINE_HEIGHT) / 2 + LINE_HEIGHT - 3
        item.lines.forEach((line, index) => {
            const isDetail = highlight !== undefined && index === item.lines.length - 1
            group.push(
                `<text x="${px(cx)}" y="${px(textTop + index * LINE_HEIGHT)}" text-anchor="middle" fill="${isDetail ? colours.stroke : '#0f172a'}"${isDetail ? ' font-weight="bold"' : ''}>${escapeXml(line)}</text>`
            )
        })
        group.push('</g>')
        parts.push(group.join(''))
    }
    parts.push('</svg>')
    return `${parts.join('\n')}\n`
}
