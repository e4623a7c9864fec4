import { parseBasicAuthorization } from '../../../scripts/lib/common/index'
import type { AuthenticatedUser, Realm } from './realm'

/** A Basic `Authorization` header checked against a realm; its bytes read as ISO-8859-1, as Jetty's BasicAuthenticator does. */
export function authenticateBasic(realm: Realm, headerValue: string | undefined): AuthenticatedUser | null {
    const credentials = parseBasicAuthorization(headerValue, 'latin1')
    return credentials === null ? null : realm.authenticate(credentials.user, credentials.password)
}
