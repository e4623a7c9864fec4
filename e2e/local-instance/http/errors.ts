// The local instance's one HTML error writer, and the one translator of what Express and its body
// parser throw into a page a person can act on. A client's mistake is a 4xx with a sentence saying
// what to do; anything else is a 500 with a generic sentence, logged as one line (no stack trace).
import type { Response } from 'express'
import { LocalInstanceError, StoreUnavailableError } from '../instance'
import type { Viewer } from './layout'
import { errorPage } from './pages'

/** The limit of a posted form: far above any form of the instance, small enough to refuse floods. */
export const FORM_LIMIT_BYTES = 64 * 1024

export interface ErrorReply {
    status: number
    title: string
    message: string
}

/** What body-parser, raw-body and the router attach to the errors they pass on. */
interface FrameworkError {
    readonly type?: unknown
    readonly status?: unknown
}

export function errorReplyOf(error: unknown): ErrorReply {
    if (error instanceof LocalInstanceError) return { status: 400, title: 'Not done', message: error.message }
    if (error instanceof StoreUnavailableError) {
        console.error(`local instance: ${error.message}`)
        return {
            status: 503,
            title: 'Not saved',
            message: 'The instance could not store the change, so nothing was changed: try again later.',
        }
    }
    const framework = (typeof error === 'object' && error !== null ? error : {}) as FrameworkError
    switch (framework.type) {
        case 'entity.too.large':
            return {
                status: 413,
                title: 'Form too large',
                message: `The form was larger than ${String(FORM_LIMIT_BYTES / 1024)} KB and was not processed: shorten the text you entered and send it again.`,
            }
        case 'parameters.too.many':
            return { status: 413, title: 'Form too large', message: 'The form has too many fields: send it again.' }
        case 'charset.unsupported':
        case 'encoding.unsupported':
            return {
                status: 415,
                title: 'Unsupported form',
                message: 'Forms must be sent as UTF-8 without content encoding.',
            }
    }
    if (error instanceof URIError && framework.status === 400)
        return { status: 400, title: 'Bad address', message: 'The address has a malformed percent-escape.' }
    if (typeof framework.status === 'number' && framework.status >= 400 && framework.status < 500)
        return { status: framework.status, title: 'Bad request', message: 'The form could not be read: send it again.' }
    // One line to the log, never the stack, never to the visitor.
    console.error(`local instance: internal error: ${error instanceof Error ? error.message : String(error)}`)
    return { status: 500, title: 'Something went wrong', message: 'Internal error in the local instance; see its log.' }
}

export function sendPage(response: Response, body: { text: string }, status = 200): void {
    response.status(status).type('html').set('cache-control', 'no-store').send(body.text)
}

export function sendError(response: Response, viewer: Viewer | undefined, reply: ErrorReply): void {
    sendPage(response, errorPage(viewer, reply.title, reply.message), reply.status)
}
