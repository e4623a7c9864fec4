// What the lifecycle tests order: the project's built update set, its topic query item and flow,
// and the variables of one order. Shared by the in-process tests.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { LocalInstance, LocalInstanceOptions } from '../instance'
import { createLocalInstance } from '../instance'
import users from '../seed/users.json'

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

/**
 * The local instance running the project's update set with the demo users, its "Kpow API" alias on
 * `kpowUrl` as Kpow's admin (the password is what the stand-in at that address expects, or any when
 * it checks none). Flows stay draft until the test activates them, as after an import.
 */
export function instanceWithTheApp(
    kpowUrl: string,
    options: Partial<Omit<LocalInstanceOptions, 'aliases'>> & { kpowPassword?: string } = {}
): LocalInstance {
    const { kpowPassword = 'admin-secret', ...instanceOptions } = options
    return createLocalInstance({
        updateSetXml,
        users,
        aliases: { 'Kpow API': { url: kpowUrl, user: 'admin', password: kpowPassword } },
        ...instanceOptions,
    })
}
