// What the lifecycle tests order: the project's built update set, its topic query item and flow,
// and the variables of one order. Shared by the in-process tests.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export const updateSetXml = readFileSync(
    join(import.meta.dirname, '..', '..', '..', 'update-sets', 'kpow-jit-access.xml'),
    'utf8'
)
export const itemName = 'Request Kpow Topic Query Access'
export const flowName = 'Kpow Access Lifecycle'
export const order = {
    cluster_id: '42RglGpZQwy9D5VzTVpCWA',
    topic_name: 'tx_trade',
    role_name: 'kafka-users',
    duration_ms: '900000',
    justification: 'Replaying trades for INC0010001',
}
