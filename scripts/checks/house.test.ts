// The house drawn from the code (scripts/checks/house.ts): no arrow runs back up a layer, and the
// drawing in ARCHITECTURE.md is the one the code gives today.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { repositoryRoot } from '../lib/common/index.ts'
import { drawHouse, HOUSE_END, HOUSE_START, toMermaid, upwardArrows } from './house.ts'
import type { House } from './house.ts'

describe('the house', { timeout: 60_000 }, () => {
    // One cruise of the whole tree (seconds on a busy machine), shared by the cases.
    let house: House
    beforeAll(async () => {
        house = await drawHouse()
    }, 120_000)

    it('has no arrow running back up between commands, products and libraries', () => {
        expect(upwardArrows(house)).toEqual([])
        // Drawn from the code, not a fixed picture: the build reads the app, the demo composes the products.
        expect(house.arrows).toContainEqual({ from: 'scripts/demo', to: 'mock-kpow' })
        expect(house.arrows).toContainEqual({ from: 'e2e/local-instance', to: 'scripts/lib/update-set' })
    })

    it('names an arrow that points up a layer', () => {
        const broken: House = { ...house, arrows: [...house.arrows, { from: 'scripts/lib/common', to: 'mock-kpow' }] }
        expect(upwardArrows(broken)).toEqual([{ from: 'scripts/lib/common', to: 'mock-kpow' }])
    })

    it('is drawn in ARCHITECTURE.md as the code has it (npm run house prints it)', () => {
        const text = readFileSync(join(repositoryRoot, 'ARCHITECTURE.md'), 'utf8')
        const start = text.indexOf(HOUSE_START)
        const end = text.indexOf(HOUSE_END)
        expect(start, `ARCHITECTURE.md has no ${HOUSE_START} marker`).toBeGreaterThan(-1)
        const drawn = text
            .slice(start + HOUSE_START.length, end)
            .replace(/^\s*```mermaid\n/, '')
            .replace(/```\s*$/, '')
        expect(drawn).toBe(toMermaid(house))
    })
})
