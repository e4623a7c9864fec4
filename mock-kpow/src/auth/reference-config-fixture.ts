import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

// The guide's Kpow configuration lives outside the repository and must be read in place, never
// copied in. KPOW_REFERENCE_CONFIG points elsewhere when the workspace layout differs.
export const referenceConfigDir =
    process.env.KPOW_REFERENCE_CONFIG ??
    fileURLToPath(new URL('../../../../shared/reference/kpow-config/', import.meta.url))

export const referenceConfigMissing = !existsSync(join(referenceConfigDir, 'jaas', 'hash-jaas.conf'))
