// Request bodies, read one way on every endpoint of both listeners. UTF-8 only: a declared charset
// other than utf-8 is refused (415, naming it) and bytes that are not UTF-8 are refused (400) rather
// than replaced and stored. JSON nests at most MAX_JSON_DEPTH levels, checked on the raw bytes before
// parsing so no validator ever recurses that deep. A form's percent-escapes must decode to UTF-8.
// A compressed body (Content-Encoding gzip, deflate or br) is inflated, the size limit counting the
// inflated bytes; one that is not what its header says is refused (400), an encoding the parser does
// not know too (415), naming the header, like any other client mistake.
import { parse as parseContentType } from 'content-type'
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express'
import { KpowError } from '../errors'

/** Kpow's request bodies are small; anything larger is refused before parsing. */
export const MAX_BODY_BYTES = 64 * 1024
/** Kpow's own bodies nest 4 levels (a policy's resource list); 32 leaves room and stops stack abuse. */
export const MAX_JSON_DEPTH = 32

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

function requireUtf8(bytes: Buffer): void {
    try {
        strictUtf8.decode(bytes)
    } catch {
        throw new KpowError('invalid_request', 'The body is not valid UTF-8.', [
            { path: '(body)', message: 'must be encoded as UTF-8' },
        ])
    }
}

/** Counts bracket nesting outside strings; stops at the first level past the limit. */
function requireShallowJson(bytes: Buffer): void {
    let depth = 0
    let inString = false
    let escaped = false
    for (const byte of bytes) {
        if (inString) {
            if (escaped) escaped = false
            else if (byte === 0x5c) escaped = true
            else if (byte === 0x22) inString = false
        } else if (byte === 0x22) inString = true
        else if (byte === 0x5b || byte === 0x7b) {
            depth += 1
            if (depth > MAX_JSON_DEPTH) {
                throw new KpowError('invalid_json', `The body nests deeper than ${MAX_JSON_DEPTH} levels.`, [
                    { path: '(body)', message: `must nest arrays and objects at most ${MAX_JSON_DEPTH} levels deep` },
                ])
            }
        } else if (byte === 0x5d || byte === 0x7d) depth -= 1
    }
}

/** Every name and value of an application/x-www-form-urlencoded body must percent-decode to UTF-8. */
function requireDecodableForm(bytes: Buffer): void {
    for (const pair of bytes.toString('latin1').split('&')) {
        try {
            decodeURIComponent(pair.replace(/\+/g, ' '))
        } catch {
            const name = pair.split('=')[0] ?? ''
            throw new KpowError('invalid_request', 'The form has a malformed percent-escape.', [
                { path: name.length > 40 ? `${name.slice(0, 40)}…` : name, message: 'must percent-encode UTF-8' },
            ])
        }
    }
}

function unsupported(req: Request, expected: string, detail: string): KpowError {
    return new KpowError('unsupported_media_type', `${detail} (got ${req.get('content-type') ?? 'none'}).`, [
        { path: 'header content-type', message: `must be ${expected}` },
    ])
}

/** The declared media type must be `mediaType`; a charset, if declared, must be utf-8. */
function requireMediaType(req: Request, mediaType: string): void {
    let declared: ReturnType<typeof parseContentType>
    try {
        declared = parseContentType(req.get('content-type') ?? '')
    } catch {
        throw unsupported(req, mediaType, `Content-Type must be ${mediaType}`)
    }
    if (declared.type !== mediaType) throw unsupported(req, mediaType, `Content-Type must be ${mediaType}`)
    const charset = declared.parameters.charset
    if (charset !== undefined && charset.toLowerCase() !== 'utf-8') {
        throw unsupported(
            req,
            `${mediaType} in UTF-8`,
            `Only UTF-8 bodies are accepted; the body declares charset=${charset}`
        )
    }
}

/** The framework's error objects: only the field read here. */
interface ParserError {
    readonly type?: unknown
}

const SUPPORTED_ENCODINGS = 'gzip, deflate, br or none (identity)'

/**
 * Runs one of Express's body parsers, wording what it cannot read because of Content-Encoding. The
 * inflating stream's own errors (zlib's "incorrect header check", "unexpected end of file") carry no
 * `type`, unlike every error of the parser's reading and parsing, so that is how they are told apart.
 */
function decoding(parser: RequestHandler): RequestHandler {
    return (req, res, next) => {
        parser(req, res, (error?: unknown) => {
            if (error === undefined || error instanceof KpowError) return next(error)
            const failure = (typeof error === 'object' && error !== null ? error : {}) as ParserError
            const header = (req.get('content-encoding') ?? 'identity').trim().toLowerCase()
            // Quoted in the message, so kept short: the header is the client's to make 8 KB long.
            const declared = header.length > 40 ? `${header.slice(0, 40)}…` : header
            if (failure.type === 'encoding.unsupported') {
                return next(
                    new KpowError('unsupported_media_type', `Content-Encoding "${declared}" is not supported.`, [
                        { path: 'header content-encoding', message: `must be ${SUPPORTED_ENCODINGS}` },
                    ])
                )
            }
            if (failure.type === undefined && header !== 'identity') {
                return next(
                    new KpowError(
                        'invalid_request',
                        `The body is not ${declared} data, as its Content-Encoding says.`,
                        [
                            {
                                path: 'header content-encoding',
                                message: `must name how the body is encoded: ${SUPPORTED_ENCODINGS}`,
                            },
                        ]
                    )
                )
            }
            next(error)
        })
    }
}

/**
 * A JSON body: the content type is checked first (415), then the raw bytes (UTF-8, nesting), then
 * the parse. `strict` false lets a bare scalar through to the schema, whose message names it.
 */
export function jsonBody(options: { readonly strict: boolean }): RequestHandler[] {
    return [
        (req: Request, _res: Response, next: NextFunction) => {
            requireMediaType(req, 'application/json')
            next()
        },
        decoding(
            express.json({
                limit: MAX_BODY_BYTES,
                strict: options.strict,
                type: () => true,
                verify: (_req, _res, bytes) => {
                    requireUtf8(bytes)
                    requireShallowJson(bytes)
                },
            })
        ),
    ]
}

/** Form posts of the UI's pages. Anything but a form body is left unparsed (the handlers see no fields). */
export function formBody(): RequestHandler[] {
    return [
        (req: Request, _res: Response, next: NextFunction) => {
            if (req.is('application/x-www-form-urlencoded')) requireMediaType(req, 'application/x-www-form-urlencoded')
            next()
        },
        decoding(
            express.urlencoded({
                extended: false,
                limit: MAX_BODY_BYTES,
                verify: (_req, _res, bytes) => {
                    requireUtf8(bytes)
                    requireDecodableForm(bytes)
                },
            })
        ),
    ]
}
