// Set-up of vitest's unit tier (vitest.config.ts): unit tests open no socket and start no server.
// A test that listens or connects fails at that call, naming where it belongs; network fakes that
// intercept in-process (nock) open no socket and are unaffected. The originals come back after each
// file, so a worker that goes on to an integration file finds Node as it was.
import { Server, Socket } from 'node:net'
import { afterAll, beforeAll } from 'vitest'

function refuse(what: string): never {
    throw new Error(
        `a unit test tried to ${what}: unit tests open no socket; move the test to a test/ folder (the integration tier) or fake the network in-process`
    )
}

const { listen } = Server.prototype
const { connect } = Socket.prototype

beforeAll(() => {
    Server.prototype.listen = () => refuse('listen on a port')
    Socket.prototype.connect = () => refuse('connect to a server')
})

afterAll(() => {
    Server.prototype.listen = listen
    Socket.prototype.connect = connect
})
