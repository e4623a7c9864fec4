// `npm run test:reference`: the reference tier. Skips, saying so, when the public reference files
// are not beside the repository (a user's clone); fails loudly when their folder is there but a
// file is missing; otherwise runs the *.reference.test.ts files (vitest project `reference`),
// which fail on any file they cannot parse.
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { missingReferenceFiles, REFERENCE_DIR_VARIABLE, referenceDir, referenceDirPresent } from './reference-files.ts'

const root = resolve(import.meta.dirname, '..', '..')

if (!referenceDirPresent) {
    console.log(
        `skipped: reference files not found at ${referenceDir} (set ${REFERENCE_DIR_VARIABLE} to the folder holding kpow_integration_update_set.xml and kpow-config/)`
    )
    process.exit(0)
}

const missing = missingReferenceFiles()
if (missing.length > 0) {
    console.error(
        `reference files incomplete at ${referenceDir}: missing ${missing.join(', ')}\n` +
            `Restore them, or point ${REFERENCE_DIR_VARIABLE} at a complete copy.`
    )
    process.exit(1)
}

console.log(`reference files: ${referenceDir}`)
const vitest = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project=reference', ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit' }
)
process.exit(vitest.status ?? 1)
