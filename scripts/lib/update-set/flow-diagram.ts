/**
 * A flow's outline as a diagram: a graph of its steps (If: yes/no branches; Try: the catch path on
 * error; End Flow and the last steps into End), written as Mermaid text (diffable, GitHub renders
 * it) or drawn as SVG by a small layered layout (longest-path layers, dummy nodes on long edges; the
 * main line straight down, an If's yes branch to its left, a Catch to the right), so no browser is
 * needed. End Flow is a terminal of its own. The SVG can highlight the steps of one run.
 */
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

function shorten(text: string): string {
    const single = text.replace(/\s+/g, ' ').trim()
    return single.length > MAX_TEXT ? `${single.slice(0, MAX_TEXT - 1)}…` : single
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
    nodes.push({ id: 'start', shape: 'start', text: shorten(`Trigger: ${flow.trigger.label || '(none)'}`) })

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
const MARGIN = 20

interface Placed {
    id: string
    node?: DiagramNode
    lines: string[]
    width: number
    height: number
    layer: number
    x: number
    y: number
}

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
    const placed = new Map<string, Placed>()
    for (const node of graph.nodes) {
        const highlight = node.uiId ? highlights?.get(node.uiId) : undefined
        const lines = [...wrap(node.text), ...(highlight ? [highlight.detail] : [])]
        const width = node.shape === 'decision' ? NODE_WIDTH + 40 : NODE_WIDTH
        const extra = node.shape === 'decision' ? 2 * PADDING : 0
        placed.set(node.id, {
            id: node.id,
            node,
            lines,
            width,
            height: lines.length * LINE_HEIGHT + 2 * PADDING + extra,
            layer: 0,
            x: 0,
            y: 0,
        })
    }
    // Longest-path layering: a node sits one layer below its lowest predecessor (flows have no cycles).
    const incoming = new Map<string, string[]>()
    for (const edge of graph.edges) incoming.set(edge.to, [...(incoming.get(edge.to) ?? []), edge.from])
    const order = graph.nodes.map((node) => node.id)
    for (let pass = 0; pass < order.length; pass += 1) {
        let changed = false
        for (const edge of graph.edges) {
            const from = placed.get(edge.from)
            const to = placed.get(edge.to)
            if (from && to && to.layer < from.layer + 1) {
                to.layer = from.layer + 1
                changed = true
            }
        }
        if (!changed) break
    }
    // Long edges go through dummy points, one per layer crossed, so they bend around the nodes.
    const routes: { edge: DiagramEdge; points: string[] }[] = []
    for (const [index, edge] of graph.edges.entries()) {
        const from = placed.get(edge.from)
        const to = placed.get(edge.to)
        if (!from || !to) continue
        const points = [edge.from]
        for (let layer = from.layer + 1; layer < to.layer; layer += 1) {
            const id = `d${String(index)}_${String(layer)}`
            placed.set(id, { id, lines: [], width: 8, height: 0, layer, x: 0, y: 0 })
            points.push(id)
        }
        points.push(edge.to)
        routes.push({ edge, points })
    }
    const layers: Placed[][] = []
    for (const item of placed.values()) (layers[item.layer] ??= []).push(item)
    // Where a node wants to be: below the predecessor it continues (an If's "no", else the first one),
    // beside it for a yes branch (left) or a catch (right).
    const incomingSegments = new Map<string, { from: string; label?: string; first: boolean }[]>()
    for (const { edge, points } of routes)
        for (let index = 1; index < points.length; index += 1) {
            const to = points[index] ?? ''
            const segment = {
                from: points[index - 1] ?? '',
                first: index === 1,
                ...(edge.label ? { label: edge.label } : {}),
            }
            incomingSegments.set(to, [...(incomingSegments.get(to) ?? []), segment])
        }
    const priority = (label: string | undefined) =>
        label === 'no' ? 0 : label === undefined ? 1 : label === 'yes' ? 2 : 3
    const sideways = NODE_WIDTH + NODE_GAP
    const wanted = (item: Placed) => {
        const segments = [...(incomingSegments.get(item.id) ?? [])]
        const xs = segments.map((segment) => placed.get(segment.from)?.x ?? 0)
        if (item.node?.shape === 'end') return xs.length === 0 ? 0 : xs.reduce((sum, x) => sum + x, 0) / xs.length
        const [main] = segments.sort((left, right) => priority(left.label) - priority(right.label))
        if (!main) return 0
        const from = placed.get(main.from)?.x ?? 0
        if (!main.first) return from
        return main.label === 'yes' ? from - sideways : main.label === 'on error' ? from + sideways : from
    }
    let y = MARGIN
    for (const layer of layers) {
        if (!layer) continue
        const desired = new Map(layer.map((item) => [item.id, wanted(item)]))
        layer.sort(
            (left, right) =>
                (desired.get(left.id) ?? 0) - (desired.get(right.id) ?? 0) ||
                order.indexOf(left.id) - order.indexOf(right.id)
        )
        let right = -Infinity
        for (const item of layer) {
            const x = Math.max(desired.get(item.id) ?? 0, right + NODE_GAP + item.width / 2)
            item.x = x
            right = x + item.width / 2
        }
        const height = Math.max(...layer.map((item) => item.height))
        for (const item of layer) item.y = y + (height - item.height) / 2
        y += height + LAYER_GAP
    }
    const all = [...placed.values()]
    const minX = Math.min(...all.map((item) => item.x - item.width / 2)) - MARGIN
    const width = Math.max(...all.map((item) => item.x + item.width / 2)) - minX + MARGIN
    const height = y - LAYER_GAP + MARGIN
    const px = (value: number) => String(Math.round(value * 10) / 10)
    const parts: string[] = []
    const title = options.title ?? `Flow ${graph.title}`
    parts.push(
        `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${px(width)} ${px(height)}" width="${px(width)}" height="${px(height)}" role="img" aria-label="${escapeXml(title)}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
        `<title>${escapeXml(title)}</title>`,
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#475569"/></marker></defs>',
        `<rect x="0" y="0" width="${px(width)}" height="${px(height)}" fill="#ffffff"/>`
    )
    for (const { edge, points } of routes) {
        const coordinates = points.map((id, index) => {
            const item = placed.get(id)
            if (!item) return ''
            const cx = item.x - minX
            if (index === 0) return `${px(cx)},${px(item.y + item.height)}`
            if (index === points.length - 1) return `${px(cx)},${px(item.y)}`
            return `${px(cx)},${px(item.y + LAYER_GAP / 2)}`
        })
        const ran =
            highlights &&
            [edge.from, edge.to].every((id) => {
                const uiId = placed.get(id)?.node?.uiId
                return uiId === undefined || highlights.has(uiId)
            })
        parts.push(
            `<polyline points="${coordinates.join(' ')}" fill="none" stroke="${ran ? '#1e293b' : '#94a3b8'}" stroke-width="${ran ? '2' : '1.2'}" marker-end="url(#arrow)"/>`
        )
        if (edge.label) {
            const [first, second] = coordinates.map((point) => point.split(',').map(Number))
            if (first && second) {
                const lx = ((first[0] ?? 0) + (second[0] ?? 0)) / 2
                const ly = ((first[1] ?? 0) + Math.min(second[1] ?? 0, (first[1] ?? 0) + LAYER_GAP)) / 2
                parts.push(
                    `<text x="${px(lx + 4)}" y="${px(ly + 4)}" fill="#334155" font-style="italic">${escapeXml(edge.label)}</text>`
                )
            }
        }
    }
    for (const item of placed.values()) {
        const { node } = item
        if (!node) continue
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
        const left = item.x - minX - item.width / 2
        const attributes = `fill="${colours.fill}" stroke="${colours.stroke}" stroke-width="${highlight ? '2.5' : '1.2'}"`
        const group = [
            `<g${faded ? ' opacity="0.45"' : ''}${node.uiId ? ` data-step="${escapeXml(node.uiId)}"` : ''}${highlight ? ` data-status="${highlight.status}"` : ''}>`,
        ]
        if (highlight) group.push(`<title>${escapeXml(`${node.text} (${highlight.detail})`)}</title>`)
        const cx = item.x - minX
        if (node.shape === 'decision') {
            const half = item.height / 2
            group.push(
                `<polygon points="${px(left)},${px(item.y + half)} ${px(left + 18)},${px(item.y)} ${px(left + item.width - 18)},${px(item.y)} ${px(left + item.width)},${px(item.y + half)} ${px(left + item.width - 18)},${px(item.y + item.height)} ${px(left + 18)},${px(item.y + item.height)}" ${attributes}/>`
            )
        } else {
            const radius = node.shape === 'start' || node.shape === 'end' || node.shape === 'stop' ? item.height / 2 : 6
            group.push(
                `<rect x="${px(left)}" y="${px(item.y)}" width="${px(item.width)}" height="${px(item.height)}" rx="${px(Math.min(radius, 18))}" ${attributes}${node.shape === 'wait' ? ' stroke-dasharray="5 3"' : ''}/>`
            )
        }
        const textTop = item.y + (item.height - item.lines.length * LINE_HEIGHT) / 2 + LINE_HEIGHT - 3
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
