/**
 * The house drawn from the code: every part of the kit, in its layer, and which part imports which,
 * as dependency-cruiser finds it with the repository's rules. `npm run house` prints it as Mermaid;
 * ARCHITECTURE.md holds a copy between markers that scripts/checks/house.test.ts keeps current.
 * Test code (tests, specs, fixtures, benchmarks) is left out: it sits on top and may use anything.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { cruise } from 'dependency-cruiser'
import type { ICruiseResult } from 'dependency-cruiser'
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options'
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config'
import { repositoryRoot, runAsScript } from '../lib/common/index.ts'

export type Layer = 'commands' | 'products' | 'libraries'

/** Layers from the top down: an arrow may only point at its own layer or one below. */
export const LAYERS: readonly Layer[] = ['commands', 'products', 'libraries']

interface Part {
    name: string
    layer: Layer
    folder: RegExp
}

const PARTS: readonly Part[] = [
    { name: 'scripts/build', layer: 'commands', folder: /^scripts\/build\// },
    { name: 'scripts/deploy', layer: 'commands', folder: /^scripts\/deploy\// },
    { name: 'scripts/review', layer: 'commands', folder: /^scripts\/review\// },
    { name: 'scripts/demo', layer: 'commands', folder: /^scripts\/demo\// },
    { name: 'scripts/e2e', layer: 'commands', folder: /^scripts\/e2e\// },
    { name: 'servicenow (the app)', layer: 'products', folder: /^servicenow\// },
    { name: 'mock-kpow', layer: 'products', folder: /^mock-kpow\/(src|bin)\// },
    { name: 'e2e/local-instance', layer: 'products', folder: /^e2e\/local-instance\// },
    { name: 'scripts/lib/update-set', layer: 'libraries', folder: /^scripts\/lib\/update-set\// },
    { name: 'scripts/lib/common', layer: 'libraries', folder: /^scripts\/lib\/common\// },
]

const TEST_CODE = /(\.(test|spec)\.ts$|^e2e\/specs\/|^scripts\/(test|checks)\/|(^|\/)(test|testing|bench)\/)/

/** The folders `npm run lint` cruises. */
export const SOURCE_FOLDERS = ['servicenow/src', 'mock-kpow', 'scripts', 'e2e'] as const

/**
 * Runs dependency-cruiser over `root`'s source folders with the rules and TypeScript settings found
 * there (the repository's, or a scratch copy's), as `npm run lint` does; violations are in the summary.
 */
export async function cruiseWithRules(root: string): Promise<ICruiseResult> {
    const options = await extractDepcruiseOptions(join(root, '.dependency-cruiser.cjs'))
    const tsConfig = extractTSConfig(join(root, 'tsconfig.json'))
    const present = SOURCE_FOLDERS.filter((name) => existsSync(join(root, name)))
    const result = await cruise(present, { ...options, baseDir: root, validate: true }, undefined, { tsConfig })
    return result.output as ICruiseResult
}

export interface House {
    parts: readonly Part[]
    /** Distinct part-to-part imports, sorted. */
    arrows: { from: string; to: string }[]
}

function partOf(path: string): Part | undefined {
    return PARTS.find((part) => part.folder.test(path))
}

export async function drawHouse(root = repositoryRoot): Promise<House> {
    const result = await cruiseWithRules(root)
    const arrows = new Map<string, { from: string; to: string }>()
    for (const module of result.modules) {
        if (TEST_CODE.test(module.source)) continue
        const from = partOf(module.source)
        if (!from) continue
        for (const dependency of module.dependencies) {
            const to = partOf(dependency.resolved)
            if (!to || to === from) continue
            arrows.set(`${from.name} -> ${to.name}`, { from: from.name, to: to.name })
        }
    }
    return {
        parts: PARTS,
        arrows: [...arrows.values()].sort((a, b) => `${a.from}${a.to}`.localeCompare(`${b.from}${b.to}`)),
    }
}

/** Arrows that point up a layer: there must be none. */
export function upwardArrows(house: House): { from: string; to: string }[] {
    const rank = (name: string) => LAYERS.indexOf(house.parts.find((part) => part.name === name)!.layer)
    return house.arrows.filter((arrow) => rank(arrow.to) < rank(arrow.from))
}

export function toMermaid(house: House): string {
    const id = (name: string) => name.replace(/[^a-z0-9]+/gi, '_').replace(/_+$/, '')
    const lines = ['flowchart TB']
    for (const layer of LAYERS) {
        lines.push(`    subgraph ${layer}`)
        for (const part of house.parts.filter((candidate) => candidate.layer === layer)) {
            lines.push(`        ${id(part.name)}["${part.name}"]`)
        }
        lines.push('    end')
    }
    for (const arrow of house.arrows) lines.push(`    ${id(arrow.from)} --> ${id(arrow.to)}`)
    return lines.join('\n') + '\n'
}

export const HOUSE_START = '<!-- house:start (npm run house draws it from the code; a test keeps it current) -->'
export const HOUSE_END = '<!-- house:end -->'

async function main(): Promise<number> {
    const house = await drawHouse()
    process.stdout.write(toMermaid(house))
    const up = upwardArrows(house)
    for (const arrow of up) process.stderr.write(`upward import: ${arrow.from} -> ${arrow.to}\n`)
    return up.length === 0 ? 0 : 1
}

runAsScript(import.meta.url, 'house', main)
