// Who calls the REST API and what they may do, as the platform answers it: HTTP Basic for every
// user of the instance (the fixture's users with their password, `admin` with its own), 401 for
// missing or wrong credentials, 403 for a missing role; errors as the platform's JSON
// `{"error":{"message","detail"},"status":"failure"}`. One writer for every REST error.
import type { NextFunction, Request, Response } from 'express'
import type { InstanceAccounts } from '../instance'
import { parseBasicAuthorization, tokensMatch } from '../../../scripts/lib/common/index'

/** The REST caller, once authenticated. */
export interface ApiUser {
    userName: string
    sysId: string
}

export class ApiError extends Error {
    constructor(
        readonly status: number,
        message: string,
        readonly detail = ''
    ) {
        super(message)
        this.name = 'ApiError'
    }
}

export function sendApiError(response: Response, error: ApiError): void {
    response
        .status(error.status)
        .set('cache-control', 'no-store')
        .json({ error: { message: error.message, detail: error.detail }, status: 'failure' })
}

/** Passwords: the administrator's, and the one every fixture user shares (a local test double). */
export interface Passwords {
    users: string
    admin: string
}

/** C0 control characters and DEL, which RFC 7617 forbids in a user-id or password. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/

/**
 * Whether the user name and password are one of the instance's users'. A name or password holding
 * a control character (`admin:admin\0x`) is refused whatever follows it: no password has one, and a
 * comparison that stopped at it would take the pair for `admin:admin`.
 */
export function credentialsValid(
    instance: InstanceAccounts,
    passwords: Passwords,
    userName: string,
    password: string
): boolean {
    if (CONTROL_CHARACTER.test(userName) || CONTROL_CHARACTER.test(password)) return false
    const user = instance.users.users.find((candidate) => candidate.user_name === userName)
    if (!user) return false
    return tokensMatch(userName === 'admin' ? passwords.admin : passwords.users, password)
}

/** Express middleware: the caller's Basic credentials, or a 401 as the platform gives it. */
export function basicAuthentication(instance: InstanceAccounts, passwords: Passwords) {
    return (request: Request, response: Response, next: NextFunction): void => {
        // The platform reads the pair as UTF-8.
        const credentials = parseBasicAuthorization(request.headers.authorization, 'utf8')
        if (!credentials || !credentialsValid(instance, passwords, credentials.user, credentials.password)) {
            response.set('www-authenticate', 'Basic realm="Service-now"')
            sendApiError(
                response,
                new ApiError(
                    401,
                    'User Not Authenticated',
                    credentials
                        ? 'Required to provide Auth information: the user name or password is wrong'
                        : 'Required to provide Auth information: send HTTP Basic credentials'
                )
            )
            return
        }
        const user: ApiUser = { userName: credentials.user, sysId: instance.userSysId(credentials.user) }
        response.locals.apiUser = user
        next()
    }
}

export function apiUserOf(response: Response): ApiUser {
    return response.locals.apiUser as ApiUser
}

/** A 403 unless the caller has one of the roles (`admin` has every role). */
export function requireRole(instance: InstanceAccounts, user: ApiUser, roles: readonly string[], what: string): void {
    if (roles.some((role) => instance.hasRole(user.userName, role))) return
    throw new ApiError(
        403,
        'Insufficient rights',
        `User "${user.userName}" may not ${what}: it needs the role ${roles.join(' or ')}`
    )
}
