import { join } from 'node:path'
import { repositoryRoot } from '../lib/common/index.ts'
import { appDirectory, collectBuiltRecords, readMetadata, runSdkBuild } from './collect-sdk-output.ts'
import { writeUpdateSet } from '../lib/update-set/index.ts'
import {
    ACCESS_PROFILES_SOURCE,
    AccessProfileError,
    accessProfileSourceIsStale,
    writeAccessProfileSource,
} from './access-profiles.ts'

export interface BuiltUpdateSet {
    path: string
    xml: string
    /** Records per table, for the summary. */
    countsByTable: Record<string, number>
}

export interface BuildOptions {
    /** Write the Fluent file generated from the access profiles when it is stale (else: refuse). */
    writeGeneratedSources?: boolean
    /** Build without --frozenKeys, recording keys for new records (a new access profile). */
    recordKeys?: boolean
}

/**
 * Builds the app with the SDK and renders the update set in memory. Only the Fluent file generated
 * from the access profiles may be written, and only when asked (`npm run build`); a check refuses
 * a stale one.
 */
export function buildUpdateSet(directory = appDirectory, options: BuildOptions = {}): BuiltUpdateSet {
    if (options.writeGeneratedSources) writeAccessProfileSource(directory)
    else if (accessProfileSourceIsStale(directory))
        throw new AccessProfileError(
            `servicenow/${ACCESS_PROFILES_SOURCE} is stale: it differs from accessProfiles in settings.ts. Run "npm run build" and commit it.`
        )
    runSdkBuild(directory, options.recordKeys)
    const records = collectBuiltRecords(directory)
    const { fileName, metadata } = readMetadata(directory)
    const countsByTable: Record<string, number> = {}
    for (const record of records) countsByTable[record.table] = (countsByTable[record.table] ?? 0) + 1
    return {
        path: join(repositoryRoot, 'update-sets', `${fileName}.xml`),
        xml: writeUpdateSet(metadata, records),
        countsByTable,
    }
}
