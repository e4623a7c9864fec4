/**
 * The flow diagrams `npm run build` writes beside the update set: per flow an SVG and its Mermaid
 * text under servicenow/diagrams/ (the .mmd is also the snapshot a unit test compares with) and, in
 * servicenow/README.md between two markers, each flow's picture and Mermaid text. `npm run check:update-set` (and a unit test) fail when the committed ones are
 * not what the set draws now.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { readUpdateSet } from '../lib/update-set/index.ts'
import { outlineUpdateSet } from '../lib/update-set/index.ts'
import { flowGraph, toMermaid, toSvg } from '../lib/update-set/index.ts'
import { replaceMarkedBlock } from './marked-block.ts'

export const DIAGRAM_START = '<!-- flow-diagram:start (written by npm run build from the update set; do not edit) -->'
export const DIAGRAM_END = '<!-- flow-diagram:end -->'

export interface GeneratedFile {
    /** Relative to the repository root, with forward slashes. */
    path: string
    content: string
}

export const SERVICENOW_README = 'servicenow/README.md'

function slug(name: string): string {
    return (
        name
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '') || 'flow'
    )
}

/** The README with its diagram section replaced, and an SVG and a Mermaid file per flow of the set. */
export function diagramFiles(setXml: string, readmeText: string): GeneratedFile[] {
    const outline = outlineUpdateSet(readUpdateSet(setXml))
    const svgs: GeneratedFile[] = []
    const sections = outline.flows.map((flow) => {
        const graph = flowGraph(flow)
        const path = `servicenow/diagrams/${slug(flow.name)}.svg`
        const mermaid = toMermaid(graph)
        svgs.push({ path, content: toSvg(graph) }, { path: path.replace(/\.svg$/, '.mmd'), content: mermaid })
        return [
            `**${flow.name}** (steps numbered as Flow Designer numbers them; \`npm run explain -- update-sets/kpow-jit-access.xml\` prints every input):`,
            '',
            `![Flow ${flow.name}](${relative('servicenow', path)})`,
            '',
            '<details><summary>Mermaid source</summary>',
            '',
            '```mermaid',
            mermaid.trimEnd(),
            '```',
            '',
            '</details>',
        ].join('\n')
    })
    const readme = replaceMarkedBlock(
        readmeText,
        { path: SERVICENOW_README, start: DIAGRAM_START, end: DIAGRAM_END, purpose: 'the flow diagrams go' },
        sections.join('\n\n')
    )
    return [{ path: SERVICENOW_README, content: readme }, ...svgs]
}

/** The files that differ from (or are missing in) the working tree under `root`. */
export function staleFiles(files: GeneratedFile[], root: string): string[] {
    return files
        .filter(({ path, content }) => {
            const absolute = join(root, path)
            return !existsSync(absolute) || readFileSync(absolute, 'utf8') !== content
        })
        .map(({ path }) => path)
}
