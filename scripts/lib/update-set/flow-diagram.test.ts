import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { afterEach, describe, expect, it } from 'vitest'
import { repositoryRoot } from '../common/index.ts'
import { readUpdateSet } from './read-update-set.ts'
import { flattenSteps, outlineUpdateSet } from './flow-outline.ts'
import { flowGraph, toMermaid, toSvg } from './flow-diagram.ts'
import { DIAGRAM_END, DIAGRAM_START, diagramFiles, SERVICENOW_README, staleFiles } from '../../build/index.ts'
import { HAND_BUILT_SET_FILE } from './testing/hand-built-guide-set.ts'

const ourXml = readFileSync(join(repositoryRoot, 'update-sets', 'kpow-jit-access.xml'), 'utf8')
const ourFlow = () => {
    const flow = outlineUpdateSet(readUpdateSet(ourXml)).flows.find(
        (candidate) => candidate.name === 'Kpow Access Lifecycle'
    )
    if (!flow) throw new Error('our set has no lifecycle flow')
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

    it('draws control flow: If yes/no, Try to Catch on error, End Flow as a terminal, waits as waits, every step reachable', () => {
        const flow = ourFlow()
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
        expect(graph.edges).toContainEqual({
            from: `s${String(tryStep?.number)}`,
            to: `s${String(catchStep?.number)}`,
            label: 'on error',
        })
        const wait = steps.find((candidate) => candidate.label === 'Wait For Condition')
        expect(graph.nodes.find((node) => node.uiId === wait?.uiId)?.shape).toBe('wait')
        const reached = new Set(['start'])
        for (let pass = 0; pass < graph.nodes.length; pass += 1)
            for (const edge of graph.edges) if (reached.has(edge.from)) reached.add(edge.to)
        const drawnSteps = graph.nodes.filter((node) => node.uiId !== undefined)
        expect(drawnSteps.every((node) => reached.has(node.id))).toBe(true)
        // Else is drawn as the If's "no" edge, not as a node.
        expect(drawnSteps.length).toBe(steps.filter((step) => step.kind !== 'else').length)
        expect(toMermaid(graph)).toMatch(/^flowchart TD\n {4}start\(\["Trigger: Service Catalog"\]\)\n/)
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

    it('draws the hand-built guide set as one straight line', () => {
        const [flow] = outlineUpdateSet(readUpdateSet(readFileSync(HAND_BUILT_SET_FILE, 'utf8'))).flows
        const mermaid = toMermaid(flowGraph(flow ?? ourFlow()))
        expect(mermaid).toContain('s5{{"5. Wait For Condition"}}')
        expect(mermaid).toMatch(
            /start --> s1\n {4}s1 --> s2\n {4}s2 --> s3\n {4}s3 --> s4\n {4}s4 --> s5\n {4}s5 --> s6\n {4}s6 --> finish\n$/
        )
    })
})

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
        expect(staleFiles(files, root)).toEqual([
            SERVICENOW_README,
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
