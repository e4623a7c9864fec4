// The lint rules on the ServiceNow app, through ESLint itself with the repository's config: the
// action scripts must be ES5 the instance's engine runs, with nothing from a browser or Node.
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..', '..')
const eslint = new ESLint({ cwd: root })
const SCRIPT = resolve(root, 'servicenow/src/fluent/scripts/lint-probe.js')

/** Rule ids (or "parse" for a syntax error) ESLint reports for `code` as an action script. */
async function problems(code: string, filePath = SCRIPT): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath })
    return (result?.messages ?? []).map((message) => message.ruleId ?? `parse: ${message.message}`)
}

const step = (body: string) => `;(function execute(inputs, outputs) {\n${body}\n})(inputs, outputs)\n`

describe('lint on the ServiceNow action scripts', () => {
    it('passes an ES5 step script using its inputs, outputs and Glide APIs', async () => {
        expect(
            await problems(
                step(
                    "var item = new GlideRecord('sc_req_item')\nitem.get(inputs.id)\ntry { JSON.parse(inputs.body) } catch (notJson) { gs.info('no') }\noutputs.status = 'ok'"
                )
            )
        ).toEqual([])
    })

    it.each([
        ['let', 'let a = 1\noutputs.a = a'],
        ['an arrow function', 'outputs.f = () => 1'],
        ['a template literal', 'outputs.s = `a${inputs.b}`'],
        ['a catch without binding', 'try { gs.info(1) } catch { gs.info(2) }'],
    ])('refuses ES2015+ syntax: %s', async (_name, body) => {
        const found = await problems(step(body))
        expect(found).toHaveLength(1)
        expect(found[0]).toMatch(/^parse: /)
    })

    it.each([
        ['Promise', 'outputs.p = Promise.resolve(1)', '@servicenow/sdk-app-plugin/no-promise'],
        ['a browser global', 'outputs.w = window.location', 'no-restricted-globals'],
        ['Node', "outputs.f = require('fs')", 'no-undef'],
        ['an undeclared Glide API', "outputs.g = new GlideAggregate('x')", 'no-undef'],
        [
            'RegExp lookbehind',
            "outputs.r = new RegExp('(?<=a)b')",
            '@servicenow/sdk-app-plugin/no-regexp-lookbehind-assertions',
        ],
    ])('refuses what the engine lacks: %s', async (_name, body, rule) => {
        expect(await problems(step(body))).toContain(rule)
    })

    it('lints the Fluent sources with the TypeScript rules', async () => {
        const found = await problems(
            "import { Action } from '@servicenow/sdk/automation'\nexport const a: any = Action\n",
            resolve(root, 'servicenow/src/fluent/lint-probe.now.ts')
        )
        expect(found).toEqual(['@typescript-eslint/no-explicit-any'])
    })
})
