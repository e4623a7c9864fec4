import { describe, expect, it } from 'vitest'
import { newToken, SessionStore, tokensMatch } from './sessions.ts'

describe('tokensMatch', () => {
    it('matches the same text only', () => {
        const token = newToken()
        expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
        expect(tokensMatch(token, token)).toBe(true)
        expect(tokensMatch(token, `${token}x`)).toBe(false)
        expect(tokensMatch(token, token.slice(1))).toBe(false)
        expect(tokensMatch(token, newToken())).toBe(false)
    })

    it('refuses what is missing or not text, and a different byte length of the same UTF-16 length', () => {
        expect(tokensMatch(undefined, '')).toBe(false)
        expect(tokensMatch('', '')).toBe(false)
        expect(tokensMatch('abc', undefined)).toBe(false)
        expect(tokensMatch('abc', ['abc'])).toBe(false)
        expect(tokensMatch('e', '\u00e9')).toBe(false)
    })
})

describe('SessionStore', () => {
    it('keeps what the server stores, under a random id and form token', () => {
        const store = new SessionStore<{ userName: string }>()
        const first = store.create({ userName: 'abel.tuter' })
        const second = store.create({ userName: 'abel.tuter' })
        expect(first.id).not.toBe(second.id)
        expect(first.csrfToken).not.toBe(second.csrfToken)
        expect(store.get(first.id)).toBe(first)
        expect(store.get(first.id)?.userName).toBe('abel.tuter')
        expect(store.get(undefined)).toBeUndefined()
        expect(store.get('unknown')).toBeUndefined()
        store.destroy(first.id)
        expect(store.get(first.id)).toBeUndefined()
        expect(store.get(second.id)).toBe(second)
    })

    it('ends a session after its lifetime on the wall clock it is given', () => {
        let now = 1_000
        const store = new SessionStore<{ user: string }>({ lifetimeMs: 100, wallClock: () => now })
        const session = store.create({ user: 'admin' })
        expect(session.expiresAt).toBe(1_100)
        now = 1_099
        expect(store.get(session.id)).toBe(session)
        now = 1_100
        expect(store.get(session.id)).toBeUndefined()
    })

    it("accepts a form carrying its session's token only", () => {
        const store = new SessionStore<object>()
        const mine = store.create({})
        const other = store.create({})
        expect(store.formTokenMatches(mine, mine.csrfToken)).toBe(true)
        expect(store.formTokenMatches(mine, other.csrfToken)).toBe(false)
        expect(store.formTokenMatches(mine, undefined)).toBe(false)
    })

    it("binds the login form to the visitor's nonce cookie, under this store's secret", () => {
        const store = new SessionStore<object>()
        const fresh = store.loginNonce(undefined)
        expect(fresh.fresh).toBe(true)
        // A cookie of ours in form is kept; anything else is replaced.
        expect(store.loginNonce(fresh.nonce)).toEqual({ nonce: fresh.nonce, fresh: false })
        expect(store.loginNonce('short').fresh).toBe(true)
        const token = store.loginToken(fresh.nonce)
        expect(token).not.toBe(fresh.nonce)
        expect(store.loginTokenMatches(fresh.nonce, token)).toBe(true)
        // An attacker's own form token does not go with the victim's cookie, nor without a cookie.
        const attacker = store.loginNonce(undefined).nonce
        expect(store.loginTokenMatches(fresh.nonce, store.loginToken(attacker))).toBe(false)
        expect(store.loginTokenMatches(undefined, token)).toBe(false)
        // Posting the cookie's value itself (plain double submit) is not enough.
        expect(store.loginTokenMatches(fresh.nonce, fresh.nonce)).toBe(false)
        // Another process (another secret) signs differently.
        expect(new SessionStore<object>().loginTokenMatches(fresh.nonce, token)).toBe(false)
    })
})
