/**
 * The RBAC configuration file (RBAC_CONFIGURATION_FILE, as Kpow's RBAC and multi-tenancy docs
 * describe it): YAML text -> the engine's validated RbacModel. Parsing text and reading the file
 * are separate so tests and callers with text in hand never touch the disk.
 *
 * Every failure is an RbacConfigError naming the file: unreadable file, YAML syntax (with line and
 * column), or a shape problem reported by the engine's validator.
 */
import { readFile } from 'node:fs/promises'
import { parseDocument } from 'yaml'
import { RbacConfigError, parseRbacDocument } from '../engine/rbac-model'
import type { RbacModel } from '../engine/types'

export function parseRbacYaml(text: string, fileName: string): RbacModel {
    // YAML 1.2's core schema, not 1.1: under 1.1 a topic named `y` or `off` would become a boolean.
    // `uniqueKeys` refuses a key written twice instead of silently keeping the last one.
    const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true })
    if (document.errors.length > 0) {
        throw new RbacConfigError(
            fileName,
            document.errors.map((error) => {
                const position = error.linePos?.[0]
                const where = position ? `line ${position.line}, column ${position.col}` : ''
                const summary = (error.message.split('\n')[0] ?? error.code).replace(
                    /\s+at line \d+, column \d+:?$/,
                    ''
                )
                return { path: where, message: `invalid YAML: ${summary}` }
            })
        )
    }
    return parseRbacDocument(document.toJS(), fileName)
}

export async function loadRbacFile(path: string): Promise<RbacModel> {
    let text: string
    try {
        text = await readFile(path, 'utf8')
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        throw new RbacConfigError(path, [
            { path: '', message: `cannot read the RBAC file (${reason}); check RBAC_CONFIGURATION_FILE or --rbac` },
        ])
    }
    return parseRbacYaml(text, path)
}
