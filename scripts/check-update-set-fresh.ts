/** Fails when the committed update set is not what the sources build now. */
import { existsSync, readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { buildUpdateSet, repositoryRoot } from './update-set/index.ts'

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
} catch (error) {
    console.error(`check-update-set: ${(error as Error).message}`)
    process.exitCode = 1
}
