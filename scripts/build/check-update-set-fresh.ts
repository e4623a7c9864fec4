/** Fails when the committed update set, or a flow diagram or the import checklist drawn from it, is not what the sources build now. */
import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { repositoryRoot } from '../lib/common/index.ts'
import {
    buildUpdateSet,
    diagramFiles,
    IMPORT_GUIDE,
    importChecklistFiles,
    SERVICENOW_README,
    staleFiles,
} from './index.ts'

try {
    const built = buildUpdateSet()
    const shown = relative(repositoryRoot, built.path)
    if (!existsSync(built.path)) {
        console.error(`check-update-set: ${shown} is missing. Run "npm run build" and commit it.`)
        process.exitCode = 1
    } else if (readFileSync(built.path, 'utf8') !== built.xml) {
        console.error(
            `check-update-set: ${shown} is stale: it differs from what servicenow/ builds now. Run "npm run build" and commit it.`
        )
        process.exitCode = 1
    } else {
        console.log(`check-update-set: ${shown} is up to date`)
    }
    const readme = readFileSync(join(repositoryRoot, SERVICENOW_README), 'utf8')
    const stale = staleFiles(diagramFiles(built.xml, readme), repositoryRoot)
    if (stale.length > 0) {
        console.error(
            `check-update-set: the flow diagram is stale in ${stale.join(', ')}: it differs from what the update set draws now. Run "npm run build" and commit it.`
        )
        process.exitCode = 1
    } else {
        console.log('check-update-set: the flow diagrams are up to date')
    }
    const importGuide = readFileSync(join(repositoryRoot, IMPORT_GUIDE), 'utf8')
    const staleChecklist = staleFiles(importChecklistFiles(built.xml, importGuide), repositoryRoot)
    if (staleChecklist.length > 0) {
        console.error(
            `check-update-set: the import checklist in ${IMPORT_GUIDE} is stale: it differs from what the update set holds now. Run "npm run build" and commit it.`
        )
        process.exitCode = 1
    } else {
        console.log(`check-update-set: the import checklist in ${IMPORT_GUIDE} is up to date`)
    }
} catch (error) {
    console.error(`check-update-set: ${(error as Error).message}`)
    process.exitCode = 1
}
