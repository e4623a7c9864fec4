// The unit tier's rule (vitest.config.ts, scripts/test/no-sockets-in-unit-tests.ts): a unit test that
// listens or connects fails at once, naming where such a test belongs.
import { createServer } from 'node:http'
import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'

describe('a unit test', () => {
    it('cannot start a server', () => {
        expect(() => createServer().listen(0, '127.0.0.1')).toThrow(
            /a unit test tried to listen on a port: unit tests open no socket; move the test to a test\/ folder/
        )
    })

    it('cannot connect to one', () => {
        expect(() => connect(9, '127.0.0.1')).toThrow(/a unit test tried to connect to a server/)
    })
})
