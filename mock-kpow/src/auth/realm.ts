import { readFileSync } from 'node:fs'
import { cryptCredential, describeCredentialProblem, verifyJettyCredential } from './jetty-credential'
import { decodeLatin1, parseJavaProperties } from './java-properties'

export interface AuthenticatedUser {
    user: string
    roles: readonly string[]
}

export interface Realm {
    /** The user and roles when the password matches, otherwise null; timing does not reveal which users exist. */
    authenticate(user: string, password: string): AuthenticatedUser | null
    /** Roles of a known user, or an empty list for an unknown one. */
    rolesOf(user: string): readonly string[]
    users(): readonly string[]
}

interface RealmEntry {
    credential: string
    roles: readonly string[]
}

// Unknown users are checked against this so they cost the same crypt as the guide's users.
const DUMMY_CREDENTIAL = cryptCredential('no-such-user', 'xx')

// Java's String.trim: every character up to U+0020 counts as whitespace.
function javaTrim(text: string): string {
    let start = 0
    let end = text.length
    while (start < end && text.charCodeAt(start) <= 0x20) start++
    while (end > start && text.charCodeAt(end - 1) <= 0x20) end--
    return text.slice(start, end)
}

/**
 * Parses a Jetty realm.properties (PropertyUserStore): `user: credential[,role ...]`.
 * The credential is what precedes the first comma; roles are the trimmed rest, empty ones ignored.
 */
export function parseRealm(text: string, fileName: string): Realm {
    const entries = new Map<string, RealmEntry>()
    for (const [rawUser, rawValue] of parseJavaProperties(text, fileName)) {
        const user = javaTrim(rawUser)
        if (user.length === 0) continue
        const comma = rawValue.indexOf(',')
        const credential = javaTrim(comma >= 0 ? rawValue.slice(0, comma) : rawValue)
        const roles =
            comma >= 0
                ? rawValue
                      .slice(comma + 1)
                      .split(',')
                      .map(javaTrim)
                      .filter((role) => role.length > 0)
                : []
        if (credential.length === 0) {
            throw new Error(`${fileName}: user "${user}" has no credential; write "${user}: <password>[,role ...]"`)
        }
        const problem = describeCredentialProblem(credential)
        if (problem !== null) throw new Error(`${fileName}: user "${user}": ${problem}`)
        entries.set(user, { credential, roles })
    }
    return createRealm(entries)
}

function createRealm(entries: ReadonlyMap<string, RealmEntry>): Realm {
    return {
        authenticate(user, password) {
            const entry = entries.get(user)
            const matches = verifyJettyCredential(entry?.credential ?? DUMMY_CREDENTIAL, password)
            return entry !== undefined && matches ? { user, roles: entry.roles } : null
        },
        rolesOf(user) {
            return entries.get(user)?.roles ?? []
        },
        users() {
            return [...entries.keys()]
        },
    }
}

export function loadRealmFile(path: string): Realm {
    return parseRealm(decodeLatin1(readFileSync(path)), path)
}
