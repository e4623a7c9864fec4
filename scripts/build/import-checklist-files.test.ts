import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { repositoryRoot } from '../lib/common/index.ts'
import { readFlowDesigner, readUpdateSet } from '../lib/update-set/index.ts'
import { HAND_BUILT_SET_FILE } from '../lib/update-set/testing/index.ts'
import {
    CHECKLIST_END,
    CHECKLIST_START,
    IMPORT_GUIDE,
    importChecklist,
    importChecklistFiles,
    staleFiles,
} from './index.ts'

const ourXml = readFileSync(join(repositoryRoot, 'update-sets', 'kpow-jit-access.xml'), 'utf8')
const committedGuide = () => readFileSync(join(repositoryRoot, IMPORT_GUIDE), 'utf8')

/** The generated block of a guide, markers excluded. */
function block(guide: string): string {
    return guide.slice(guide.indexOf(CHECKLIST_START) + CHECKLIST_START.length, guide.indexOf(CHECKLIST_END))
}

/** The names on the check-box lines of a block ("- [ ] *name*…"). */
function ticked(text: string): string[] {
    return [...text.matchAll(/^- \[ \] \*(.+?)\*/gm)].map((match) => match[1] ?? '')
}

const temporaryRoots: string[] = []
afterEach(() => {
    for (const root of temporaryRoots.splice(0)) rmSync(root, { recursive: true, force: true })
})

describe('import checklist', () => {
    it('servicenow/IMPORT.md holds what the committed update set gives (else: npm run build)', () => {
        expect(staleFiles(importChecklistFiles(ourXml, committedGuide()), repositoryRoot)).toEqual([])
    })

    it('ticks off every action, flow, alias and group of the set, each once, read independently of the generator', () => {
        const set = readUpdateSet(ourXml)
        const view = readFlowDesigner(set)
        const expected = [
            ...view.actionTypes.map((action) => action.name),
            ...view.flows.map((flow) => flow.name),
            'Kpow API',
            'Kpow Access Approvers',
        ].sort()
        expect(view.actionTypes.length).toBeGreaterThan(1)
        expect(view.flows.length).toBeGreaterThan(1)
        expect(ticked(block(committedGuide())).sort()).toEqual(expected)
    })

    it('lists the subflows to publish between the actions and the flows, apart from the flows to activate', () => {
        const checklist = importChecklist(readUpdateSet(ourXml))
        const subflows = checklist.indexOf('**2 subflows** to publish')
        const flows = checklist.indexOf('flows** to activate (step 5, after the actions and subflows)')
        expect(checklist.indexOf('Flow Designer actions** to publish')).toBeLessThan(subflows)
        expect(subflows).toBeGreaterThan(-1)
        expect(flows).toBeGreaterThan(subflows)
        for (const subflow of ['Kpow - Decide Access', 'Kpow - End Access']) {
            const listed = checklist.indexOf(`- [ ] *${subflow}*`)
            expect(listed).toBeGreaterThan(subflows)
            expect(listed).toBeLessThan(flows)
            expect(checklist.lastIndexOf(`*${subflow}*`)).toBe(listed + '- [ ] '.length)
        }
    })

    it('follows the set: a renamed action and flow are listed under their new names, and the old names are gone', () => {
        const renamed = ourXml
            .replace(/<name>Kpow - Read Current Grant<\/name>/g, '<name>Kpow - Renamed Action</name>')
            .replace(/<name>Kpow Access Extension<\/name>/g, '<name>Renamed Extension Flow</name>')
        expect(renamed).not.toBe(ourXml)
        const checklist = importChecklist(readUpdateSet(renamed))
        expect(ticked(checklist)).toContain('Kpow - Renamed Action')
        expect(ticked(checklist)).toContain('Renamed Extension Flow')
        expect(checklist).not.toContain('Kpow - Read Current Grant')
        expect(checklist).not.toContain('*Kpow Access Extension*')
    })

    it("lists another set's own actions and flows (the hand-built set of the article's way)", () => {
        const set = readUpdateSet(readFileSync(HAND_BUILT_SET_FILE, 'utf8'))
        const view = readFlowDesigner(set)
        const names = ticked(importChecklist(set))
        for (const name of [...view.actionTypes, ...view.flows].map((record) => record.name))
            expect(names).toContain(name)
        expect(names).not.toContain('Kpow - Read Current Grant')
    })

    it('shows system property defaults, and leaves the text around the markers as written', () => {
        const guide = `# Title\n\nBefore.\n\n${CHECKLIST_START}\nold list\n${CHECKLIST_END}\n\nAfter.\n`
        const [file] = importChecklistFiles(ourXml, guide)
        expect(file?.path).toBe(IMPORT_GUIDE)
        expect(file?.content.startsWith(`# Title\n\nBefore.\n\n${CHECKLIST_START}\n`)).toBe(true)
        expect(file?.content.endsWith(`\n${CHECKLIST_END}\n\nAfter.\n`)).toBe(true)
        expect(file?.content).not.toContain('old list')
        expect(file?.content).toMatch(/^\| `x_kpow_jit\.max_duration_minutes` \| `60` \| /m)
        expect(file?.content).toMatch(/^\| `x_kpow_jit\.kpow_ui_url` \| \(empty\) \| /m)
    })

    it('reports a hand edit inside the block as stale', () => {
        const root = mkdtempSync(join(tmpdir(), 'import-checklist-'))
        temporaryRoots.push(root)
        mkdirSync(join(root, 'servicenow'))
        const guide = committedGuide()
        const edited = guide.replace('- [ ] *Kpow - Read Current Grant*\n', '')
        expect(edited).not.toBe(guide)
        writeFileSync(join(root, IMPORT_GUIDE), edited)
        expect(staleFiles(importChecklistFiles(ourXml, edited), root)).toEqual([IMPORT_GUIDE])
    })

    it('names the markers when the document lacks them', () => {
        expect(() => importChecklistFiles(ourXml, '# no markers\n')).toThrow(
            `${IMPORT_GUIDE} needs the lines "${CHECKLIST_START}" and "${CHECKLIST_END}"`
        )
    })
})
