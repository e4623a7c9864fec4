import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { afterEach, describe, expect, it } from 'vitest'
import { repositoryRoot } from '../common/index.ts'
import { readUpdateSet } from './read-update-set.ts'
import { flattenSteps, outlineUpdateSet } from './flow-outline.ts'
import type { FlowGraph, FlowLayout } from './flow-diagram.ts'
import { flowGraph, layoutFlowGraph, toMermaid, toSvg } from './flow-diagram.ts'
import { DIAGRAM_END, DIAGRAM_START, diagramFiles, SERVICENOW_README, staleFiles } from '../../build/index.ts'
import { HAND_BUILT_SET_FILE } from './testing/hand-built-guide-set.ts'

const ourXml = readFileSync(join(repositoryRoot, 'update-sets', 'kpow-jit-access.xml'), 'utf8')
const ourFlow = (name = 'Kpow Access Lifecycle') => {
    const flow = outlineUpdateSet(readUpdateSet(ourXml)).flows.find((candidate) => candidate.name === name)
    if (!flow) throw new Error(`our set has no flow "${name}"`)
    return flow
}

const temporaryRoots: string[] = []
afterEach(() => {
    for (const root of temporaryRoots.splice(0)) rmSync(root, { recursive: true, force: true })
})

describe('flow diagram', () => {
    it("our flow's Mermaid text is the committed snapshot servicenow/diagrams/kpow-access-lifecycle.mmd (npm run build rewrites it)", async () => {
        await expect(toMermaid(flowGraph(ourFlow()))).toMatchFileSnapshot(
            join(repositoryRoot, 'servicenow', 'diagrams', 'kpow-access-lifecycle.mmd')
        )
    })

    // The lifecycle flow ends early with End Flow; the subflow it calls holds the waits and the Try.
    it.each(['Kpow Access Lifecycle', 'Kpow - End Access'])(
        'draws control flow of %s: If yes/no, Try to Catch on error, End Flow as a terminal, waits as waits, every step reachable',
        (name) => {
            const flow = ourFlow(name)
            const graph = flowGraph(flow)
            const steps = flattenSteps(flow.steps)
            const outgoing = (id: string) => graph.edges.filter((edge) => edge.from === id)
            for (const step of steps.filter((candidate) => candidate.kind === 'if'))
                expect(
                    outgoing(`s${String(step.number)}`)
                        .map((edge) => edge.label)
                        .sort()
                ).toEqual(['no', 'yes'])
            for (const step of steps.filter((candidate) => candidate.kind === 'endFlow'))
                expect(outgoing(`s${String(step.number)}`)).toEqual([])
            const tryStep = steps.find((candidate) => candidate.kind === 'try')
            const catchStep = steps.find((candidate) => candidate.kind === 'catch')
            const wait = steps.find((candidate) => candidate.label === 'Wait For Condition')
            if (name === 'Kpow - End Access') {
                expect(graph.edges).toContainEqual({
                    from: `s${String(tryStep?.number)}`,
                    to: `s${String(catchStep?.number)}`,
                    label: 'on error',
                })
                expect(graph.nodes.find((node) => node.uiId === wait?.uiId)?.shape).toBe('wait')
            } else expect(steps.some((step) => step.kind === 'endFlow')).toBe(true)
            const reached = new Set(['start'])
            for (let pass = 0; pass < graph.nodes.length; pass += 1)
                for (const edge of graph.edges) if (reached.has(edge.from)) reached.add(edge.to)
            const drawnSteps = graph.nodes.filter((node) => node.uiId !== undefined)
            expect(drawnSteps.every((node) => reached.has(node.id))).toBe(true)
            // Else is drawn as the If's "no" edge, not as a node.
            expect(drawnSteps.length).toBe(steps.filter((step) => step.kind !== 'else').length)
            if (name === 'Kpow Access Lifecycle')
                expect(toMermaid(graph)).toMatch(/^flowchart TD\n {4}start\(\["Trigger: Service Catalog"\]\)\n/)
        }
    )

    it('starts a subflow where flows call it, with its inputs (it has no trigger); a flow at its trigger', () => {
        const start = (name: string) => flowGraph(ourFlow(name)).nodes.find((node) => node.id === 'start')?.text
        expect(start('Kpow - End Access')).toBe(
            'Called by Kpow Access Extension, Kpow Access Lifecycle; inputs: requested_item, policy_id, expires_at, policy_label, revoked_note, revoke_failed_note, revoke_failed_email'
        )
        expect(start('Kpow Access Lifecycle')).toBe('Trigger: Service Catalog')
        for (const flow of outlineUpdateSet(readUpdateSet(ourXml)).flows)
            expect(
                flowGraph(flow)
                    .nodes.map((node) => node.text)
                    .join('\n')
            ).not.toContain('(none)')
    })

    it('an SVG that is well-formed, deterministic and highlights the steps of a run', () => {
        const flow = ourFlow()
        const graph = flowGraph(flow)
        const svg = toSvg(graph)
        expect(XMLValidator.validate(svg)).toBe(true)
        expect(toSvg(graph)).toBe(svg)
        const [first, second] = flattenSteps(flow.steps)
        const highlighted = toSvg(graph, {
            highlights: new Map([
                [first?.uiId ?? '', { status: 'complete', detail: 'complete, 0.2 s' }],
                [second?.uiId ?? '', { status: 'error', detail: 'error, 1.0 s' }],
            ]),
        })
        expect(XMLValidator.validate(highlighted)).toBe(true)
        expect(highlighted).toContain(`data-step="${first?.uiId ?? ''}" data-status="complete"`)
        expect(highlighted).toContain(`data-step="${second?.uiId ?? ''}" data-status="error"`)
        expect(highlighted).toContain('>error, 1.0 s</text>')
        expect(highlighted.match(/<g opacity="0\.45" data-step=/g)?.length).toBe(
            graph.nodes.filter((node) => node.uiId).length - 2
        )
    })

    it('the same flow read twice, or its lists in another order, gives byte-identical SVG', () => {
        const graph = flowGraph(ourFlow())
        const svg = toSvg(graph)
        expect(toSvg(flowGraph(ourFlow()))).toBe(svg)
        const shuffled: FlowGraph = { ...graph, nodes: [...graph.nodes].reverse(), edges: [...graph.edges].reverse() }
        expect(shuffled.nodes[0]?.id).toBe('finish')
        expect(toSvg(shuffled)).toBe(svg)
    })

    it('lays out every flow without overlaps: nodes apart, labels off the nodes, each edge from its node to its node', () => {
        const sets = [ourXml, readFileSync(HAND_BUILT_SET_FILE, 'utf8')]
        const flows = sets.flatMap((xml) => outlineUpdateSet(readUpdateSet(xml)).flows)
        expect(flows.length).toBeGreaterThanOrEqual(3)
        for (const flow of flows) {
            const graph = flowGraph(flow)
            const steps = flattenSteps(flow.steps)
            const highlights = new Map(
                steps.map((step) => [step.uiId, { status: 'complete' as const, detail: 'complete, 1.2 s' }])
            )
            for (const layout of [layoutFlowGraph(graph), layoutFlowGraph(graph, { highlights })])
                expectReadable(graph, layout)
        }
    })

    it('draws the hand-built guide set as one straight line', () => {
        const [flow] = outlineUpdateSet(readUpdateSet(readFileSync(HAND_BUILT_SET_FILE, 'utf8'))).flows
        const mermaid = toMermaid(flowGraph(flow ?? ourFlow()))
        expect(mermaid).toContain('s5{{"5. Wait For Condition"}}')
        expect(mermaid).toMatch(
            /start --> s1\n {4}s1 --> s2\n {4}s2 --> s3\n {4}s3 --> s4\n {4}s4 --> s5\n {4}s5 --> s6\n {4}s6 --> finish\n$/
        )
    })
})

interface Box {
    left: number
    top: number
    width: number
    height: number
}

const apart = (a: Box, b: Box) =>
    a.left + a.width <= b.left || b.left + b.width <= a.left || a.top + a.height <= b.top || b.top + b.height <= a.top

/** On the box's outline, to a tenth of a pixel. */
function onOutline(point: { x: number; y: number }, box: Box): boolean {
    const near = (a: number, b: number) => Math.abs(a - b) < 0.1
    const within = (value: number, from: number, length: number) => value > from - 0.1 && value < from + length + 0.1
    return (
        (within(point.x, box.left, box.width) && (near(point.y, box.top) || near(point.y, box.top + box.height))) ||
        (within(point.y, box.top, box.height) && (near(point.x, box.left) || near(point.x, box.left + box.width)))
    )
}

function expectReadable(graph: FlowGraph, layout: FlowLayout): void {
    expect(layout.nodes.map((placed) => placed.node.id).sort()).toEqual(graph.nodes.map((node) => node.id).sort())
    const boxOf = new Map(layout.nodes.map((placed) => [placed.node.id, placed]))
    layout.nodes.forEach((placed, index) => {
        expect(placed.left).toBeGreaterThanOrEqual(0)
        expect(placed.top).toBeGreaterThanOrEqual(0)
        expect(placed.left + placed.width).toBeLessThanOrEqual(layout.width)
        expect(placed.top + placed.height).toBeLessThanOrEqual(layout.height)
        expect(placed.height).toBeGreaterThanOrEqual(placed.lines.length * 15)
        for (const other of layout.nodes.slice(index + 1))
            expect(apart(placed, other), `${placed.node.id} overlaps ${other.node.id}`).toBe(true)
    })
    expect(layout.edges).toHaveLength(graph.edges.length)
    for (const { edge, points, label } of layout.edges) {
        const from = boxOf.get(edge.from)
        const to = boxOf.get(edge.to)
        const [first] = points
        const last = points.at(-1)
        if (!from || !to || !first || !last) throw new Error(`edge ${edge.from} → ${edge.to} is not drawn`)
        expect(onOutline(first, from), `${edge.from} → ${edge.to} starts on ${edge.from}`).toBe(true)
        expect(onOutline(last, to), `${edge.from} → ${edge.to} ends on ${edge.to}`).toBe(true)
        expect(last.y).toBeGreaterThan(first.y)
        // A decision is a hexagon whose top and bottom run 18 px in from its box's corners.
        for (const [point, node] of [
            [first, from],
            [last, to],
        ] as const)
            if (node.node.shape === 'decision' && (point.y === node.top || point.y === node.top + node.height)) {
                expect(point.x).toBeGreaterThanOrEqual(node.left + 18)
                expect(point.x).toBeLessThanOrEqual(node.left + node.width - 18)
            }
        if (!edge.label) continue
        if (!label) throw new Error(`edge ${edge.from} → ${edge.to} lost its label "${edge.label}"`)
        const labelBox = { left: label.x - label.width / 2, top: label.y - label.height / 2, ...label }
        for (const placed of layout.nodes)
            expect(apart(labelBox, placed), `label "${edge.label}" on ${placed.node.id}`).toBe(true)
    }
}

describe('committed diagrams', () => {
    it('servicenow/README.md and servicenow/diagrams/ are what the committed update set draws (else: npm run build)', () => {
        const readme = readFileSync(join(repositoryRoot, SERVICENOW_README), 'utf8')
        expect(staleFiles(diagramFiles(ourXml, readme), repositoryRoot)).toEqual([])
    })

    it('a stale README section or SVG is reported, and a changed flow changes them', () => {
        const root = mkdtempSync(join(tmpdir(), 'diagram-'))
        temporaryRoots.push(root)
        cpSync(join(repositoryRoot, 'servicenow', 'README.md'), join(root, 'servicenow', 'README.md'), {
            recursive: true,
        })
        cpSync(join(repositoryRoot, 'servicenow', 'diagrams'), join(root, 'servicenow', 'diagrams'), {
            recursive: true,
        })
        const readmePath = join(root, SERVICENOW_README)
        const readme = readFileSync(readmePath, 'utf8')
        expect(staleFiles(diagramFiles(ourXml, readme), root)).toEqual([])

        // A hand edit inside the generated section is stale: the build would write it back.
        const edited = readme.replace('flowchart TD', 'flowchart LR')
        expect(edited).not.toBe(readme)
        writeFileSync(readmePath, edited)
        expect(staleFiles(diagramFiles(ourXml, edited), root)).toEqual([SERVICENOW_README])
        writeFileSync(readmePath, readme)

        const changedFlow = ourXml.replace(/<name>Kpow Access Lifecycle<\/name>/, '<name>Renamed Flow</name>')
        expect(changedFlow).not.toBe(ourXml)
        const files = diagramFiles(changedFlow, readme)
        expect(files.find((file) => file.path === SERVICENOW_README)?.content).toContain('**Renamed Flow**')
        // A subflow's diagram names the flows calling it, so it changes with the caller's name.
        expect(staleFiles(files, root)).toEqual([
            SERVICENOW_README,
            'servicenow/diagrams/kpow-decide-access.svg',
            'servicenow/diagrams/kpow-decide-access.mmd',
            'servicenow/diagrams/kpow-end-access.svg',
            'servicenow/diagrams/kpow-end-access.mmd',
            'servicenow/diagrams/renamed-flow.svg',
            'servicenow/diagrams/renamed-flow.mmd',
        ])

        const svgPath = join(root, 'servicenow', 'diagrams', 'kpow-access-lifecycle.svg')
        writeFileSync(svgPath, readFileSync(svgPath, 'utf8').replace('Trigger', 'Trig'))
        expect(staleFiles(diagramFiles(ourXml, readme), root)).toEqual([
            'servicenow/diagrams/kpow-access-lifecycle.svg',
        ])
    })

    it('names the markers when the README lacks them', () => {
        expect(() => diagramFiles(ourXml, '# no markers\n')).toThrow(
            `servicenow/README.md needs the lines "${DIAGRAM_START}" and "${DIAGRAM_END}"`
        )
    })
})
