// What the fixtures need on the instance target (e2e/specs/target.ts) beside the pages: who the
// people are (the manager looked up as the admin), and each test's footprint, tidied through the
// instance's REST API as the admin (the deploy tool's clients) and the Kpow API the instance reaches.
// Nothing here knows the local instance: the same calls work on a PDI.
import { KpowClient, ServiceNowClient } from '../../scripts/deploy/index'
import type { InstanceTarget, Login } from './target'

/** Kpow's temporary policy as its API lists it. */
export interface TemporaryPolicy {
    id: string
    created_ts: number
    duration_ms: number
    policy: { role?: string; actions: string[]; effect: string; resource?: string[] }
}

/** sc_req_item states the platform counts as closed: Closed Complete, Closed Incomplete, Closed Skipped. */
const CLOSED_STATES = new Set(['3', '4', '7'])
const CLOSED_INCOMPLETE = '4'

/** The people the specs log in as, by the names the local instance's demo users have. */
export type Persona = 'requester' | 'manager' | 'fulfiller' | 'groupApprover'
export const PERSONA_OF_LOCAL_USER: Readonly<Record<string, Persona>> = {
    'abel.tuter': 'requester',
    'beth.anglin': 'manager',
    'fred.fulfiller': 'fulfiller',
    'gina.approver': 'groupApprover',
}

/** A person on the instance: their login and sys_id. */
export interface Person extends Login {
    sysId: string
}

export interface OpenItem {
    sysId: string
    /** The Kpow policy the grant wrote on the item (its correlation_id); '' before a grant. */
    policyId: string
}

export class InstanceRest {
    readonly admin: ServiceNowClient
    private readonly kpowClient: KpowClient

    constructor(readonly settings: InstanceTarget) {
        this.admin = new ServiceNowClient(settings.admin)
        this.kpowClient = new KpowClient(settings.kpow)
    }

    get instanceUrl(): string {
        return this.settings.admin.instanceUrl
    }

    /** The login of a persona; the manager is the requester's, looked up on the instance. */
    async person(persona: Persona): Promise<Person> {
        if (persona === 'fulfiller') return this.userNamed(this.settings.admin)
        if (persona === 'requester') return this.userNamed(this.settings.requester)
        if (persona === 'manager') {
            const requester = await this.userNamed(this.settings.requester)
            const [record] = await this.admin.queryRecords('sys_user', `sys_id=${requester.sysId}`, ['manager'], 1)
            const manager = record?.manager
                ? await this.admin.getRecord('sys_user', record.manager, ['sys_id', 'user_name'])
                : undefined
            if (!manager?.user_name)
                throw new Error(
                    `${this.settings.requester.user} has no manager on the instance: set one on their user record`
                )
            return { user: manager.user_name, password: this.settings.approverPassword, sysId: manager.sys_id ?? '' }
        }
        const groupApprover = this.settings.groupApprover
        if (!groupApprover)
            throw new Error('no group approver: set SN_E2E_GROUP_APPROVER and SN_E2E_GROUP_APPROVER_PASSWORD')
        return this.userNamed(groupApprover)
    }

    private async userNamed(login: Login): Promise<Person> {
        const [user] = await this.admin.queryRecords('sys_user', `user_name=${login.user}`, ['sys_id'], 1)
        if (!user?.sys_id) throw new Error(`no user "${login.user}" on ${this.instanceUrl}`)
        return { ...login, sysId: user.sys_id }
    }

    /** The requester's requested items that are not closed, each with the policy its grant noted (correlation_id). */
    async openItemsOf(requesterSysId: string): Promise<OpenItem[]> {
        const items = await this.admin.queryRecords('sc_req_item', `requested_for=${requesterSysId}`, [
            'sys_id',
            'state',
            'correlation_id',
        ])
        return items
            .filter((item) => !CLOSED_STATES.has(item.state ?? ''))
            .map((item) => ({ sysId: item.sys_id ?? '', policyId: item.correlation_id ?? '' }))
    }

    async closeIncomplete(itemSysId: string): Promise<void> {
        await this.admin.updateRecord('sc_req_item', itemSysId, { state: CLOSED_INCOMPLETE })
    }

    /** Kpow's temporary policies, as its API lists them. */
    async policies(): Promise<TemporaryPolicy[]> {
        const response = await fetch(`${this.settings.kpow.apiUrl}/admin/v1/temporary-policies`, {
            headers: {
                authorization: `Basic ${Buffer.from(`${this.settings.kpow.user}:${this.settings.kpow.password}`).toString('base64')}`,
                accept: 'application/json',
            },
        })
        if (response.status !== 200) throw new Error(`Kpow's temporary policies answered ${String(response.status)}`)
        return ((await response.json()) as { temporary_policies: TemporaryPolicy[] }).temporary_policies
    }

    async deletePolicy(id: string): Promise<boolean> {
        return this.kpowClient.deleteTemporaryPolicy(id)
    }
}

/**
 * One test's footprint on the instance: what was there when it started, so that what it caused is
 * told apart from what was there already (a real Kpow holds other people's policies), and removed
 * after it, whether it passed or failed.
 */
export class InstanceRun {
    private constructor(
        readonly rest: InstanceRest,
        private readonly requester: Person,
        private readonly itemsBefore: ReadonlySet<string>,
        private readonly policiesBefore: ReadonlySet<string>
    ) {}

    static async start(rest: InstanceRest): Promise<InstanceRun> {
        const requester = await rest.person('requester')
        const [items, policies] = await Promise.all([rest.openItemsOf(requester.sysId), rest.policies()])
        return new InstanceRun(
            rest,
            requester,
            new Set(items.map((item) => item.sysId)),
            new Set(policies.map((policy) => policy.id))
        )
    }

    /** The temporary policies created since the test started. */
    async newPolicies(): Promise<TemporaryPolicy[]> {
        return (await this.rest.policies()).filter((policy) => !this.policiesBefore.has(policy.id))
    }

    /** Closes (Closed Incomplete) the requester's items the test opened and left open; which they were. */
    async closeItemsLeftOpen(): Promise<OpenItem[]> {
        const left = (await this.rest.openItemsOf(this.requester.sysId)).filter(
            (item) => !this.itemsBefore.has(item.sysId)
        )
        for (const item of left) await this.rest.closeIncomplete(item.sysId)
        return left
    }

    /** Deletes in Kpow every policy the test caused that is still there; their ids. */
    async deleteNewPolicies(): Promise<string[]> {
        const deleted: string[] = []
        for (const policy of await this.newPolicies()) {
            if (await this.rest.deletePolicy(policy.id)) deleted.push(policy.id)
        }
        return deleted
    }
}
