/**
 * The app's server-side scripts (action script steps, Script Includes, UI action scripts) checked
 * against ServiceNow's declarations of the scoped Glide API (@servicenow/glide, through
 * servicenow/src/glide/*.d.ts): a class or method ServiceNow does not declare, a global-only class,
 * or a wrong number of arguments is a problem. Each tsconfig names its scripts by glob, so a new
 * script file is checked without being listed. `npm run typecheck` runs it.
 */
import { join, relative } from 'node:path'
import ts from 'typescript'
import { repositoryRoot, runAsScript } from '../lib/common/index.ts'

/** One tsconfig per kind of script, each with the globals the platform gives that kind. */
export const SERVER_SCRIPT_CONFIGS = [
    'servicenow/src/scripts.tsconfig.json',
    'servicenow/src/ui-action-scripts.tsconfig.json',
].map((path) => join(repositoryRoot, path))

export interface ScriptProblem {
    file: string
    line: number
    column: number
    /** The source text the problem points at, e.g. the misspelt method name. */
    at: string
    message: string
}

export class ScriptCheckConfigError extends Error {
    override name = 'ScriptCheckConfigError'
}

function flatten(message: string | ts.DiagnosticMessageChain): string {
    return ts.flattenDiagnosticMessageText(message, ' ')
}

/** The problems TypeScript finds in the scripts one tsconfig names; none when they hold. */
export function checkServerScripts(configPath: string): ScriptProblem[] {
    const parsed = ts.getParsedCommandLineOfConfigFile(
        configPath,
        {},
        {
            ...ts.sys,
            onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
                throw new ScriptCheckConfigError(`${configPath}: ${flatten(diagnostic.messageText)}`)
            },
        }
    )
    if (!parsed) throw new ScriptCheckConfigError(`${configPath}: could not be read`)
    if (parsed.errors.length > 0)
        throw new ScriptCheckConfigError(
            `${configPath}: ${parsed.errors.map((error) => flatten(error.messageText)).join('; ')}`
        )
    if (!parsed.fileNames.some((file) => file.endsWith('.js')))
        throw new ScriptCheckConfigError(`${configPath}: its include names no script (.js) file`)
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options })
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
        const file = diagnostic.file
        const start = diagnostic.start ?? 0
        const position = file ? file.getLineAndCharacterOfPosition(start) : { line: 0, character: 0 }
        return {
            file: file ? relative(repositoryRoot, file.fileName) : configPath,
            line: position.line + 1,
            column: position.character + 1,
            at: file ? file.text.slice(start, start + (diagnostic.length ?? 0)) : '',
            message: flatten(diagnostic.messageText),
        }
    })
}

export function formatProblem(problem: ScriptProblem): string {
    return `${problem.file}:${problem.line}:${problem.column}: ${problem.at ? `\`${problem.at}\`: ` : ''}${problem.message}`
}

async function main(): Promise<number> {
    const problems = SERVER_SCRIPT_CONFIGS.flatMap((config) => checkServerScripts(config))
    for (const problem of problems) console.error(formatProblem(problem))
    if (problems.length > 0)
        console.error(
            `server-scripts: ${problems.length} problem(s) against ServiceNow's scoped Glide API (@servicenow/glide): use only the classes and methods servicenow/src/glide/scoped-api.d.ts declares, with their arguments`
        )
    return problems.length === 0 ? 0 : 1
}

runAsScript(import.meta.url, 'server-scripts', main)
