// `npm run deploy` and `npm run status` against a nock-made instance and Kpow (no socket): every
// REST call the deploy makes, its headers and bodies, the idempotent re-run, a changed set, and
// each failure path with the fix it names. Secrets never reach the output.
import nock from 'nock'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { HAND_BUILT_SET_FILE } from '../lib/update-set/testing/index.ts'
import { readAppUpdateSet, readAppUpdateSetText } from './app-update-set.ts'
import { DEFAULT_UPDATE_SET, main } from './cli.ts'
import { fingerprintLine } from './deploy.ts'
import { ADMIN, FakeInstance, INSTANCE_URL, KPOW_URL, KPOW_USER } from './testing/fake-servers.ts'
import type { FakeInstanceOptions } from './testing/fake-servers.ts'
import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const updateSet = readAppUpdateSet(DEFAULT_UPDATE_SET)
const ENVIRONMENT = {
    SN_INSTANCE_URL: INSTANCE_URL,
    SN_USER: ADMIN.user,
    SN_PASSWORD: ADMIN.password,
    KPOW_API_URL: KPOW_URL,
    KPOW_API_USER: KPOW_USER.user,
    KPOW_API_PASSWORD: KPOW_USER.password,
}
const FAST = { pollIntervalMs: 0, sleep: async () => {}, waitTimeoutMs: 60_000 }

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())
afterAll(() => nock.enableNetConnect())

async function run(argv: string[], environment: Record<string, string> = ENVIRONMENT) {
    const lines: string[] = []
    const code = await main(argv, { write: (line) => lines.push(line), environment, timing: FAST })
    return { code, output: lines.join('\n') }
}

function fake(options: FakeInstanceOptions = {}, set = updateSet) {
    return new FakeInstance(set, options).install()
}

function expectNoSecret(output: string) {
    for (const secret of [ADMIN.password, KPOW_USER.password]) expect(output).not.toContain(secret)
}

describe('deploy to a fresh instance', () => {
    it('uploads, previews, commits, connects, activates actions before the flow, and verifies', async () => {
        const instance = fake()
        const { code, output } = await run(['deploy'])
        expect(output).toMatch(/deploy complete/)
        expect(code).toBe(0)
        for (const step of ['connect', 'upload', 'preview', 'commit', 'connection', 'activate', 'verify']) {
            expect(output).toMatch(new RegExp(`^\\[ok\\] ${step}: .*\\(\\d+(\\.\\d)? m?s\\)$`, 'm'))
        }
        expectNoSecret(output)

        // Every /api call carries the admin's Basic auth; the password is in no URL.
        for (const request of instance.requests.filter((entry) => entry.path.startsWith('/api/'))) {
            expect(request.user).toBe(ADMIN.user)
            expect(request.path + request.query.toString()).not.toContain(ADMIN.password)
        }
        // UI session: the login form, then get_user with the session cookie; the upload with cookie + X-UserToken + sysparm_ck.
        const [login, getUser] = instance.calls('POST', '/angular.do')
        expect(login?.query.get('sysparm_type')).toBe('view_form.login')
        const form = new URLSearchParams(String(login?.body))
        expect(Object.fromEntries(form)).toEqual({
            sysparm_type: 'login',
            user_name: ADMIN.user,
            user_password: ADMIN.password,
            'ni.nolog.user_password': 'true',
        })
        expect(getUser?.query.get('sysparm_type')).toBe('get_user')
        expect(getUser?.headers.cookie).toContain('JSESSIONID=session-1')
        const [upload] = instance.calls('POST', '/sys_upload.do')
        expect(upload?.headers['x-usertoken']).toBe('token-123')
        expect(upload?.headers.cookie).toContain('glide_user_route=route-1')
        expect(upload?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
        const multipart = String(upload?.body)
        expect(multipart).toMatch(/name="sysparm_ck"\r\n\r\ntoken-123\r\n/)
        expect(multipart).toMatch(/name="sysparm_target"\r\n\r\nsys_remote_update_set\r\n/)
        expect(multipart).toMatch(/name="attachFile"; filename="kpow-jit-access.xml"/)
        expect(multipart).toContain(updateSet.xml)

        // CI/CD: preview then commit of the set's own sys_id, force_commit false, progress followed.
        expect(instance.calls('POST', '/api/sn_cicd/update_set/preview/').map((entry) => entry.path)).toEqual([
            `/api/sn_cicd/update_set/preview/${updateSet.sysId}`,
        ])
        const [commit] = instance.calls('POST', '/api/sn_cicd/update_set/commit/')
        expect(commit?.path).toBe(`/api/sn_cicd/update_set/commit/${updateSet.sysId}`)
        expect(commit?.body).toEqual({ force_commit: 'false' })
        expect(instance.calls('GET', '/api/sn_cicd/progress/').length).toBeGreaterThanOrEqual(2)
        expect(output).toMatch(/… commit: 50% Running/)
        const [problems] = instance.calls('GET', '/api/now/table/sys_update_preview_problem')
        expect(problems?.query.get('sysparm_query')).toBe(`remote_update_set=${updateSet.sysId}`)
        // The fingerprint is left on the committed set.
        expect(instance.table('sys_remote_update_set').get(updateSet.sysId)?.description).toContain(
            fingerprintLine(updateSet.sha256)
        )

        // The credential and the connection of the alias.
        const [credential] = instance.calls('POST', '/api/now/table/basic_auth_credentials')
        expect(credential?.body).toEqual({
            name: 'Kpow API credential',
            user_name: KPOW_USER.user,
            password: KPOW_USER.password,
            active: 'true',
        })
        const credentialId = [...instance.table('basic_auth_credentials').values()][0]?.sys_id
        const [connection] = instance.calls('POST', '/api/now/table/http_connection')
        expect(connection?.body).toEqual({
            name: 'Kpow API',
            connection_alias: updateSet.alias?.sysId,
            credential: credentialId,
            connection_url: KPOW_URL,
            active: 'true',
        })

        // Activation: the actions in a call of their own, before the flow.
        const activations = instance.calls('POST', '/api/now/wfa_fluent/activate_flows')
        expect(activations).toHaveLength(2)
        expect(activations.map((entry) => entry.query.get('sysparm_transaction_scope'))).toEqual([
            updateSet.app.sysId,
            updateSet.app.sysId,
        ])
        expect(activations[0]?.body).toEqual({
            flows: [],
            actions: updateSet.actions.map((action) => ({ sys_id: action.sysId, active: '', state: '' })),
        })
        expect(activations[1]?.body).toEqual({
            flows: updateSet.flows.map((flow) => ({ sys_id: flow.sysId, active: '', state: '' })),
            actions: [],
        })
        // The lifecycle and the extension flows, and the subflows both call (Kpow - Decide Access, Kpow - End Access).
        expect([...instance.table('sys_hub_flow').values()].map((flow) => [flow.active, flow.status])).toEqual([
            ['true', 'published'],
            ['true', 'published'],
            ['true', 'published'],
            ['true', 'published'],
        ])

        // Verify read the flow's fields and checked Kpow with its own credentials.
        const flowReads = instance.calls('GET', `/api/now/table/sys_hub_flow/${updateSet.flows[0]?.sysId}`)
        expect(flowReads.at(-1)?.query.get('sysparm_fields')).toBe('sys_id,name,active,status,master_snapshot')
        // Kpow checked before any change (connect) and again at the end (verify).
        expect(instance.kpowRequests.map((entry) => `${entry.method} ${entry.path} ${entry.user}`)).toEqual([
            `GET /admin/v1/temporary-policies ${KPOW_USER.user}`,
            `GET /admin/v1/temporary-policies ${KPOW_USER.user}`,
        ])
    })

    it('run again with the same set: nothing to change, no upload, commit or activation', async () => {
        const instance = fake()
        await run(['deploy'])
        const before = instance.requests.length
        const { code, output } = await run(['deploy'])
        expect(code).toBe(0)
        expect(output).toMatch(/^\[unchanged\] upload: nothing to change/m)
        expect(output).toMatch(/^\[unchanged\] connection:/m)
        expect(output).toMatch(/^\[unchanged\] activate:/m)
        expect(output).toMatch(/nothing to change: the instance already runs this update set/)
        expect(output).not.toMatch(/\] (preview|commit):/)
        const rerun = instance.requests.slice(before)
        const writes = rerun.filter((entry) => entry.method !== 'GET').map((entry) => `${entry.method} ${entry.path}`)
        // Only the credential's password is set again (the instance never shows it to compare).
        expect(writes).toEqual([
            `PATCH /api/now/table/basic_auth_credentials/${[...instance.table('basic_auth_credentials').keys()][0]}`,
        ])
    })

    it("sets Kpow's UI address (x_kpow_jit.kpow_ui_url) from KPOW_UI_URL or --kpow-ui-url, and leaves it alike on a re-run", async () => {
        const instance = fake()
        const first = await run(['deploy'], { ...ENVIRONMENT, KPOW_UI_URL: 'https://kpow-ui.example.test/' })
        expect(first.code).toBe(0)
        expect(first.output).toMatch(/^\[ok\] connection: .*; Kpow UI https:\/\/kpow-ui\.example\.test \(/m)
        expect(instance.table('sys_properties').get('property-kpow-ui-url')?.value).toBe('https://kpow-ui.example.test')
        const before = instance.requests.length
        const again = await run(['deploy', '--kpow-ui-url', 'https://kpow-ui.example.test'])
        expect(again.output).toMatch(/^\[unchanged\] connection: .*\(as it was\)/m)
        const writes = instance.requests.slice(before).filter((entry) => entry.path.includes('sys_properties'))
        expect(writes.map((entry) => entry.method)).toEqual(['GET'])
        // Without it the property is left as it is.
        await run(['deploy'])
        expect(instance.table('sys_properties').get('property-kpow-ui-url')?.value).toBe('https://kpow-ui.example.test')
    })

    it('a changed set: deletes the old retrieved set, uploads, commits in place and activates again', async () => {
        const instance = fake()
        await run(['deploy'])
        const changedXml = updateSet.xml.replace('Kpow connection alias', 'Kpow connection alias (changed)')
        const folder = mkdtempSync(join(tmpdir(), 'deploy-test-'))
        const changedFile = join(folder, 'kpow-jit-access.xml')
        writeFileSync(changedFile, changedXml)
        const changed = readAppUpdateSetText(changedXml, changedFile)
        const before = instance.requests.length
        const { code, output } = await run(['deploy', '--update-set', changedFile])
        expect(code).toBe(0)
        expect(output).toMatch(/committed from a different file: deleting it/)
        const rerun = instance.requests.slice(before).map((entry) => `${entry.method} ${entry.path}`)
        const deleted = rerun.indexOf(`DELETE /api/now/table/sys_remote_update_set/${updateSet.sysId}`)
        expect(deleted).toBeGreaterThan(-1)
        expect(rerun.indexOf('POST /sys_upload.do')).toBeGreaterThan(deleted)
        expect(rerun).toContain(`POST /api/sn_cicd/update_set/commit/${updateSet.sysId}`)
        expect(instance.table('sys_remote_update_set').get(updateSet.sysId)?.description).toContain(
            fingerprintLine(changed.sha256)
        )
        // The commit brought the flow back as a draft: activated again.
        expect(output).toMatch(/^\[ok\] activate:/m)
        // The connection stays as it was: one credential, one connection.
        expect(instance.table('http_connection').size).toBe(1)
        expect(instance.table('basic_auth_credentials').size).toBe(1)
    })

    it("a global set without app, alias or fingerprint of ours (the guide's, built by hand): scope global, connection skipped", async () => {
        const guide = readAppUpdateSet(HAND_BUILT_SET_FILE)
        expect(guide.alias).toBeUndefined()
        const instance = fake({}, guide)
        const { code, output } = await run(['deploy', '--update-set', HAND_BUILT_SET_FILE])
        expect(code).toBe(0)
        expect(output).toMatch(/^\[skipped\] connection: the set defines no connection alias/m)
        expect(instance.calls('POST', '/api/now/table/http_connection')).toHaveLength(0)
        const activations = instance.calls('POST', '/api/now/wfa_fluent/activate_flows')
        expect(activations.map((entry) => entry.query.get('sysparm_transaction_scope'))).toEqual(['global', 'global'])
        const status = await run(['status', '--update-set', HAND_BUILT_SET_FILE])
        expect(status.output).toMatch(/connection: the set defines no alias/)
        expect(status.output).toMatch(/ready: orders run the flow/)
    })

    it('--dry-run prints the plan and makes no call', async () => {
        const { code, output } = await run(['deploy', '--dry-run'])
        expect(code).toBe(0)
        expect(output).toMatch(/dry run: no call is made/)
        expect(output).toContain(`target: ${INSTANCE_URL} as ${ADMIN.user}`)
        expect(output).toContain(updateSet.sha256)
        expect(output).toMatch(
            /6\. activate: publish .*"Kpow - Create Temporary Policy".*then activate .*"Kpow Access Lifecycle"/
        )
        expectNoSecret(output)
        // nock.disableNetConnect() and no interceptor: any request would have failed the run.
    })
})

describe('deploy failure paths name the fix', () => {
    it('unreachable instance', async () => {
        // No interceptor: nock refuses the connection as a network would.
        const { code, output } = await run(['deploy'])
        expect(code).toBe(1)
        expect(output).toMatch(
            /\[FAILED\] connect: cannot reach the ServiceNow instance at https:\/\/dev-test\.service-now\.com/
        )
        expect(output).toMatch(/fix: check SN_INSTANCE_URL \(or --instance\).*PDI hibernates/)
    })

    it('401: wrong password', async () => {
        fake()
        const { code, output } = await run(['deploy'], { ...ENVIRONMENT, SN_PASSWORD: 'Wrong-Pa55word' })
        expect(code).toBe(1)
        expect(output).toMatch(
            /refused the credentials of user "admin\.deployer" \(401 on GET \/api\/now\/table\/sys_user\)/
        )
        expect(output).toMatch(/fix: check SN_USER and SN_PASSWORD/)
        expect(output).not.toContain('Wrong-Pa55word')
    })

    it('the SDK variables are read too', async () => {
        fake()
        const { code } = await run(['deploy'], {
            SN_SDK_INSTANCE_URL: INSTANCE_URL,
            SN_SDK_USER: ADMIN.user,
            SN_SDK_USER_PWD: ADMIN.password,
            KPOW_API_URL: KPOW_URL,
            KPOW_API_USER: KPOW_USER.user,
            KPOW_API_PASSWORD: KPOW_USER.password,
        })
        expect(code).toBe(0)
    })

    it('missing settings name the variable and the flag', async () => {
        const { code, output } = await run(['deploy'], { SN_INSTANCE_URL: INSTANCE_URL, SN_USER: ADMIN.user })
        expect(code).toBe(1)
        expect(output).toMatch(/error: the ServiceNow user's password is not set/)
        expect(output).toMatch(/fix: set SN_PASSWORD \(or SN_SDK_USER_PWD\) or pass --password/)
    })

    it('403: the user lacks admin / sn_cicd.sys_ci_automation', async () => {
        fake({ cicdForbidden: true })
        const { code, output } = await run(['deploy'])
        expect(code).toBe(1)
        expect(output).toMatch(
            /\[FAILED\] preview: user "admin\.deployer" may not use the CI\/CD API \(403 on POST \/api\/sn_cicd\/update_set\/preview\/.*User Not Authorized/
        )
        expect(output).toMatch(/fix: give "admin\.deployer" the role admin or sn_cicd\.sys_ci_automation/)
    })

    it('preview errors: each listed with its record and description; nothing committed', async () => {
        const createAction = updateSet.actions[0]
        const updateXmlId = [...updateSet.updateNames.keys()].find((id) =>
            updateSet.updateNames.get(id)?.includes(createAction?.name ?? '?')
        )
        const instance = fake({
            previewProblems: [
                {
                    type: 'error',
                    status: '',
                    description: 'Could not find a record in sys_hub_step_ext for column step_type',
                    missing_item_table: 'sys_hub_step_ext',
                    remote_update: updateXmlId ?? '',
                },
                {
                    type: 'warning',
                    status: '',
                    description: 'Found a local update that is newer than this one',
                    missing_item_table: '',
                    remote_update: 'unknown-id',
                },
            ],
        })
        const { code, output } = await run(['deploy'])
        expect(code).toBe(1)
        expect(output).toContain(
            `error: Action Type "${createAction?.name}" [missing sys_hub_step_ext]: Could not find a record in sys_hub_step_ext for column step_type`
        )
        expect(output).toContain('warning: unknown-id: Found a local update that is newer than this one')
        expect(output).toMatch(/\[FAILED\] preview: the preview found 1 error \(listed above\); nothing was committed/)
        expect(output).toMatch(/--accept-problems accepts each \(Accept remote update\) and commits/)
        expect(instance.calls('POST', '/api/sn_cicd/update_set/commit/')).toHaveLength(0)
        expect(instance.calls('PATCH', '/api/now/table/sys_update_preview_problem')).toHaveLength(0)
    })

    it('--accept-problems marks each unresolved problem "ignored" (Accept remote update), then commits unforced', async () => {
        const instance = fake({
            previewProblems: [
                {
                    type: 'error',
                    status: '',
                    description: 'Missing record',
                    missing_item_table: 'x',
                    remote_update: '',
                },
                { type: 'warning', status: '', description: 'Newer local', missing_item_table: '', remote_update: '' },
                // Resolved by an admin already: left as it is.
                { type: 'error', status: 'skipped', description: 'Skipped', missing_item_table: '', remote_update: '' },
            ],
        })
        const { code, output } = await run(['deploy', '--accept-problems'])
        expect(output).toMatch(/\[ok\] preview: 3 problems, 1 error\(s\) accepted/)
        expect(output).toMatch(
            /accepted 2 problem\(s\) as the platform's "Accept remote update" does \(status ignored\)/
        )
        expect(code).toBe(0)
        const marks = instance.calls('PATCH', '/api/now/table/sys_update_preview_problem/')
        expect(marks.map((call) => call.body)).toEqual([{ status: 'ignored' }, { status: 'ignored' }])
        const problems = [...instance.table('sys_update_preview_problem').values()]
        expect(problems.map((problem) => problem.status).sort()).toEqual(['ignored', 'ignored', 'skipped'])
        // Marked before the commit, and the commit is not forced (force_commit means "without preview").
        const commit = instance.requests.findIndex((call) => call.path.startsWith('/api/sn_cicd/update_set/commit/'))
        expect(commit).toBeGreaterThan(instance.requests.lastIndexOf(marks.at(-1)!))
        expect(instance.requests[commit]?.body).toEqual({ force_commit: 'false' })
    })

    it('--accept-problems where the instance keeps a problem unresolved: stops before the commit', async () => {
        const instance = fake({
            previewProblems: [
                { type: 'error', status: '', description: 'Missing', missing_item_table: '', remote_update: '' },
            ],
            readOnlyTables: ['sys_update_preview_problem'],
        })
        const { code, output } = await run(['deploy', '--accept-problems'])
        expect(code).toBe(1)
        expect(output).toMatch(
            /\[FAILED\] preview: user "admin\.deployer" may not update sys_update_preview_problem records/
        )
        expect(instance.calls('POST', '/api/sn_cicd/update_set/commit/')).toHaveLength(0)
    })

    it('preview warnings alone: committed without --accept-problems, nothing marked', async () => {
        const instance = fake({
            previewProblems: [
                { type: 'warning', status: '', description: 'Newer local', missing_item_table: '', remote_update: '' },
            ],
        })
        const { code } = await run(['deploy'])
        expect(code).toBe(0)
        expect(instance.calls('PATCH', '/api/now/table/sys_update_preview_problem')).toHaveLength(0)
    })

    it('commit failure (progress status 3)', async () => {
        const instance = fake({ commitFails: 'Could not commit: sys_hub_flow insert refused' })
        const { code, output } = await run(['deploy'])
        expect(code).toBe(1)
        expect(output).toMatch(
            /\[FAILED\] commit: the commit of "Kpow Just-in-Time Topic Access 1\.0\.0" failed: Could not commit: sys_hub_flow insert refused/
        )
        expect(output).toMatch(/fix: open the set on the instance/)
        expect(instance.calls('POST', '/api/now/table/http_connection')).toHaveLength(0)
    })

    it('a UI login without a session token (SSO-only or MFA account): names the manual import', async () => {
        const instance = fake({ uiLoginRefused: true })
        const { code, output } = await run(['deploy'])
        expect(code).toBe(1)
        expect(output).toMatch(/\[FAILED\] upload: the UI login of user "admin\.deployer" gave no session token/)
        expect(output).toMatch(
            /fix: check SN_USER and SN_PASSWORD; the upload needs a UI login.*Import Update Set from XML/
        )
        expect(instance.calls('POST', '/sys_upload.do')).toHaveLength(0)
    })

    it('an upload the instance accepts without a retrieved set appearing', async () => {
        const instance = fake({ uploadIgnored: true })
        const { code, output } = await run(['deploy'])
        expect(code).toBe(1)
        expect(output).toMatch(
            /\[FAILED\] upload: the upload was accepted but the instance holds no sys_remote_update_set [0-9a-f]{32} afterwards/
        )
        expect(output).toMatch(
            /fix: import the file by hand .*elevate to the security_admin role, then .*Import Update Set from XML/
        )
        expect(instance.calls('POST', '/api/sn_cicd/')).toEqual([])
    })

    it('a commit whose read-back finds no set: the commit stands, no fingerprint, said so', async () => {
        const instance = fake()
        let committed = false
        instance.options.tamper = (request) => {
            if (request.path.startsWith('/api/sn_cicd/update_set/commit/')) committed = true
            return committed &&
                request.method === 'GET' &&
                request.path.startsWith('/api/now/table/sys_remote_update_set/')
                ? [404, { error: { message: 'No Record found', detail: '' }, status: 'failure' }]
                : undefined
        }
        const { code, output } = await run(['deploy'])
        expect(output).toMatch(/holds no sys_remote_update_set [0-9a-f]{32} after the commit: no fingerprint recorded/)
        expect(output).toMatch(/\[ok\] commit: committed; the retrieved set is gone, fingerprint not recorded/)
        expect(instance.calls('PATCH', '/api/now/table/sys_remote_update_set/')).toEqual([])
        expect(code).toBe(0)
    })

    it('the CI/CD plugin missing: names com.glide.continuousdelivery', async () => {
        fake({ cicdMissing: true })
        const { code, output } = await run(['deploy'])
        expect(code).toBe(1)
        expect(output).toMatch(
            /\[FAILED\] preview: POST \/api\/sn_cicd\/update_set\/preview\/[0-9a-f]+: the instance has no CI\/CD API/
        )
        expect(output).toMatch(/fix: activate the plugin .*com\.glide\.continuousdelivery/)
    })

    it('a commit that does not end in time: the progress id to watch and --timeout', async () => {
        fake({ commitHangs: true })
        let clock = 0
        const lines: string[] = []
        const code = await main(['deploy'], {
            write: (line) => lines.push(line),
            environment: ENVIRONMENT,
            // A virtual clock: each poll's pause moves it on, so the commit's ten seconds pass at once.
            timing: {
                pollIntervalMs: 1000,
                waitTimeoutMs: 10_000,
                now: () => clock,
                sleep: async (ms) => void (clock += ms),
            },
        })
        const output = lines.join('\n')
        expect(code).toBe(1)
        expect(output).toMatch(/… commit: 60% Running/)
        expect(output).toMatch(/\[FAILED\] commit: the commit did not end within 10\.0 s \(progress progress-\d+\)/)
        expect(output).toMatch(/--timeout gives it longer/)
    })

    it('activation endpoint missing: names the ServiceNow IDE app 4.1.1+ and the manual fallback', async () => {
        fake({ activation: 'missing' })
        const { code, output } = await run(['deploy'])
        expect(code).toBe(1)
        expect(output).toMatch(
            /\[FAILED\] activate: the instance has no flow activation endpoint .*400 "does not represent any resource"/
        )
        expect(output).toMatch(
            /fix: install the ServiceNow IDE app .*4\.1\.1 or later.*Flow Designer.*Publish.*Activate/
        )
    })

    it('activation refused (422): every failed item with its message', async () => {
        fake({ activation: 'refused' })
        const { code, output } = await run(['deploy'])
        expect(code).toBe(1)
        expect(output).toContain('Kpow - Create Temporary Policy: failed: Action has errors: step 1 is invalid')
        // Every action of the set refused, counted from the set so a new action changes nothing here.
        const actions = String(updateSet.actions.length)
        expect(output).toContain(`[FAILED] activate: the instance could not publish ${actions} of ${actions} actions`)
        // The hint names every flow of the set, read from the set (so a new flow is named too).
        const fix = output.split('\n').find((line) => line.includes('fix: activate by hand: Flow Designer')) ?? ''
        expect(updateSet.flows.length).toBeGreaterThan(0)
        for (const flow of updateSet.flows) expect(fix).toContain(`"${flow.name}"`)
    })

    it('Kpow unreachable from the tool: found before anything changes', async () => {
        const instance = fake()
        const { code, output } = await run(['deploy'], {
            ...ENVIRONMENT,
            KPOW_API_URL: 'https://kpow.unreachable.test:4000',
        })
        expect(code).toBe(1)
        expect(output).toMatch(/\[FAILED\] connect: cannot reach Kpow's API at https:\/\/kpow\.unreachable\.test:4000/)
        expect(instance.requests.filter((entry) => entry.method !== 'GET')).toEqual([])
        expect(output).toMatch(/fix: check KPOW_API_URL \(or --kpow-url\)/)
        expectNoSecret(output)
    })

    it('a Kpow certificate this machine does not trust: names NODE_EXTRA_CA_CERTS', async () => {
        fake()
        nock('https://kpow.private-ca.test:4000').get('/admin/v1/temporary-policies').replyWithError({
            code: 'SELF_SIGNED_CERT_IN_CHAIN',
            message: 'self-signed certificate in certificate chain',
        })
        const { code, output } = await run(['deploy'], {
            ...ENVIRONMENT,
            KPOW_API_URL: 'https://kpow.private-ca.test:4000',
        })
        expect(code).toBe(1)
        expect(output).toMatch(
            /\[FAILED\] connect: cannot reach Kpow's API at https:\/\/kpow\.private-ca\.test:4000 \(SELF_SIGNED_CERT_IN_CHAIN\)/
        )
        expect(output).toMatch(/fix: the server's TLS certificate is not trusted here: point NODE_EXTRA_CA_CERTS/)
    })

    it('a committed set the ACLs keep from being changed: the deploy goes on without its fingerprint', async () => {
        const instance = fake({ readOnlyTables: ['sys_remote_update_set'] })
        const { code, output } = await run(['deploy'])
        expect(code).toBe(0)
        expect(output).toMatch(
            /could not record the fingerprint: user "admin\.deployer" may not update sys_remote_update_set records \(403/
        )
        expect(output).toMatch(/\[ok\] commit: committed \(state committed\); fingerprint not recorded/)
        // Without the fingerprint, the next run commits the same set again rather than guessing.
        const again = await run(['deploy'])
        expect(again.output).toMatch(/committed without a deploy fingerprint/)
        expect(instance.calls('POST', '/api/sn_cicd/update_set/commit/')).toHaveLength(2)
    })

    it("Kpow refuses the tool's credentials (401)", async () => {
        fake()
        const { code, output } = await run(['deploy'], { ...ENVIRONMENT, KPOW_API_PASSWORD: 'Not-The-Kpow-Password' })
        expect(code).toBe(1)
        expect(output).toMatch(
            /\[FAILED\] connect: Kpow's API at https:\/\/kpow\.test:4000 refused the credentials of "kpow-api" \(401/
        )
        expect(output).toMatch(/fix: check KPOW_API_USER and KPOW_API_PASSWORD/)
        expect(output).not.toContain('Not-The-Kpow-Password')
    })

    describe('an instance URL that is not ServiceNow: one line saying what answered, never the body', () => {
        const PAGE_TEXT = 'If you see this page, the nginx web server is successfully installed'
        it.each([
            [
                'a web server',
                [
                    200,
                    `<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body>${PAGE_TEXT}</body></html>`,
                    { 'Content-Type': 'text/html' },
                ],
                /answered with an HTML page \("Welcome to nginx!"\) \(HTTP 200 to GET \/api\/now\/table\/sys_user\)/,
            ],
            [
                'a sign-in proxy',
                [302, `<html><body>${PAGE_TEXT}</body></html>`, { Location: 'https://sso.example.com/login' }],
                /answered with a redirect to https:\/\/sso\.example\.com\/login \(HTTP 302/,
            ],
            [
                'another API',
                [404, { message: PAGE_TEXT, code: 'NOT_FOUND' }, { 'Content-Type': 'application/json' }],
                /answered with JSON that is not ServiceNow's \(no "result" or "error"\) \(HTTP 404/,
            ],
            [
                'a proxy error in plain text',
                [502, `${PAGE_TEXT}\n`.repeat(20), { 'Content-Type': 'text/plain' }],
                /answered with a text\/plain body \(HTTP 502/,
            ],
        ] as const)('%s', async (_what, [status, body, headers], answered) => {
            nock(INSTANCE_URL)
                .persist()
                .get(() => true)
                .reply(status, body, headers)
            const { code, output } = await run(['deploy'])
            expect(code).toBe(1)
            expect(output).toMatch(answered)
            expect(output).toMatch(
                /^\[FAILED\] connect: https:\/\/dev-test\.service-now\.com answered with .*, not ServiceNow's REST API \(\d+ m?s\)$/m
            )
            expect(output).toMatch(/^ {4}fix: check SN_INSTANCE_URL \(or --instance\): the instance's own address/m)
            expect(output).not.toContain(PAGE_TEXT)
            expect(output.split('\n')).toHaveLength(3)
        })

        it("Kpow's UI port instead of its API: names KPOW_API_URL, not the page", async () => {
            fake()
            nock('https://kpow.test:3000')
                .get('/admin/v1/temporary-policies')
                .reply(200, '<html><head><title>Kpow</title></head><body>Sign in to Kpow</body></html>', {
                    'Content-Type': 'text/html;charset=utf-8',
                })
            const { code, output } = await run(['deploy'], { ...ENVIRONMENT, KPOW_API_URL: 'https://kpow.test:3000' })
            expect(code).toBe(1)
            expect(output).toMatch(
                /\[FAILED\] connect: https:\/\/kpow\.test:3000 answered with an HTML page \("Kpow"\) \(HTTP 200 to GET \/admin\/v1\/temporary-policies\), not Kpow's API/
            )
            expect(output).toMatch(/fix: check KPOW_API_URL \(or --kpow-url\): Kpow's API port/)
            expect(output).not.toContain('Sign in to Kpow')
        })
    })

    it('--skip-kpow-check leaves Kpow alone', async () => {
        const instance = fake()
        const { code, output } = await run(['deploy', '--skip-kpow-check'])
        expect(code).toBe(0)
        expect(output).toMatch(/Kpow check skipped/)
        expect(instance.kpowRequests).toHaveLength(0)
    })
})

describe('status', () => {
    it('before a deploy: set not on the instance, not ready', async () => {
        fake()
        const { code, output } = await run(['status'])
        expect(code).toBe(0)
        expect(output).toMatch(/update set "Kpow Just-in-Time Topic Access 1\.0\.0": not on the instance/)
        expect(output).toMatch(/flow "Kpow Access Lifecycle": not active \(missing\)/)
        expect(output).toMatch(/connection "Kpow API": none/)
        expect(output).toMatch(/not ready: run `npm run deploy`/)
    })

    it('after a deploy: committed, version, fingerprint of this file, flow active, connection URL', async () => {
        fake()
        await run(['deploy'])
        const { code, output } = await run(['status'])
        expect(code).toBe(0)
        expect(output).toContain(`committed, version 1.0.0, fingerprint ${updateSet.sha256.slice(0, 12)} (this file)`)
        expect(output).toMatch(/action "Kpow - Delete Temporary Policy": published/)
        expect(output).toMatch(/flow "Kpow Access Lifecycle": active/)
        expect(output).toContain(`connection "Kpow API": ${KPOW_URL} (active), Kpow user ${KPOW_USER.user}`)
        expect(output).toMatch(/ready: orders run the flow/)
        expectNoSecret(output)
    })
})
