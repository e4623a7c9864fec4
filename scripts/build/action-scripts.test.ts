/**
 * Runs the actions' script steps, as stored in the update set, with the Script Include they call
 * (x_kpow_jit.KpowClient, from the set too), against a stand-in for the Glide APIs they call,
 * recording the HTTP request they make.
 */
import { runInNewContext } from 'node:vm'
import { parse } from 'acorn'
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { readUpdateSetFile, recordsOfTable } from '../lib/update-set/index.ts'
import type { UpdateSet } from '../lib/update-set/index.ts'
import { repositoryRoot } from '../lib/common/index.ts'

const updateSet = readUpdateSetFile(join(repositoryRoot, 'update-sets', 'kpow-jit-access.xml'))
const ALIAS_SYS_ID = recordsOfTable(updateSet, 'sys_alias')[0]?.fields.sys_id?.value ?? ''
/** The access profiles as the set carries them: what the create action reads on the instance. */
const ACCESS_PROFILES =
    recordsOfTable(updateSet, 'sys_properties').find(
        (record) => record.fields.name?.value === 'x_kpow_jit.access_profiles'
    )?.fields.value?.value ?? ''

/** The Kpow client every Kpow action's script calls, as the set carries it. */
const KPOW_CLIENT_SCRIPT =
    recordsOfTable(updateSet, 'sys_script_include').find((record) => record.fields.name?.value === 'KpowClient')?.fields
        .script?.value ?? ''

function stepScript(set: UpdateSet, actionName: string): string {
    const entry = set.records.find(
        (record) => record.table === 'sys_hub_action_type_definition' && record.targetName === actionName
    )
    if (!entry) throw new Error(`${actionName} is not in the update set`)
    const script = entry.payload.records.find(
        (record) =>
            record.table === 'sys_variable_value' &&
            record.fields.value?.value.includes('(function execute(inputs, outputs)')
    )
    if (!script?.fields.value) throw new Error(`${actionName} has no script step`)
    return script.fields.value.value
}

interface RecordedRequest {
    endpoint?: string
    method?: string
    headers: Record<string, string>
    body?: string
    basicAuth?: [string, string]
    timeoutMs?: number
    executed?: boolean
}

/** What Kpow (or the network) answers: an HTTP answer, or a transport failure. */
type KpowAnswer = { status: number; body: string } | { transportError: string; via: 'status 0' | 'thrown' }

const REQUESTED_ITEM_SYS_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'

interface WorkNote {
    table: string
    sysId: string
    text: string
}

const REQUESTER_SYS_ID = 'f0e1d2c3b4a5968778695a4b3c2d1e0f'
/** The requested item (requested for the requester) and the requester (time zone Europe/Berlin). */
const STORED: Record<string, Record<string, Record<string, string>>> = {
    sc_req_item: { [REQUESTED_ITEM_SYS_ID]: { requested_for: REQUESTER_SYS_ID } },
    sys_user: { [REQUESTER_SYS_ID]: { user_name: 'abel.tuter', time_zone: 'Europe/Berlin' } },
}

/** The instance's clock as the scripts read it (new GlideDateTime().getNumericValue()). */
const NOW_MS = 1772166081579

/**
 * Just enough GlideRecord for the scripts: get(sys_id), getValue, setValue(field, value), work_notes /
 * comments = text, update(), and work_notes.getJournalEntry(-1) over the notes written so far (newest
 * first, as the platform). A note is an update with work notes; field values are recorded apart.
 */
function glideRecordClass(notes: WorkNote[], comments: WorkNote[], fieldWrites: Record<string, string>[]) {
    return class {
        private current: string | undefined
        private readonly values: Record<string, string> = {}
        private pendingNote = ''
        private pendingComment = ''
        constructor(private readonly table: string) {}
        get(sysId: string) {
            this.current = STORED[this.table]?.[sysId] ? sysId : undefined
            return this.current !== undefined
        }
        getValue(field: string) {
            return (this.current && STORED[this.table]?.[this.current]?.[field]) ?? null
        }
        // A journal field set by name adds an entry on update, as setting its property does.
        setValue(field: string, value: string) {
            if (field === 'work_notes') this.work_notes = value
            else if (field === 'comments') this.comments = value
            else this.values[field] = value
        }
        get work_notes(): { getJournalEntry(mostRecent: number): string } {
            return {
                getJournalEntry: (mostRecent: number) =>
                    notes
                        .slice()
                        .reverse()
                        .slice(0, mostRecent === -1 ? notes.length : mostRecent)
                        .map((note) => `2026-02-27 04:21:21 - System Administrator (Work notes)\n${note.text}`)
                        .join('\n\n'),
            }
        }
        set work_notes(text: unknown) {
            this.pendingNote = String(text)
        }
        set comments(text: unknown) {
            this.pendingComment = String(text)
        }
        update() {
            if (!this.current) throw new Error('update() without a record')
            if (this.pendingNote) notes.push({ table: this.table, sysId: this.current, text: this.pendingNote })
            if (this.pendingComment)
                comments.push({ table: this.table, sysId: this.current, text: this.pendingComment })
            this.pendingNote = ''
            this.pendingComment = ''
            if (Object.keys(this.values).length > 0) fieldWrites.push({ ...this.values })
            return this.current
        }
    }
}

function respond(answer: KpowAnswer) {
    if ('transportError' in answer) {
        if (answer.via === 'thrown') throw new Error(answer.transportError)
        return { getStatusCode: () => 0, getBody: () => '', getErrorMessage: () => answer.transportError }
    }
    return { getStatusCode: () => answer.status, getBody: () => answer.body, getErrorMessage: () => '' }
}

/**
 * Runs a script step. `answers`: what Kpow answers each call in turn (one answer: every call);
 * `notes`: work notes already on the item (oldest first), e.g. those the create wrote.
 */
function run(
    script: string,
    inputs: Record<string, unknown>,
    answers: KpowAnswer | KpowAnswer[],
    profiles = ACCESS_PROFILES,
    properties: Record<string, string> = {},
    notesBefore: string[] = []
) {
    const requests: RecordedRequest[] = []
    const outputs: Record<string, unknown> = {}
    const requestedAliases: unknown[] = []
    const notes: WorkNote[] = notesBefore.map((text) => ({ table: 'sc_req_item', sysId: REQUESTED_ITEM_SYS_ID, text }))
    const comments: WorkNote[] = []
    const answerFor = (index: number): KpowAnswer => {
        if (!Array.isArray(answers)) return answers
        const answer = answers[index]
        if (!answer)
            throw new Error(`the script made call ${String(index + 1)}, the test expected ${String(answers.length)}`)
        return answer
    }
    const events: { name: string; parm1: string; parm2: string }[] = []
    const fieldWrites: Record<string, string>[] = []
    const sandbox = {
        inputs,
        outputs,
        GlideRecord: glideRecordClass(notes, comments, fieldWrites),
        GlideDateTime: class {
            getNumericValue() {
                return NOW_MS
            }
        },
        gs: {
            getProperty: (name: string, fallback: string) =>
                ({ 'x_kpow_jit.max_duration_minutes': '60', 'x_kpow_jit.access_profiles': profiles, ...properties })[
                    name
                ] ?? fallback,
            eventQueue: (name: string, _record: unknown, parm1: string, parm2: string) =>
                events.push({ name, parm1, parm2 }),
        },
        sn_cc: {
            ConnectionInfoProvider: class {
                getConnectionInfo(alias: unknown) {
                    requestedAliases.push(alias)
                    return {
                        getAttribute: (name: string) => (name === 'connection_url' ? 'https://kpow.test:4000/' : ''),
                        getCredentialAttribute: (name: string) =>
                            ({ user_name: 'admin', password: 'secret' })[name] ?? '',
                    }
                }
            },
        },
        sn_ws: {
            RESTMessageV2: class {
                private readonly request: RecordedRequest = { headers: {} }
                constructor() {
                    requests.push(this.request)
                }
                setEndpoint(url: string) {
                    this.request.endpoint = url
                }
                setHttpMethod(method: string) {
                    this.request.method = method
                }
                setBasicAuth(user: string, password: string) {
                    this.request.basicAuth = [user, password]
                }
                setRequestHeader(name: string, value: string) {
                    this.request.headers[name] = value
                }
                setRequestBody(body: string) {
                    this.request.body = body
                }
                setHttpTimeout(milliseconds: number) {
                    this.request.timeoutMs = milliseconds
                }
                execute() {
                    this.request.executed = true
                    return respond(answerFor(requests.filter((request) => request.executed).length - 1))
                }
            },
        },
    }
    // The include as the platform gives it to the step: compiled in the step's context (so it sees the
    // same stand-ins), reached as x_kpow_jit.KpowClient; Class.create as the platform defines it.
    const context: Record<string, unknown> = {
        ...sandbox,
        Class: {
            create: () =>
                function (this: { initialize(...args: unknown[]): void }, ...args: unknown[]) {
                    this.initialize(...args)
                },
        },
    }
    runInNewContext(`${KPOW_CLIENT_SCRIPT}\nvar x_kpow_jit = { KpowClient: KpowClient }`, context)
    let error: Error | undefined
    try {
        runInNewContext(script, context)
    } catch (thrown) {
        error = thrown as Error
    }
    const request = requests[0] ?? { headers: {} }
    const newNotes = notes.slice(notesBefore.length)
    return { request, requests, outputs, error, requestedAliases, notes: newNotes, comments, events, fieldWrites }
}

const createScript = stepScript(updateSet, 'Kpow - Create Temporary Policy')
const reconcileScript = stepScript(updateSet, 'Kpow - Reconcile Temporary Policy')
const SENDING = 'Kpow - Create Temporary Policy: sending the request to Kpow at '
const deleteScript = stepScript(updateSet, 'Kpow - Delete Temporary Policy')
const created = (id: string) =>
    JSON.stringify({
        temporary_policy: { id, created_ts: 1772169681579, duration_ms: 3600000, policy: {} },
        metadata: {},
    })
const validInputs = {
    connection_alias: ALIAS_SYS_ID,
    profile_id: 'topic_query',
    role_name: 'kafka-users',
    cluster_id: '42RglGpZQwy9D5VzTVpCWA',
    topic_name: '__oprtr_audit_log',
    duration_ms: '3600000',
    work_notes_record: REQUESTED_ITEM_SYS_ID,
}
const deleteInputs = { connection_alias: ALIAS_SYS_ID, policy_id: 'abc-123', work_notes_record: REQUESTED_ITEM_SYS_ID }
const kpowError = (error: string, message: string, fields: { path: string; message: string }[] = []) =>
    JSON.stringify({ error, message, fields })

describe('action scripts', () => {
    it.each([
        ['create', createScript],
        ['delete', deleteScript],
        ['reconcile', reconcileScript],
        ['KpowClient include', KPOW_CLIENT_SCRIPT],
    ])('%s script is ES5 (the app keeps scripts runnable in either JavaScript mode)', (_name, script) => {
        expect(() => parse(script, { ecmaVersion: 5 })).not.toThrow()
    })

    it('create sends the policy as JSON built from data, to the alias URL with its credential', () => {
        const { request, outputs, error, requestedAliases } = run(createScript, validInputs, {
            status: 200,
            body: created('0de3f8b1-8e1b-42e1-a99f-132e3c580e3f'),
        })
        expect(error).toBeUndefined()
        expect(requestedAliases).toEqual([ALIAS_SYS_ID])
        expect(request.endpoint).toBe('https://kpow.test:4000/admin/v1/temporary-policies')
        expect(request.method).toBe('post')
        expect(request.basicAuth).toEqual(['admin', 'secret'])
        expect(request.headers['Content-Type']).toBe('application/json')
        expect(JSON.parse(request.body ?? '')).toEqual({
            duration_ms: 3600000,
            policy: {
                role: 'kafka-users',
                actions: ['TOPIC_DATA_QUERY'],
                effect: 'Allow',
                resource: ['cluster', '42RglGpZQwy9D5VzTVpCWA', 'topic', '__oprtr_audit_log'],
            },
        })
        expect(outputs.policy_id).toBe('0de3f8b1-8e1b-42e1-a99f-132e3c580e3f')
        expect(outputs.expires_at).toBe('2026-02-27 06:21:21 UTC')
        // The end is given in UTC, named: the item's Due date shows it in each viewer's own zone.
        expect(outputs).not.toHaveProperty('expires_at_requester')
        expect(request.body).not.toContain('GlideScheduleDateTime')
    })

    it.each([
        [
            'https://kpow.example.com/',
            'Kpow Data > Inspect: https://kpow.example.com/#/tenant/__kpow_global/cluster/42RglGpZQwy9D5VzTVpCWA/data/inspect?topic=__oprtr_audit_log',
        ],
        [
            'http://127.0.0.1:3000',
            'Kpow Data > Inspect: http://127.0.0.1:3000/#/tenant/__kpow_global/cluster/42RglGpZQwy9D5VzTVpCWA/data/inspect?topic=__oprtr_audit_log',
        ],
        ['', ''],
        ['kpow.example.com', ''],
        ['javascript:alert(1)', ''],
    ])('x_kpow_jit.kpow_ui_url "%s" gives the inspect link "%s", never a failed grant', (uiUrl, link) => {
        const { outputs, error } = run(
            createScript,
            validInputs,
            { status: 200, body: created('0de3f8b1-8e1b-42e1-a99f-132e3c580e3f') },
            ACCESS_PROFILES,
            { 'x_kpow_jit.kpow_ui_url': uiUrl }
        )
        expect(error).toBeUndefined()
        expect(outputs.inspect_link).toBe(link)
    })

    it.each([
        ['topic_name', 'a", "topic", "*'],
        ['topic_name', 'tx_*'],
        ['topic_name', 'line\nbreak'],
        ['topic_name', 'back\\slash'],
        ['topic_name', 'ünïcødé'],
        ['topic_name', '..'],
        ['cluster_id', '42RglGpZQwy9D5VzTVpCW"'],
        ['role_name', '*'],
        ['role_name', 'kafka-users", "role": "kafka-admins'],
        ['duration_ms', '3600001'],
        ['duration_ms', '59999'],
        ['duration_ms', '1e6'],
    ])('create refuses hostile %s %j before calling Kpow', (field, value) => {
        const { request, error } = run(
            createScript,
            { ...validInputs, [field]: value },
            { status: 200, body: created('x') }
        )
        expect(error?.message).toContain(field)
        expect(request.endpoint).toBeUndefined()
    })

    it('create serialises whatever valid text it is given exactly, as JSON strings', () => {
        const role = 'rôle-"x"\\y'
        const profiles = JSON.stringify(
            (JSON.parse(ACCESS_PROFILES) as { id: string; roles: string[] }[]).map((profile) => ({
                ...profile,
                roles: [role],
            }))
        )
        const { request, error } = run(
            createScript,
            { ...validInputs, role_name: role },
            { status: 201, body: created('p1') },
            profiles
        )
        expect(error).toBeUndefined()
        expect(JSON.parse(request.body ?? '').policy.role).toBe('rôle-"x"\\y')
    })

    it.each([
        [403, JSON.stringify({ message: 'admin lacks TOPIC_DATA_QUERY' }), 'admin lacks TOPIC_DATA_QUERY'],
        [400, JSON.stringify({ errors: [{ path: 'duration_ms', message: 'too long' }] }), 'too long'],
        [500, 'upstream exploded', 'upstream exploded'],
    ])('create fails with Kpow status %i and its message', (status, body, message) => {
        const { outputs, error, events } = run(createScript, validInputs, { status, body })
        expect(error?.message).toContain(`HTTP ${status}`)
        expect(error?.message).toContain(message)
        expect(outputs.policy_id).toBeUndefined()
        // The requester's email: the reason with Kpow's message, never the credential.
        expect(events).toEqual([
            { name: 'x_kpow_jit.access.grant_failed', parm1: expect.stringContaining(message) as string, parm2: '' },
        ])
        expect(events[0]?.parm1).toMatch(new RegExp(`^Kpow answered HTTP ${String(status)}: `))
        expect(JSON.stringify(events)).not.toContain('secret')
    })

    it('create builds a GROUP_EDIT policy on a consumer group from the group_edit profile', () => {
        const { request, error } = run(
            createScript,
            { ...validInputs, profile_id: 'group_edit', topic_name: '', group_name: 'trade_b2', duration_ms: '900000' },
            { status: 200, body: created('g1') }
        )
        expect(error).toBeUndefined()
        expect(JSON.parse(request.body ?? '').policy).toEqual({
            role: 'kafka-users',
            actions: ['GROUP_EDIT'],
            effect: 'Allow',
            resource: ['cluster', '42RglGpZQwy9D5VzTVpCWA', 'group', 'trade_b2'],
        })
    })

    it.each([
        [{ profile_id: 'group_edit', group_name: 'trade_b2' }, 'applies to a consumer group'],
        [{ profile_id: 'group_edit', topic_name: '', group_name: '*' }, 'is not one exact consumer group id'],
        [{ group_name: 'trade_b2' }, 'applies to a topic'],
        [{ profile_id: 'admin_everything' }, 'is not an access profile'],
        [{ cluster_id: 'AAAAAAAAAAAAAAAAAAAAAA' }, 'is not a cluster of profile topic_query'],
    ])('create refuses %o before calling Kpow', (overrides, message) => {
        const { request, error } = run(
            createScript,
            { ...validInputs, ...overrides },
            { status: 200, body: created('x') }
        )
        expect(error?.message).toContain(message)
        expect(request.executed).toBeUndefined()
    })

    it('create fails when a 2xx answer has no policy id', () => {
        const { error } = run(createScript, validInputs, { status: 200, body: '{}' })
        expect(error?.message).toContain('temporary_policy.id')
    })

    it('delete revokes the policy by id', () => {
        const { request, outputs, error } = run(deleteScript, deleteInputs, { status: 204, body: '' })
        expect(error).toBeUndefined()
        expect(request.method).toBe('delete')
        expect(request.endpoint).toBe('https://kpow.test:4000/admin/v1/temporary-policies/abc-123')
        expect(outputs.already_expired).toBe(false)
        expect(outputs.outcome).toContain('deleted')
    })

    it('delete treats 404 as already expired, and says so', () => {
        const { outputs, error } = run(deleteScript, deleteInputs, { status: 404, body: '' })
        expect(error).toBeUndefined()
        expect(outputs.already_expired).toBe(true)
        expect(outputs.outcome).toContain('already expired')
    })

    it.each([401, 403, 500, 503])('delete fails on HTTP %i', (status) => {
        const { error } = run(deleteScript, deleteInputs, { status, body: '{"message":"nope"}' })
        expect(error?.message).toContain(`HTTP ${status} for policy abc-123: nope`)
    })

    it('delete refuses a policy id that would change the path', () => {
        const { request, error } = run(
            deleteScript,
            { connection_alias: ALIAS_SYS_ID, policy_id: '../../users' },
            { status: 204, body: '' }
        )
        expect(error?.message).toContain('policy_id')
        expect(request.endpoint).toBeUndefined()
    })
})

describe('work note on the requested item when an action fails', () => {
    const note = (text: string): WorkNote[] => [{ table: 'sc_req_item', sysId: REQUESTED_ITEM_SYS_ID, text }]

    it.each([
        [
            'create, 4xx with Kpow error body and fields',
            createScript,
            validInputs,
            {
                status: 400,
                body: kpowError('invalid-request', 'The request body is not valid.', [
                    { path: 'duration_ms', message: 'must be at most 3600000' },
                ]),
            },
            `Kpow - Create Temporary Policy failed: Kpow answered HTTP 400: The request body is not valid. (duration_ms: must be at most 3600000). Kpow refused the request, so nothing was created (request_time_ms=${String(NOW_MS)}).`,
        ],
        [
            'create, 403 with Kpow error body',
            createScript,
            validInputs,
            { status: 403, body: kpowError('forbidden', 'admin may not grant TOPIC_DATA_QUERY') },
            `Kpow - Create Temporary Policy failed: Kpow answered HTTP 403: admin may not grant TOPIC_DATA_QUERY. Kpow refused the request, so nothing was created (request_time_ms=${String(NOW_MS)}).`,
        ],
        [
            'create, 5xx with a non-JSON body',
            createScript,
            validInputs,
            { status: 502, body: '<html>Bad Gateway</html>' },
            'Kpow - Create Temporary Policy failed: Kpow answered HTTP 502: <html>Bad Gateway</html>. Kpow may have created the policy anyway; the flow looks for it.',
        ],
        [
            'create, transport error reported as status 0',
            createScript,
            validInputs,
            { transportError: 'Connection refused', via: 'status 0' },
            'Kpow - Create Temporary Policy failed: could not reach Kpow through the "Kpow API" connection (HTTP timeout 8 s): Connection refused. Kpow may have created the policy anyway; the flow looks for it.',
        ],
        [
            'create, transport error thrown by execute()',
            createScript,
            validInputs,
            { transportError: 'Read timed out', via: 'thrown' },
            'Kpow - Create Temporary Policy failed: could not reach Kpow through the "Kpow API" connection (HTTP timeout 8 s): Read timed out. Kpow may have created the policy anyway; the flow looks for it.',
        ],
        [
            'delete, 4xx with Kpow error body',
            deleteScript,
            deleteInputs,
            { status: 401, body: kpowError('unauthorized', 'Authentication required.') },
            'Kpow - Delete Temporary Policy failed: Kpow answered HTTP 401 for policy abc-123: Authentication required.',
        ],
        [
            'delete, 5xx with an empty body',
            deleteScript,
            deleteInputs,
            { status: 503, body: '' },
            'Kpow - Delete Temporary Policy failed: Kpow answered HTTP 503 for policy abc-123: no response body',
        ],
        [
            'delete, transport error reported as status 0',
            deleteScript,
            deleteInputs,
            { transportError: 'Connection reset', via: 'status 0' },
            'Kpow - Delete Temporary Policy failed: could not reach Kpow through the "Kpow API" connection (HTTP timeout 8 s): Connection reset. Policy abc-123 may still be live until it expires.',
        ],
    ] as const)(
        '%s: notes status and message, then fails with the same text',
        (_case, script, inputs, answer, expected) => {
            const { error, notes } = run(script, inputs, answer)
            // The create notes its request just before sending it (what reconciliation reads), then why it failed.
            const sent = script === createScript ? notes.slice(0, 1) : []
            if (script === createScript) expect(sent[0]?.text).toContain(SENDING)
            expect(notes).toEqual([...sent, ...note(expected)])
            expect(error?.message).toBe(expected)
        }
    )

    it.each([
        ['status 0', { transportError: 'java.net.ConnectException: Connection refused', via: 'status 0' }],
        ['thrown', { transportError: 'com.glide.Exception: Read timed out', via: 'thrown' }],
    ] as const)(
        "create, transport error (%s): the requester's email is a fixed text, the exception stays in the work note",
        (_via, answer) => {
            const { events, notes } = run(createScript, validInputs, answer)
            expect(notes[1]?.text).toContain(answer.transportError)
            expect(events).toEqual([
                {
                    name: 'x_kpow_jit.access.grant_failed',
                    parm1: 'Kpow did not answer in time. It may have created the access anyway; the flow looks for it and removes it.',
                    parm2: '',
                },
            ])
        }
    )

    it('truncates a long raw body in the note', () => {
        const { notes } = run(createScript, validInputs, { status: 500, body: 'x'.repeat(2000) })
        expect(notes[1]?.text).toBe(
            `Kpow - Create Temporary Policy failed: Kpow answered HTTP 500: ${'x'.repeat(500)}... (truncated). Kpow may have created the policy anyway; the flow looks for it.`
        )
    })

    it('notes a refusal made before calling Kpow too', () => {
        const { request, notes } = run(
            createScript,
            { ...validInputs, topic_name: 'tx_*' },
            { status: 200, body: created('x') }
        )
        expect(request.executed).toBeUndefined()
        expect(notes).toHaveLength(1)
        expect(notes[0]?.text).toContain('topic_name "tx_*"')
    })

    it('create notes the request and its time just before sending it, and nothing more on success', () => {
        const { notes, request, error } = run(createScript, validInputs, { status: 200, body: created('p1') })
        expect(error).toBeUndefined()
        expect(request.timeoutMs).toBe(8000)
        expect(notes.map((entry) => entry.text)).toEqual([
            `${SENDING}2026-02-27 04:21:21 UTC (request_time_ms=${String(NOW_MS)}): ${request.body ?? ''}`,
        ])
    })

    it.each([
        ['delete', deleteScript, deleteInputs, { status: 204, body: '' }],
        [
            'delete of an expired policy',
            deleteScript,
            deleteInputs,
            { status: 404, body: kpowError('not-found', 'No such temporary policy.') },
        ],
    ] as const)('%s writes no note on success', (_case, script, inputs, answer) => {
        const { error, notes } = run(script, inputs, answer)
        expect(error).toBeUndefined()
        expect(notes).toEqual([])
    })

    it('create records the grant on the item: policy id, when access began, when Kpow ends it (UTC)', () => {
        const { error, fieldWrites } = run(createScript, validInputs, { status: 200, body: created('p1') })
        expect(error).toBeUndefined()
        expect(fieldWrites).toEqual([
            { correlation_id: 'p1', work_start: '2026-02-27 05:21:21', due_date: '2026-02-27 06:21:21' },
        ])
        const failed = run(createScript, validInputs, { status: 500, body: 'down' })
        expect(failed.fieldWrites).toEqual([])
    })

    it('fails without a note when no record is given (the input is optional)', () => {
        const { error, notes } = run(
            createScript,
            { ...validInputs, work_notes_record: '' },
            { status: 500, body: 'down' }
        )
        expect(error?.message).toContain('HTTP 500: down')
        expect(notes).toEqual([])
    })
})

describe('Kpow - Reconcile Temporary Policy after a failed create', () => {
    const reconcileInputs = (lastAttempt: boolean) => ({
        connection_alias: ALIAS_SYS_ID,
        work_notes_record: REQUESTED_ITEM_SYS_ID,
        last_attempt: lastAttempt,
    })
    /** The notes a create leaves when Kpow gives it `answer`, and the request it sent. */
    function failedCreate(answer: KpowAnswer) {
        const { notes, request, error } = run(createScript, validInputs, answer)
        expect(error).toBeDefined()
        const sent = request.body ? (JSON.parse(request.body) as { duration_ms: number; policy: object }) : undefined
        return { notes: notes.map((entry) => entry.text), sent }
    }
    const timedOut: KpowAnswer = { transportError: 'Request timed out after 8000 ms', via: 'status 0' }
    const listOf = (...policies: object[]) => ({
        status: 200,
        body: JSON.stringify({ temporary_policies: policies, metadata: {} }),
    })
    const kpowPolicy = (id: string, sent: { duration_ms: number; policy: object } | undefined, overrides = {}) => ({
        id,
        created_ts: NOW_MS + 1500,
        duration_ms: sent?.duration_ms,
        policy: sent?.policy,
        ...overrides,
    })

    it('finds the policy Kpow created after the create timed out, deletes it, and tells the requester', () => {
        const create = failedCreate(timedOut)
        const theirs = kpowPolicy('0aa3f8b1-8e1b-42e1-a99f-132e3c580e3f', create.sent, {
            policy: { ...create.sent?.policy, role: 'kafka-admins' },
        })
        const older = kpowPolicy('1bb3f8b1-8e1b-42e1-a99f-132e3c580e3f', create.sent, {
            created_ts: NOW_MS - 10 * 60000,
        })
        const ours = kpowPolicy('2cc3f8b1-8e1b-42e1-a99f-132e3c580e3f', create.sent)
        const { requests, outputs, notes, comments, error } = run(
            reconcileScript,
            reconcileInputs(false),
            [listOf(theirs, older, ours), { status: 204, body: '' }],
            ACCESS_PROFILES,
            {},
            create.notes
        )
        expect(error).toBeUndefined()
        expect(
            requests.map((request) => `${request.method ?? ''} ${request.endpoint ?? ''} ${String(request.timeoutMs)}`)
        ).toEqual([
            'get https://kpow.test:4000/admin/v1/temporary-policies 18000',
            `delete https://kpow.test:4000/admin/v1/temporary-policies/${ours.id} 8000`,
        ])
        expect(requests[0]?.basicAuth).toEqual(['admin', 'secret'])
        expect(outputs.outcome).toBe('deleted')
        expect(notes[0]?.text).toContain(`temporary policy ${ours.id}`)
        expect(notes[0]?.text).toContain('No access from this request remains.')
        expect(comments.map((entry) => entry.text)).toEqual([
            expect.stringContaining('It had created the access after all, and it has been removed again'),
        ])
    })

    it('finds nothing when Kpow holds no such policy, and says no access was created', () => {
        const create = failedCreate({ status: 502, body: '<html>Bad Gateway</html>' })
        const { requests, outputs, notes, comments } = run(
            reconcileScript,
            reconcileInputs(false),
            [listOf(kpowPolicy('0aa3f8b1-8e1b-42e1-a99f-132e3c580e3f', create.sent, { duration_ms: 60000 }))],
            ACCESS_PROFILES,
            {},
            create.notes
        )
        expect(requests).toHaveLength(1)
        expect(outputs.outcome).toBe('none_found')
        expect(notes[0]?.text).toContain('none matches role kafka-users, actions TOPIC_DATA_QUERY')
        expect(comments[0]?.text).toContain('it holds no access from this request')
    })

    it('does not call Kpow when Kpow refused the create with its own error: nothing was created', () => {
        const create = failedCreate({ status: 403, body: kpowError('forbidden', 'admin may not grant it') })
        const { requests, outputs, comments } = run(
            reconcileScript,
            reconcileInputs(false),
            [],
            ACCESS_PROFILES,
            {},
            create.notes
        )
        expect(requests).toEqual([])
        expect(outputs.outcome).toBe('refused')
        expect(comments[0]?.text).toContain('Your access was not granted')
    })

    it('reconciles a 4xx that is not Kpow speaking (a proxy page, or 408)', () => {
        for (const answer of [
            { status: 404, body: '<html>Not Found</html>' },
            { status: 408, body: kpowError('timeout', 'Request Timeout') },
        ]) {
            const create = failedCreate(answer)
            const { requests, outputs } = run(
                reconcileScript,
                reconcileInputs(false),
                [listOf()],
                ACCESS_PROFILES,
                {},
                create.notes
            )
            expect(requests).toHaveLength(1)
            expect(outputs.outcome).toBe('none_found')
        }
    })

    it('does not call Kpow when the create stopped before sending', () => {
        const { notes } = run(createScript, { ...validInputs, topic_name: 'tx_*' }, { status: 200, body: created('x') })
        const reconciled = run(
            reconcileScript,
            reconcileInputs(true),
            [],
            ACCESS_PROFILES,
            {},
            notes.map((entry) => entry.text)
        )
        expect(reconciled.requests).toEqual([])
        expect(reconciled.outputs.outcome).toBe('nothing_sent')
    })

    it('when Kpow does not answer: notes it for a retry first, then tells requester and administrator access may exist, until when', () => {
        const create = failedCreate(timedOut)
        const first = run(reconcileScript, reconcileInputs(false), [timedOut], ACCESS_PROFILES, {}, create.notes)
        expect(first.outputs.outcome).toBe('unresolved')
        expect(first.comments).toEqual([])
        expect(first.notes[0]?.text).toContain('first attempt; the flow tries once more')

        const last = run(reconcileScript, reconcileInputs(true), [{ status: 503, body: 'busy' }], ACCESS_PROFILES, {}, [
            ...create.notes,
            ...first.notes.map((entry) => entry.text),
        ])
        // Not found yet, so counted from now: the policy lasts its duration (1 h) from its creation at the latest now.
        const until = '2026-02-27 05:21:21 UTC'
        expect(last.outputs).toMatchObject({ outcome: 'unresolved', may_exist_until: until })
        expect(last.notes[0]?.text).toContain('Kpow answered HTTP 503: busy (last attempt)')
        expect(last.notes[0]?.text).toContain(`ends on its own by ${until} at the latest`)
        expect(last.notes[0]?.text).toContain('Administrator: in Kpow, Settings > Temporary policies')
        expect(last.comments[0]?.text).toContain(`may have created it anyway: if so, it ends by ${until} at the latest`)
    })

    it('names the policy and its exact expiry when it was found but the delete failed', () => {
        const create = failedCreate(timedOut)
        const ours = kpowPolicy('2cc3f8b1-8e1b-42e1-a99f-132e3c580e3f', create.sent)
        const { outputs, notes } = run(
            reconcileScript,
            reconcileInputs(true),
            [listOf(ours), timedOut],
            ACCESS_PROFILES,
            {},
            create.notes
        )
        expect(outputs).toMatchObject({ outcome: 'unresolved', may_exist_until: '2026-02-27 05:21:23 UTC' })
        expect(notes[0]?.text).toContain(`delete policy ${ours.id}`)
    })

    it("deletes none of several matching policies (one may be another request's grant), and says so", () => {
        const create = failedCreate(timedOut)
        const { requests, outputs, notes } = run(
            reconcileScript,
            reconcileInputs(false),
            [
                listOf(
                    kpowPolicy('2cc3f8b1-8e1b-42e1-a99f-132e3c580e3f', create.sent),
                    kpowPolicy('3dd3f8b1-8e1b-42e1-a99f-132e3c580e3f', create.sent, { created_ts: NOW_MS + 4000 })
                ),
            ],
            ACCESS_PROFILES,
            {},
            create.notes
        )
        expect(requests).toHaveLength(1)
        expect(outputs).toMatchObject({ outcome: 'ambiguous', may_exist_until: '2026-02-27 05:21:25 UTC' })
        expect(notes[0]?.text).toContain('none was deleted')
    })
})

describe('KpowClient.glideDuration: what a wait timeout output holds', () => {
    const context: Record<string, unknown> = {
        Class: { create: () => function () {} },
    }
    runInNewContext(`${KPOW_CLIENT_SCRIPT}\nvar kpow = KpowClient.prototype`, context)
    const kpow = context.kpow as { glideDuration(milliseconds: number): string }

    it('writes the date-time that long after the epoch, rounded up to the second, at least one', () => {
        expect(kpow.glideDuration(10 * 60_000)).toBe('1970-01-01 00:10:00')
        expect(kpow.glideDuration(1500)).toBe('1970-01-01 00:00:02')
        expect(kpow.glideDuration(-5000)).toBe('1970-01-01 00:00:01')
    })

    it('rolls whole days into the date, hours staying below 24, as a glide_duration value does', () => {
        expect(kpow.glideDuration(25 * 3_600_000)).toBe('1970-01-02 01:00:00')
        expect(kpow.glideDuration((2 * 24 * 60 + 3 * 60 + 30) * 60_000)).toBe('1970-01-03 03:30:00')
    })
})
