/**
 * The few calls the deploy tool makes to Kpow's API (HTTP Basic, as the flow's actions do): list
 * temporary policies (deploy's reachability check, smoke's checks) and delete one (smoke's
 * clean-up when the flow did not revoke).
 */
import { readAnswer, temporaryPoliciesAnswer } from './answer-schemas.ts'
import { DeployError } from './errors.ts'
import {
    DEFAULT_REQUEST_TIMEOUT_MS,
    LARGE_ANSWER_LIMIT,
    describeNonJson,
    parseJson,
    send,
    shortBodyText,
} from './http.ts'
import { boundedServerText } from './redaction.ts'
import { basicAuthorization } from '../lib/common/index.ts'
import type { Endpoint, HttpResponse } from './http.ts'

export interface KpowCredentials {
    /** Kpow's API base, e.g. https://kpow.example.com:4000 */
    apiUrl: string
    user: string
    password: string
}

export interface TemporaryPolicy {
    id: string
    durationMs: number
    /** The policy as Kpow holds it (role, actions, effect, resource). */
    policy: Record<string, unknown>
}

const COLLECTION = '/admin/v1/temporary-policies'

export class KpowClient {
    readonly apiUrl: string
    private readonly endpoint: Endpoint

    constructor(
        readonly credentials: KpowCredentials,
        private readonly timeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS
    ) {
        this.apiUrl = credentials.apiUrl.replace(/\/+$/, '')
        this.endpoint = {
            description: "Kpow's API",
            unreachableFix:
                "check KPOW_API_URL (or --kpow-url): Kpow's API port (API_PORT, often 4000), reachable from this machine; the instance may reach Kpow another way (a MID Server) than this machine does",
            malformedFix:
                "check that KPOW_API_URL (or --kpow-url) is Kpow's API itself (API_PORT, often 4000), not a proxy, its UI or another server, then run again",
        }
    }

    private async call(method: 'GET' | 'DELETE', path: string): Promise<HttpResponse> {
        const response = await send(
            {
                method,
                url: new URL(this.apiUrl + path),
                headers: {
                    Authorization: basicAuthorization(this.credentials.user, this.credentials.password),
                    Accept: 'application/json',
                },
                // Every active temporary policy comes in one list.
                maxBytes: LARGE_ANSWER_LIMIT,
            },
            this.endpoint,
            this.timeoutMs
        )
        if (response.status === 401) {
            throw new DeployError(
                `Kpow's API at ${this.apiUrl} refused the credentials of "${this.credentials.user}" (401 on ${method} ${path})`,
                "check KPOW_API_USER and KPOW_API_PASSWORD (or --kpow-user/--kpow-password): a user of Kpow's API realm (JAAS)"
            )
        }
        if (response.status === 403) {
            throw new DeployError(
                `Kpow user "${this.credentials.user}" may not manage temporary policies (403 on ${method} ${path})`,
                "give the Kpow API user an admin role in Kpow's RBAC configuration (and TOPIC_DATA_QUERY itself: Kpow refuses to grant what the caller lacks)"
            )
        }
        const foreign = describeNonJson(response)
        if (foreign) {
            throw new DeployError(
                `${this.apiUrl} answered with ${foreign} (HTTP ${String(response.status)} to ${method} ${path}), not Kpow's API`,
                "check KPOW_API_URL (or --kpow-url): Kpow's API port (API_PORT, often 4000), not its UI (PORT, often 3000) or another server"
            )
        }
        return response
    }

    private unexpected(response: HttpResponse, call: string): DeployError {
        // Kpow's error body is {"message": …} (or {"error": …}); its text is the server's: bounded.
        const body = parseJson(response.text) as { message?: unknown; error?: unknown } | undefined
        const message = [body?.message, body?.error].find((text) => typeof text === 'string')
        return new DeployError(
            `Kpow's API answered ${response.status} to ${call}: ${message === undefined ? shortBodyText(response) : boundedServerText(message as string)}`,
            "check that KPOW_API_URL is Kpow's API (not its UI port) and that this Kpow version has the temporary-policies API"
        )
    }

    /** GET /admin/v1/temporary-policies: the active temporary policies. */
    async listTemporaryPolicies(): Promise<TemporaryPolicy[]> {
        const response = await this.call('GET', COLLECTION)
        if (response.status !== 200) throw this.unexpected(response, `GET ${COLLECTION}`)
        const answer = readAnswer(response.text, temporaryPoliciesAnswer)
        if (answer.problem !== undefined) {
            throw new DeployError(
                `Kpow's API answered GET ${COLLECTION} with ${answer.problem}, not its list of temporary policies ({"temporary_policies": [...]})`,
                this.endpoint.malformedFix
            )
        }
        return answer.body.temporary_policies.map((entry) => ({
            id: boundedServerText(entry.id, 100),
            durationMs: Number(entry.duration_ms ?? 0),
            policy: entry.policy ?? {},
        }))
    }

    /** DELETE /admin/v1/temporary-policies/<id>: true when deleted, false when it was already gone (404). */
    async deleteTemporaryPolicy(id: string): Promise<boolean> {
        const path = `${COLLECTION}/${encodeURIComponent(id)}`
        const response = await this.call('DELETE', path)
        if (response.status === 404) return false
        if (response.status !== 204 && response.status !== 200) throw this.unexpected(response, `DELETE ${path}`)
        return true
    }
}
