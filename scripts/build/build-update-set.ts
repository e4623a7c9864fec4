/**
 * `npm run build`: access profiles -> generated Fluent file, now-sdk build (frozen keys; `-- --record-keys`
 * records keys for new records) -> update-sets/<name>.xml, its flow diagrams and the import checklist, then a summary.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { repositoryRoot } from '../lib/common/index.ts'
import { buildUpdateSet, diagramFiles, IMPORT_GUIDE, importChecklistFiles, SERVICENOW_README } from './index.ts'

try {
    const built = buildUpdateSet(undefined, {
        writeGeneratedSources: true,
        recordKeys: process.argv.slice(2).includes('--record-keys'),
    })
    mkdirSync(dirname(built.path), { recursive: true })
    writeFileSync(built.path, built.xml)
    const total = Object.values(built.countsByTable).reduce((sum, count) => sum + count, 0)
    console.log(`Wrote ${relative(repositoryRoot, built.path)}: ${total} records`)
    for (const [table, count] of Object.entries(built.countsByTable).sort(([a], [b]) => a.localeCompare(b))) {
        console.log(`  ${table.padEnd(34)} ${count}`)
    }
    const readme = readFileSync(join(repositoryRoot, SERVICENOW_README), 'utf8')
    const importGuide = readFileSync(join(repositoryRoot, IMPORT_GUIDE), 'utf8')
    for (const file of [...diagramFiles(built.xml, readme), ...importChecklistFiles(built.xml, importGuide)]) {
        const path = join(repositoryRoot, file.path)
        mkdirSync(dirname(path), { recursive: true })
        writeFileSync(path, file.content)
        console.log(`Wrote ${file.path}`)
    }
} catch (error) {
    console.error(`build-update-set: ${(error as Error).message}`)
    process.exitCode = 1
}
