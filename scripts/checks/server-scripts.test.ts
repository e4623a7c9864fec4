import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { repositoryRoot } from '../lib/common/index.ts'
import { checkServerScripts, formatProblem, SERVER_SCRIPT_CONFIGS } from './server-scripts.ts'

const source = join(repositoryRoot, 'servicenow', 'src')
const createScript = readFileSync(join(source, 'fluent', 'scripts', 'create-temporary-policy.js'), 'utf8')

let scratch: string | undefined
afterEach(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true })
    scratch = undefined
})

/** A scratch folder holding `script` and a tsconfig that checks it as the app's own scripts are checked. */
function checkCopy(script: string, globals = ['script-step.d.ts']): ReturnType<typeof checkServerScripts> {
    scratch = mkdtempSync(join(tmpdir(), 'server-scripts-'))
    writeFileSync(join(scratch, 'step.js'), script)
    const declarations = ['scoped-api.d.ts', 'tables.d.ts', ...globals].map((file) => join(source, 'glide', file))
    writeFileSync(
        join(scratch, 'tsconfig.json'),
        JSON.stringify({
            extends: join(source, 'scripts.tsconfig.json'),
            include: [join(scratch, '*.js'), ...declarations],
        })
    )
    return checkServerScripts(join(scratch, 'tsconfig.json'))
}

describe("server scripts against ServiceNow's Glide declarations", () => {
    it("the app's scripts, Script Includes and UI action scripts hold", () => {
        for (const config of SERVER_SCRIPT_CONFIGS) expect(checkServerScripts(config).map(formatProblem)).toEqual([])
    })

    it('an unchanged copy of an action script holds (the scratch set-up checks what the real one does)', () => {
        expect(checkCopy(createScript)).toEqual([])
    })

    it('fails on a misspelt Glide method, naming it and where it is', () => {
        const misspelt = createScript.replace(
            'new GlideDateTime().getNumericValue()',
            'new GlideDateTime().getNumericValu()'
        )
        expect(misspelt).not.toBe(createScript)
        const problems = checkCopy(misspelt)
        expect(problems).toHaveLength(1)
        expect(problems[0]).toMatchObject({ at: 'getNumericValu' })
        expect(problems[0]?.message).toMatch(/Property 'getNumericValu' does not exist on type 'GlideDateTime'/)
        expect(formatProblem(problems[0]!)).toMatch(/step\.js:\d+:\d+: `getNumericValu`/)
    })

    it('fails on a wrong argument count and on a method of a class the script does not hold', () => {
        const problems = checkCopy(
            [
                ';(function execute(inputs, outputs) {',
                '    var request = new sn_ws.RESTMessageV2()',
                "    request.setHttpMethod('post', 'twice')",
                "    var item = new GlideRecord('sc_req_item')",
                "    outputs.state = item.getValu('state')",
                '})(inputs, outputs)',
            ].join('\n')
        )
        expect(problems.map((problem) => [problem.at, problem.message])).toEqual([
            ["'twice'", 'Expected 0-1 arguments, but got 2.'],
            ['getValu', expect.stringMatching(/not callable/)],
        ])
    })

    it('refuses GlideScheduleDateTime (documented for global scripts only) and names no class the platform lacks', () => {
        const problems = checkCopy(
            [
                ';(function execute(inputs, outputs) {',
                "    outputs.a = new GlideScheduleDateTime('2026-01-01 00:00:00').convertTimeZone('UTC', 'Europe/Berlin')",
                "    outputs.b = new GlideRecordz('sc_req_item')",
                '})(inputs, outputs)',
            ].join('\n')
        )
        expect(problems.map((problem) => problem.at)).toEqual(['GlideScheduleDateTime', 'GlideRecordz'])
    })

    it("a script step may not use a UI action's globals (current, action), nor a UI action a step's (inputs)", () => {
        const stepProblems = checkCopy("current.setValue('state', 3)\n")
        expect(stepProblems.map((problem) => problem.at)).toEqual(['current'])
        rmSync(scratch!, { recursive: true, force: true })
        const uiActionProblems = checkCopy("current.setValue('state', 3)\nvar id = inputs.id\n", ['ui-action.d.ts'])
        expect(uiActionProblems.map((problem) => problem.at)).toEqual(['inputs'])
    })
})
