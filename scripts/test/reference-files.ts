/**
 * Where the public reference files live: the update set published with the integration guide and
 * the guide's Kpow configuration (docs: ../shared/reference/README.md beside the repository). They
 * are read in place, never copied into the project, and only the reference test tier
 * (`npm run test:reference`, files named *.reference.test.ts) uses them.
 *
 * KPOW_JIT_REFERENCE_DIR points elsewhere; a relative value is taken from the repository root,
 * as is the default, ../shared/reference.
 */
import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const REFERENCE_DIR_VARIABLE = 'KPOW_JIT_REFERENCE_DIR'
const DEFAULT_REFERENCE_DIR = join('..', 'shared', 'reference')

const repositoryRoot = resolve(import.meta.dirname, '..', '..')

export const referenceDir = resolve(repositoryRoot, process.env[REFERENCE_DIR_VARIABLE] || DEFAULT_REFERENCE_DIR)

const kpowConfig = join(referenceDir, 'kpow-config')

export const referenceFiles = {
    updateSet: join(referenceDir, 'kpow_integration_update_set.xml'),
    kpowConfig,
    setupEnv: join(kpowConfig, 'config', 'setup.env'),
    jaas: join(kpowConfig, 'jaas', 'hash-jaas.conf'),
    realm: join(kpowConfig, 'jaas', 'hash-realm.properties'),
    rbac: join(kpowConfig, 'rbac', 'hash-rbac.yml'),
} as const

/**
 * Whether the reference folder is there at all. Absent, the reference tier is skipped; present,
 * every file must be there and readable, or its tests fail.
 */
export const referenceDirPresent = existsSync(referenceDir) && statSync(referenceDir).isDirectory()

/** Reference files that should be in a present folder but are not (as paths). */
export function missingReferenceFiles(): string[] {
    return Object.entries(referenceFiles)
        .filter(([key]) => key !== 'kpowConfig')
        .map(([, path]) => path)
        .filter((path) => !existsSync(path) || !statSync(path).isFile())
}
