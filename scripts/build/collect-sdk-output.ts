/**
 * Runs `now-sdk build --frozenKeys` on the servicenow/ app and collects what it wrote under
 * dist/app as records ready for the update set writer.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repositoryRoot } from '../lib/common/index.ts'
import { asExported, parsePayload } from '../lib/update-set/index.ts'
import type { BuiltRecord, UpdateSetMetadata } from '../lib/update-set/index.ts'

export const appDirectory = join(repositoryRoot, 'servicenow')

export class SdkBuildError extends Error {
    override name = 'SdkBuildError'
}

/** The SDK's software bill of materials carries a random serial number and the build time. */
const isBillOfMaterials = (payload: string): boolean => /<path>[^<]*\/bom\.json<\/path>/.test(payload)

const TARGET_NAME_FIELDS = ['name', 'question_text', 'title', 'label', 'sys_name', 'path'] as const

/** `recordKeys`: build without --frozenKeys once, so new records (a new access profile) get keys. */
export function runSdkBuild(directory = appDirectory, recordKeys = false): void {
    const cli = join(repositoryRoot, 'node_modules', '.bin', 'now-sdk')
    if (!existsSync(cli)) {
        throw new SdkBuildError(
            `now-sdk is not installed (${cli} is missing): run "npm install" at the repository root`
        )
    }
    const result = spawnSync(cli, recordKeys ? ['build'] : ['build', '--frozenKeys', 'true'], {
        cwd: directory,
        encoding: 'utf8',
    })
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
    if (result.error) throw new SdkBuildError(`could not run now-sdk: ${result.error.message}`)
    if (result.status !== 0 || !/Build completed successfully/.test(output)) {
        const errors = output
            .split('\n')
            .filter((line) => /ERROR|error/.test(line))
            .join('\n')
        throw new SdkBuildError(
            `now-sdk build failed in ${directory} (exit ${result.status ?? 'signal'}). Fix the Fluent sources; with --frozenKeys a new Now.ID (a new access profile) needs "npm run build -- --record-keys" once to record its key in src/fluent/generated/keys.ts.\n${errors || output}`
        )
    }
}

function describe(file: string, payload: string): BuiltRecord {
    const document = parsePayload(payload)
    const main = document.records.find((record) => record.table === document.table) ?? document.records[0]
    const sysId = main?.fields.sys_id?.value
    if (!main || !sysId) throw new SdkBuildError(`${file}: no record with a sys_id in the SDK output`)
    const targetField = TARGET_NAME_FIELDS.find((name) => main.fields[name]?.value)
    return asExported({
        table: main.table,
        sysId,
        updateName: main.fields.sys_update_name?.value || `${main.table}_${sysId}`,
        targetName: targetField ? (main.fields[targetField]?.value ?? '') : '',
        payload,
        action: main.action === 'DELETE' ? 'DELETE' : 'INSERT_OR_UPDATE',
    })
}

export function collectBuiltRecords(directory = appDirectory): BuiltRecord[] {
    const records: BuiltRecord[] = []
    // author_elective_update: the SDK's DELETE of each record a source no longer declares (keys.ts
    // marks it deleted), carried as a DELETE update so an instance that has the record drops it.
    for (const folder of ['scope', 'update', 'author_elective_update']) {
        const path = join(directory, 'dist', 'app', folder)
        if (!existsSync(path)) continue
        for (const file of readdirSync(path)
            .filter((name) => name.endsWith('.xml'))
            .sort()) {
            const payload = readFileSync(join(path, file), 'utf8').trimEnd()
            if (isBillOfMaterials(payload)) continue
            records.push(describe(file, payload))
        }
    }
    return records
}

interface NowConfig {
    scope: string
    scopeId: string
    name: string
}
interface UpdateSetConfig {
    fileName: string
    name: string
    description: string
    releaseDate: string
    author: string
}

function readJson<T>(path: string): T {
    return JSON.parse(readFileSync(path, 'utf8')) as T
}

export function readMetadata(directory = appDirectory): { fileName: string; metadata: UpdateSetMetadata } {
    const now = readJson<NowConfig>(join(directory, 'now.config.json'))
    const config = readJson<UpdateSetConfig>(join(directory, 'update-set.json'))
    const pkg = readJson<{ version: string }>(join(directory, 'package.json'))
    if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(config.releaseDate)) {
        throw new SdkBuildError(
            `servicenow/update-set.json: releaseDate "${config.releaseDate}" must look like 2026-11-22 00:00:00`
        )
    }
    if (!/^[a-z0-9-]+$/.test(config.fileName)) {
        throw new SdkBuildError(
            `servicenow/update-set.json: fileName "${config.fileName}" must be lower-case letters, digits and "-"`
        )
    }
    return {
        fileName: config.fileName,
        metadata: {
            name: config.name,
            description: config.description,
            releaseDate: config.releaseDate,
            author: config.author,
            scope: now.scope,
            scopeSysId: now.scopeId,
            appName: now.name,
            appVersion: pkg.version,
        },
    }
}
