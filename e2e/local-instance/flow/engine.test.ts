// The flow runner when its store cannot take a write: an order whose run cannot be stored starts no
// run, and a run that ends while the disk is full is logged in one line, the process going on.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { StoreUnavailableError } from '../errors'
import type { FlowDefinition } from '../flow-model'
import { newInstanceDatabase } from '../loading'
import type { FlowContextStore } from '../store'
import { FlowEngine } from './engine'

const flow: FlowDefinition = {
    sysId: '0123456789abcdef0123456789abcdef',
    name: 'Empty flow',
    active: true,
    status: 'published',
    trigger: { sysId: '', name: 'Service Catalog', pillSource: 'trigger' },
    runAs: 'system',
    type: 'flow',
    inputs: [],
    outputs: [],
    flowVariables: [],
    nodes: [],
    updateName: 'sys_hub_flow_0123456789abcdef0123456789abcdef',
}

/** A flow store whose disk fills up after `limit` runs stored (a limit that can be raised: space freed). */
function contextsFillingAfter(writes: number): FlowContextStore & { stored: string[]; limit: number } {
    const stored: string[] = []
    return {
        stored,
        limit: writes,
        putFlowContext(runId) {
            if (stored.length >= this.limit)
                throw new StoreUnavailableError('the data dir could not store the change (SQLITE_FULL)')
            stored.push(runId)
        },
    }
}

function engineWith(contexts: FlowContextStore) {
    const database = newInstanceDatabase(() => new Date('2026-01-01T10:00:00Z'))
    database.insert('sys_hub_flow', { sys_id: flow.sysId, name: flow.name, active: 'true', status: 'published' })
    const item = database.insert('sc_req_item', {})
    const engine = new FlowEngine({
        database,
        contexts,
        timers: { schedule: () => () => {} },
        catalog: () => ({ flows: [flow], actions: new Map() }) as never,
        javaScriptLevel: () => 'es_latest' as never,
        sandboxHost: () => {
            throw new Error('no script runs in an empty flow')
        },
    })
    return { database, engine, item }
}

afterEach(() => {
    vi.restoreAllMocks()
})

describe('FlowEngine on a store that cannot take a write', () => {
    it('starts no run for an order whose run cannot be stored, and is idle at once', async () => {
        const { database, engine, item } = engineWith(contextsFillingAfter(0))
        expect(() => database.transaction(() => engine.startForRequestedItem(flow, item, 'abel'))).toThrow(
            StoreUnavailableError
        )
        expect(engine.runs()).toEqual([])
        await engine.whenIdle()
    })

    it('forgets the run of an order whose transaction fails after the run was stored', async () => {
        const { database, engine, item } = engineWith(contextsFillingAfter(10))
        expect(() =>
            database.transaction(() => {
                engine.startForRequestedItem(flow, item, 'abel')
                throw new StoreUnavailableError('the commit failed')
            })
        ).toThrow('the commit failed')
        expect(engine.runs()).toEqual([])
        await engine.whenIdle()
    })

    it('logs in one line a run that ended but could not be stored, and goes on', async () => {
        const log = vi.spyOn(console, 'error').mockImplementation(() => {})
        const contexts = contextsFillingAfter(1)
        const { database, engine, item } = engineWith(contexts)
        const run = database.transaction(() => engine.startForRequestedItem(flow, item, 'abel'))
        await engine.whenIdle()
        expect(run.status).toBe('complete')
        expect(contexts.stored).toEqual([run.id])
        expect(log).toHaveBeenCalledWith(
            `local instance: flow run ${run.id} ended but was not stored: the data dir could not store the change (SQLITE_FULL)`
        )
        // Space freed, the engine runs the next order's flow.
        contexts.limit = Infinity
        const next = database.transaction(() => engine.startForRequestedItem(flow, item, 'abel'))
        await engine.whenIdle()
        expect(next.status).toBe('complete')
    })
})
