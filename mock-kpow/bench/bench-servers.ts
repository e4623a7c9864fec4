// A child process serving one benchmark target on 127.0.0.1 port 0 and printing "PORT <n>":
// - bare:    node:http, reads the body, JSON.parse, answers fixed JSON (the floor of any Node server)
// - express: Express with express.json(), answers fixed JSON (what Express alone costs)
// - mock:    the real mock-kpow API with the guide's setup
// Each target runs in its own process so the load generator and the server get a core each.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { readJaasConfigFile, realmFileFor } from '../src/auth/index'
import { resolveOptions } from '../src/config/options'
import { startMockKpow } from '../src/server'

const FIXED_DECISION = JSON.stringify({ effect: 'Allow', reason: 'Allowed', policies: [] })
const FIXED_POLICY = JSON.stringify({
    temporary_policy: { id: '0de3f8b1-8e1b-42e1-a99f-132e3c580e3f', created_ts: 1, duration_ms: 1, policy: {} },
    metadata: { response_id: '7751c40a-23b5-4a1f-aae5-86888fc67ced', is_staged: false, tenant_id: '__kpow_global' },
})

async function main(target: string): Promise<number> {
    switch (target) {
        case 'bare': {
            const server = createServer((req, res) => {
                const chunks: Buffer[] = []
                req.on('data', (chunk: Buffer) => chunks.push(chunk))
                req.on('end', () => {
                    if (chunks.length > 0) JSON.parse(Buffer.concat(chunks).toString('utf8'))
                    if (req.method === 'DELETE') {
                        res.writeHead(204).end()
                        return
                    }
                    const body = req.url?.startsWith('/mock/') ? FIXED_DECISION : FIXED_POLICY
                    res.writeHead(200, { 'content-type': 'application/json' }).end(body)
                })
            })
            await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
            return (server.address() as AddressInfo).port
        }
        case 'express': {
            const app = express()
            app.use(express.json())
            app.post('/mock/v1/decide', (_req, res) => {
                res.type('json').send(FIXED_DECISION)
            })
            app.post('/admin/v1/temporary-policies', (_req, res) => {
                res.type('json').send(FIXED_POLICY)
            })
            app.delete('/admin/v1/temporary-policies/:id', (_req, res) => {
                res.status(204).end()
            })
            const server = app.listen(0, '127.0.0.1')
            await new Promise((resolve) => server.once('listening', resolve))
            return (server.address() as AddressInfo).port
        }
        case 'mock': {
            const options = resolveOptions({
                flags: { apiPort: '0', uiPort: '0' },
                env: { TEMPORARY_POLICY_MAX_MS: '-1' },
                cwd: process.cwd(),
                realmFileFromJaas: (jaas, entry) => realmFileFor(readJaasConfigFile(jaas), entry),
            })
            const running = await startMockKpow(options)
            return Number(new URL(running.apiUrl ?? '').port)
        }
        default:
            throw new Error(`unknown target ${target}`)
    }
}

// Exit through process.exit so --cpu-prof (used when profiling a target) writes its profile.
process.on('SIGTERM', () => process.exit(0))

main(process.argv[2] ?? '').then(
    (port) => console.log(`PORT ${port}`),
    (error: unknown) => {
        console.error((error as Error).message)
        process.exit(1)
    }
)
