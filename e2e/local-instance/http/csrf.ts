// Forged-form protection: the shared session store's (scripts/lib/common) synchroniser token for
// signed-in forms and its signed nonce for the login form. This is the login nonce's cookie and the
// page a refused form gets.
import type { ErrorReply } from './errors'

export const LOGIN_TOKEN_COOKIE = 'local_instance_login_token'

export const forgedFormReply: ErrorReply = {
    status: 403,
    title: 'Form refused',
    message:
        'This form did not come from a page of this site, or the page is out of date: nothing was changed. Reload the page and send the form again.',
}
