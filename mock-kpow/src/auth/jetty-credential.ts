import { createHash, timingSafeEqual } from 'node:crypto'
import unixCrypt from 'unix-crypt-td-js'

// org.eclipse.jetty.util.security.Credential: the stored value's case-sensitive prefix picks the
// check; anything without a known prefix is a (possibly obfuscated) plain password.

const CRYPT_PREFIX = 'CRYPT:'
const MD5_PREFIX = 'MD5:'
const OBF_PREFIX = 'OBF:'

const CRYPT_HASH = /^[./0-9A-Za-z]{13}$/
const MD5_HEX = /^[0-9a-fA-F]{32}$/

/** Java's String.getBytes(ISO_8859_1): characters outside Latin-1 become '?'. */
function latin1Bytes(text: string): Buffer {
    return Buffer.from(
        Array.from(text, (ch) => {
            const code = ch.codePointAt(0) ?? 0x3f
            return code > 0xff ? 0x3f : code
        })
    )
}

function sha256(bytes: Buffer): Buffer {
    return createHash('sha256').update(bytes).digest()
}

// Hashing both sides first gives timingSafeEqual equal-length inputs, so neither the content
// nor the length of the stored secret shows in the response time. UTF-16 keeps the encoding
// injective (UTF-8 would map every lone surrogate to U+FFFD).
function constantTimeEquals(expected: string, actual: string): boolean {
    return timingSafeEqual(sha256(Buffer.from(expected, 'utf16le')), sha256(Buffer.from(actual, 'utf16le')))
}

function parseBase36Block(block: string, stored: string): number {
    if (!/^[0-9a-zA-Z]{4}$/.test(block)) {
        throw new Error(
            `invalid OBF credential "${stored}": "${block}" is not a 4-character base-36 block; regenerate it with Jetty's Password tool or obfuscate()`
        )
    }
    return Number.parseInt(block, 36)
}

/** Jetty's Password.deobfuscate, one level: "OBF:" is optional, as in Jetty. */
export function deobfuscate(stored: string): string {
    const body = stored.startsWith(OBF_PREFIX) ? stored.slice(OBF_PREFIX.length) : stored
    const bytes: number[] = []
    let i = 0
    while (i < body.length) {
        if (body[i] === 'U') {
            // Newer Jetty writes 'U' + 4 chars for a byte pair where either byte is >= 0x80.
            bytes.push((parseBase36Block(body.slice(i + 1, i + 5), stored) >> 8) & 0xff)
            i += 5
        } else {
            const value = parseBase36Block(body.slice(i, i + 4), stored)
            const high = Math.trunc(value / 256)
            const low = value % 256
            bytes.push(Math.trunc((high + low - 254) / 2) & 0xff)
            i += 4
        }
    }
    return new TextDecoder('utf-8').decode(Uint8Array.from(bytes))
}

/** Jetty's Password.obfuscate: "OBF:" followed by the obfuscated UTF-8 bytes. */
export function obfuscate(text: string): string {
    const bytes = Buffer.from(text, 'utf8')
    let out = OBF_PREFIX
    for (let i = 0; i < bytes.length; i++) {
        const first = bytes[i] as number
        const mirror = bytes[bytes.length - 1 - i] as number
        if (first >= 0x80 || mirror >= 0x80) {
            out += 'U' + (first * 256 + mirror).toString(36).padStart(4, '0')
        } else {
            const sum = 127 + first + mirror
            const difference = 127 + first - mirror
            out += (sum * 256 + difference).toString(36).padStart(4, '0')
        }
    }
    return out
}

/** What Jetty's Password constructor keeps: every leading OBF: layer removed. */
export function revealObfuscated(stored: string): string {
    let password = stored
    while (password.startsWith(OBF_PREFIX)) password = deobfuscate(password)
    return password
}

export function md5Credential(text: string): string {
    return MD5_PREFIX + createHash('md5').update(latin1Bytes(text)).digest('hex')
}

/** What NUL becomes for crypt(3): 0x80 gives the same seven key bits (none set) without ending the key. */
const NUL_KEY_BYTE = 0x80

function cryptHash(password: string, salt: string): string {
    // Jetty's UnixCrypt keeps the low byte of each char of the first eight; DES itself uses only seven
    // bits of it. Java strings do not end at NUL, but crypt(3) here would stop reading there and take
    // "admin\0x" for "admin": NUL goes in as a byte with the same (zero) key bits instead.
    return unixCrypt(
        Array.from(password, (ch) => ch.charCodeAt(0) & 0xff || NUL_KEY_BYTE),
        salt
    )
}

export function cryptCredential(text: string, salt: string): string {
    if (!/^[./0-9A-Za-z]{2}$/.test(salt)) {
        throw new Error(`invalid crypt salt "${salt}": use two characters from [./0-9A-Za-z]`)
    }
    return CRYPT_PREFIX + cryptHash(text, salt)
}

/**
 * Why a stored credential can never match, or null when it is well formed. Jetty would fail
 * at login time (or throw while loading); the mock refuses such a realm file at start instead.
 */
export function describeCredentialProblem(stored: string): string | null {
    if (stored.startsWith(CRYPT_PREFIX)) {
        return CRYPT_HASH.test(stored.slice(CRYPT_PREFIX.length))
            ? null
            : 'a CRYPT: credential must be a 13-character DES crypt(3) hash from [./0-9A-Za-z] (e.g. CRYPT:adpexzg3FUZAk)'
    }
    if (stored.startsWith(MD5_PREFIX)) {
        return MD5_HEX.test(stored.slice(MD5_PREFIX.length))
            ? null
            : 'an MD5: credential must be 32 hex digits (e.g. MD5:164c88b302622e17050af52c89945d44)'
    }
    if (stored.startsWith(OBF_PREFIX)) {
        try {
            revealObfuscated(stored)
        } catch (error) {
            return (error as Error).message
        }
    }
    return null
}

/** Jetty's Credential.check for a stored credential and the password a user presented. */
export function verifyJettyCredential(stored: string, presented: string): boolean {
    if (stored.startsWith(CRYPT_PREFIX)) {
        const hash = stored.slice(CRYPT_PREFIX.length)
        // An impossible hash still costs one crypt, so a broken entry is not faster to probe.
        const computed = cryptHash(presented, CRYPT_HASH.test(hash) ? hash.slice(0, 2) : 'aa')
        return constantTimeEquals(hash, computed) && CRYPT_HASH.test(hash)
    }
    if (stored.startsWith(MD5_PREFIX)) {
        const expectedHex = stored.slice(MD5_PREFIX.length).toLowerCase()
        return constantTimeEquals(expectedHex, md5Credential(presented).slice(MD5_PREFIX.length))
    }
    let expected: string
    try {
        expected = revealObfuscated(stored)
    } catch {
        return false
    }
    return constantTimeEquals(expected, presented)
}
