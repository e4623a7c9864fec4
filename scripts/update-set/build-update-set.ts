import { join } from 'node:path'
import { appDirectory, collectBuiltRecords, readMetadata, repositoryRoot, runSdkBuild } from './collect-sdk-output.ts'
import { writeUpdateSet } from './write-update-set.ts'

export interface BuiltUpdateSet {
    path: string
    xml: string
    /** Records per table, for the summary. */
    countsByTable: Record<string, number>
}

/** Builds the app with the SDK and renders the update set in memory (nothing is written). */
export function buildUpdateSet(directory = appDirectory): BuiltUpdateSet {
    runSdkBuild(directory)
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
