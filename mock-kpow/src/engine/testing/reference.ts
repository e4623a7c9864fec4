/**
 * Paths to the guide's own Kpow configuration, which lives in shared/ beside the repository (in CI
 * too) and is read in place, never copied into the project.
 */
import { fileURLToPath } from 'node:url'

const REPOSITORY_PARENT = new URL('../../../../../', import.meta.url)

export const GUIDE_RBAC_FILE = fileURLToPath(
    new URL('shared/reference/kpow-config/rbac/hash-rbac.yml', REPOSITORY_PARENT)
)
