// Why each action's script step repeats the action's outputs in its outputVariables instead of sharing
// one object (as action inputs may, servicenow/src/fluent/action-columns.now.ts): SDK 4.9.0 cannot
// read a step's outputVariables from a name. It logs "Failed to cast IdentifierShape to ObjectShape",
// still says "Build completed successfully", and leaves the script step out of the action: no
// sys_hub_step_instance, no step pills. An app built that way would import an action that does nothing.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { repositoryRoot } from '../lib/common/index.ts'

const roots: string[] = []
afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true })
})

/** A one-action Fluent app whose script step's outputVariables are `outputVariables` (source text). */
function buildProbe(outputVariables: string): { log: string; action: string } {
    const root = mkdtempSync(join(tmpdir(), 'sdk-step-outputs-'))
    roots.push(root)
    symlinkSync(join(repositoryRoot, 'node_modules'), join(root, 'node_modules'))
    mkdirSync(join(root, 'src', 'fluent'), { recursive: true })
    writeFileSync(
        join(root, 'now.config.json'),
        JSON.stringify({
            scope: 'x_sdk_probe',
            scopeId: '0123456789abcdef0123456789abcdef',
            name: 'SDK probe',
            tsconfigPath: './src/tsconfig.json',
        })
    )
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'probe', private: true, type: 'module' }))
    writeFileSync(
        join(root, 'src', 'tsconfig.json'),
        readFileSync(join(repositoryRoot, 'servicenow', 'src', 'tsconfig.json'), 'utf8')
    )
    writeFileSync(
        join(root, 'src', 'fluent', 'columns.now.ts'),
        `import { StringColumn } from '@servicenow/sdk/core'\n\nexport const probeOutputs = { answer: StringColumn({ label: 'Answer' }) }\n`
    )
    writeFileSync(
        join(root, 'src', 'fluent', 'probe-action.now.ts'),
        `import { Action, actionStep, wfa } from '@servicenow/sdk/automation'
${outputVariables.includes('StringColumn') ? "import { StringColumn } from '@servicenow/sdk/core'\n" : ''}import { probeOutputs } from './columns.now'

export const probeAction = Action(
    { $id: Now.ID['probe_action'], name: 'Probe', inputs: {}, outputs: probeOutputs },
    (params) => {
        const step = wfa.actionStep(
            actionStep.script,
            { $id: Now.ID['probe_script'], label: 'Probe' },
            {
                required_run_time: 'instance',
                script: '(function execute(inputs, outputs) { outputs.answer = "42" })(inputs, outputs)',
                inputVariables: {},
                outputVariables: ${outputVariables},
            }
        )
        wfa.assignActionOutputs(params.outputs, { answer: wfa.dataPill(step.answer, 'string') })
    }
)
`
    )
    const built = spawnSync(join(root, 'node_modules', '.bin', 'now-sdk'), ['build'], { cwd: root, encoding: 'utf8' })
    const log = `${built.stdout}${built.stderr}`
    const updates = join(root, 'dist', 'app', 'update')
    const file = readdirSync(updates).find((name) => name.startsWith('sys_hub_action_type_definition_'))
    return { log, action: file ? readFileSync(join(updates, file), 'utf8') : '' }
}

describe("SDK 4.9.0 and a script step's outputVariables", () => {
    it('builds the step from inline column calls', () => {
        const { log, action } = buildProbe("{ answer: StringColumn({ label: 'Answer' }) }")
        expect(log).toContain('Build completed successfully')
        expect(action).toContain('<sys_hub_step_instance action="INSERT_OR_UPDATE">')
        expect(action).toMatch(/"name":"\{\{step\[[\w-]+\]\.answer\}\}"/)
    }, 60_000)

    it('drops the whole step, yet reports success, when they are a shared object', () => {
        const { log, action } = buildProbe('probeOutputs')
        expect(log).toContain('Failed to cast IdentifierShape to ObjectShape')
        expect(log).toContain('Build completed successfully')
        expect(action).toContain('<sys_hub_action_type_definition')
        expect(action).not.toContain('sys_hub_step_instance')
        expect(action).not.toMatch(/\{\{step\[/)
    }, 60_000)
})
