/**
 * `status`: what the instance holds of the app, read only. Is the set there and committed, from
 * which file (the fingerprint a deploy left, compared with the local file), which version, are the
 * actions published and the flow active, where does the alias's connection point.
 */
import type { AppUpdateSet } from './app-update-set.ts'
import {
    ACTION_FIELDS,
    CONNECTION_FIELDS,
    CREDENTIAL_FIELDS,
    FLOW_FIELDS,
    REMOTE_SET_FIELDS,
    credentialName,
    fingerprintOf,
    isActionPublished,
    isFlowActive,
    shown,
} from './deploy.ts'
import type { Reporter } from './reporter.ts'
import { ServiceNowClient } from './servicenow-client.ts'
import type { ServiceNowCredentials } from './servicenow-client.ts'

export interface InstanceStatus {
    updateSet: { present: boolean; state: string; version: string; fingerprint?: string; matchesLocalFile: boolean }
    actions: Array<{ name: string; state: string; published: boolean }>
    flows: Array<{ name: string; active: boolean; status: string }>
    connection?: { url: string; active: boolean; credentialUser: string }
    /** Everything deployed from this very file, published and active, with a connection. */
    ready: boolean
}

export async function readStatus(instance: ServiceNowCredentials, updateSet: AppUpdateSet): Promise<InstanceStatus> {
    const client = new ServiceNowClient(instance)
    const remote = await client.getRecord('sys_remote_update_set', updateSet.sysId, REMOTE_SET_FIELDS)
    const fingerprint = fingerprintOf(remote?.description ?? '')
    const actions = await Promise.all(
        updateSet.actions.map(async (action) => {
            const record = await client.getRecord('sys_hub_action_type_definition', action.sysId, ACTION_FIELDS)
            return {
                name: action.name,
                state: record ? shown(record.state || '(no state)') : 'missing',
                published: isActionPublished(record),
            }
        })
    )
    const flows = await Promise.all(
        updateSet.flows.map(async (flow) => {
            const record = await client.getRecord('sys_hub_flow', flow.sysId, FLOW_FIELDS)
            return {
                name: flow.name,
                active: isFlowActive(record),
                status: record ? `${shown(record.status ?? '')}, active=${shown(record.active ?? '')}` : 'missing',
            }
        })
    )
    const alias = updateSet.alias
    const [connectionRecord] = alias
        ? await client.queryRecords('http_connection', `connection_alias=${alias.sysId}`, CONNECTION_FIELDS, 1)
        : []
    let connection: InstanceStatus['connection']
    if (alias && connectionRecord) {
        const credential = connectionRecord.credential
            ? await client.getRecord('basic_auth_credentials', connectionRecord.credential, CREDENTIAL_FIELDS)
            : (
                  await client.queryRecords(
                      'basic_auth_credentials',
                      `name=${credentialName(alias)}`,
                      CREDENTIAL_FIELDS,
                      1
                  )
              )[0]
        connection = {
            url: shown(connectionRecord.connection_url ?? ''),
            active: connectionRecord.active === 'true',
            credentialUser: credential ? shown(credential.user_name ?? '') : '(no credential)',
        }
    }
    const updateSetStatus = {
        present: remote !== undefined,
        state: shown(remote?.state || 'absent'),
        version: shown(remote?.application_version || (remote ? '(unknown)' : '')),
        fingerprint,
        matchesLocalFile: fingerprint === updateSet.sha256,
    }
    const ready =
        updateSetStatus.state === 'committed' &&
        actions.every((action) => action.published) &&
        flows.every((flow) => flow.active) &&
        (alias === undefined || connection?.active === true)
    return { updateSet: updateSetStatus, actions, flows, connection, ready }
}

export function formatStatus(status: InstanceStatus, updateSet: AppUpdateSet, instanceUrl: string): string[] {
    const set = status.updateSet
    const fingerprint = set.fingerprint
        ? `${set.fingerprint.slice(0, 12)} (${set.matchesLocalFile ? 'this file' : `not this file: ${updateSet.sha256.slice(0, 12)}`})`
        : 'none (not deployed by this tool)'
    return [
        `instance: ${instanceUrl}`,
        `update set "${updateSet.name}": ${set.present ? set.state : 'not on the instance'}${set.present ? `, version ${set.version}, fingerprint ${fingerprint}` : ''}`,
        ...status.actions.map((action) => `action "${action.name}": ${action.state}`),
        ...status.flows.map((flow) => `flow "${flow.name}": ${flow.active ? 'active' : 'not active'} (${flow.status})`),
        !updateSet.alias
            ? 'connection: the set defines no alias (its connection is made by hand)'
            : status.connection
              ? `connection "${updateSet.alias.name}": ${status.connection.url} (${status.connection.active ? 'active' : 'inactive'}), Kpow user ${status.connection.credentialUser}`
              : `connection "${updateSet.alias.name}": none`,
        status.ready ? 'ready: orders run the flow' : 'not ready: run `npm run deploy`',
    ]
}

export async function showStatus(
    instance: ServiceNowCredentials,
    updateSet: AppUpdateSet,
    reporter: Reporter
): Promise<InstanceStatus> {
    const status = await readStatus(instance, updateSet)
    for (const line of formatStatus(status, updateSet, instance.instanceUrl.replace(/\/+$/, ''))) reporter.line(line)
    return status
}
