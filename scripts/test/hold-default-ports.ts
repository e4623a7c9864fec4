// Global setup of the integration tier (vitest) and the browser specs (Playwright): holds the ports
// `npm start` uses by default (local instance 8080, mock-kpow API 4000 and UI 3000) on 127.0.0.1
// for the whole run. A test that lets a server take its default port instead of port 0 then fails
// every time, as it would while a developer's `npm start` runs. A port already taken (by
// `npm start` itself) is simply left alone.
import { createServer, type Server } from 'node:net'

export const DEFAULT_PORTS = [8080, 4000, 3000] as const

function hold(port: number): Promise<Server | undefined> {
    return new Promise((resolve) => {
        const server = createServer((socket) => socket.destroy())
        server.once('error', () => resolve(undefined))
        server.listen(port, '127.0.0.1', () => resolve(server))
    })
}

export default async function holdDefaultPorts(): Promise<() => Promise<void>> {
    const held = (await Promise.all(DEFAULT_PORTS.map(hold))).filter((server) => server !== undefined)
    return async () => {
        await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))))
    }
}
