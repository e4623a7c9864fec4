import { describe, expect, it, vi } from 'vitest'
import { StoreUnavailableError } from './errors'
import type { RecordStore } from './store'
import type { RecordChange } from './tables'
import { Database, TableError } from './tables'
import { localInstanceSchemas } from './schema'

function database() {
    return new Database({ schemas: localInstanceSchemas, now: () => new Date('2026-01-01T10:00:00Z') })
}

describe('in-memory tables', () => {
    it('dot-walks references and gives display values', () => {
        const db = database()
        const manager = db.insert('sys_user', { user_name: 'beth', name: 'Beth Anglin' })
        const user = db.insert('sys_user', { user_name: 'abel', name: 'Abel Tuter', manager: manager.sys_id })
        const item = db.insert('sc_req_item', { opened_by: user.sys_id })
        expect(item.number).toBe('RITM0010001')
        expect(db.resolvePath('sc_req_item', item.sys_id, 'opened_by.manager.name')).toBe('Beth Anglin')
        expect(db.displayValue('sc_req_item', item.sys_id, 'opened_by')).toBe('Abel Tuter')
        expect(db.displayValue('sc_req_item', item.sys_id, 'state')).toBe('Open')
        expect(db.resolvePath('sc_req_item', item.sys_id, 'assigned_to.manager')).toBe('')
        expect(() => db.resolvePath('sc_req_item', item.sys_id, 'opened_by.nickname')).toThrow(TableError)
        expect(() => db.resolvePath('sc_req_item', item.sys_id, 'state.name')).toThrow(/not a reference/)
    })

    it('keeps journal fields as entries with author and time', () => {
        const db = database()
        const item = db.insert('sc_req_item', {})
        db.update('sc_req_item', item.sys_id, { work_notes: 'first' }, 'fred')
        db.update('sc_req_item', item.sys_id, { work_notes: 'second' }, 'system')
        expect(db.journal('sc_req_item', item.sys_id, 'work_notes')).toEqual([
            { element: 'work_notes', value: 'first', author: 'fred', createdOn: '2026-01-01 10:00:00' },
            { element: 'work_notes', value: 'second', author: 'system', createdOn: '2026-01-01 10:00:00' },
        ])
        expect(db.get('sc_req_item', item.sys_id)?.work_notes).toBeUndefined()
    })

    it('changes nothing when a write is refused half-way, alone or in a transaction (whose listeners hear only a success)', () => {
        const db = database()
        const changes: RecordChange[] = []
        db.onChange((change) => changes.push(change))
        const item = db.insert('sc_req_item', {})
        changes.length = 0
        expect(() => db.update('sc_req_item', item.sys_id, { work_notes: 'note', state: 'no-such-state' })).toThrow(
            /has no choice "no-such-state"/
        )
        expect(db.get('sc_req_item', item.sys_id)).toEqual(item)
        expect(db.journal('sc_req_item', item.sys_id, 'work_notes')).toEqual([])
        expect(() =>
            db.transaction(() => {
                db.update('sc_req_item', item.sys_id, { state: '2', work_notes: 'working' })
                db.insert('sc_req_item', {})
                db.delete('sc_req_item', item.sys_id)
                throw new TableError('refused')
            })
        ).toThrow('refused')
        expect(db.query('sc_req_item')).toEqual([item])
        expect(db.journal('sc_req_item', item.sys_id, 'work_notes')).toEqual([])
        expect(changes).toEqual([])
        // The number the failed insert took is not used up.
        expect(db.insert('sc_req_item', {}).number).toBe('RITM0010002')
        db.transaction(() => db.update('sc_req_item', item.sys_id, { state: '2' }))
        expect(changes.map((change) => `${change.operation} ${change.changedFields.join(',')}`)).toEqual([
            'insert ',
            'update state',
        ])
    })

    it('tells listeners what changed, and only when something did', () => {
        const db = database()
        const changes: RecordChange[] = []
        db.onChange((change) => changes.push(change))
        const item = db.insert('sc_req_item', {})
        db.update('sc_req_item', item.sys_id, { state: '1' })
        db.update('sc_req_item', item.sys_id, { state: '3', active: 'false' })
        expect(changes.map((change) => [change.operation, change.changedFields])).toEqual([
            ['insert', []],
            ['update', ['state', 'active']],
        ])
    })

    it('refuses unknown tables, fields, choices and malformed references', () => {
        const db = database()
        const item = db.insert('sc_req_item', {})
        expect(() => db.insert('incident', {})).toThrow(/Table "incident" does not exist/)
        expect(() => db.update('sc_req_item', item.sys_id, { colour: 'red' })).toThrow(
            /Field "colour" does not exist on table "sc_req_item"/
        )
        expect(() => db.update('sc_req_item', item.sys_id, { state: '9' })).toThrow(/has no choice "9"/)
        expect(() => db.update('sc_req_item', item.sys_id, { opened_by: 'abel' })).toThrow(/by sys_id/)
    })

    it('queries with encoded queries and orders', () => {
        const db = database()
        for (const name of ['c', 'a', 'b']) db.insert('sys_user', { user_name: name, name })
        expect(db.query('sys_user', 'user_nameINa,b^ORDERBYname').map((user) => user.name)).toEqual(['a', 'b'])
        expect(db.query('sys_user', 'ORDERBYDESCname').map((user) => user.name)).toEqual(['c', 'b', 'a'])
    })
})

/** A store whose disk can be made "full": every transaction then fails, as SQLITE_FULL does. */
function storeWithDisk() {
    const disk = { full: false, records: new Map<string, string>() }
    const store: RecordStore = {
        putRecord: (table, row) => disk.records.set(`${table}:${row.sys_id ?? ''}`, JSON.stringify(row)),
        deleteRecord: (table, sysId) => disk.records.delete(`${table}:${sysId}`),
        appendJournal: () => {},
        setCounter: () => {},
        transaction(work) {
            const before = new Map(disk.records)
            try {
                const result = work()
                if (disk.full) throw new StoreUnavailableError('the data dir could not store the change (SQLITE_FULL)')
                return result
            } catch (error) {
                disk.records = before
                throw error
            }
        },
    }
    return { disk, store }
}

describe('tables on a store that cannot take a write', () => {
    it('refuses the write and keeps nothing of it, in memory or on disk; a commit-time failure undoes what was to follow', () => {
        const { disk, store } = storeWithDisk()
        const db = new Database({ schemas: localInstanceSchemas, store })
        const user = db.insert('sys_user', { user_name: 'abel', name: 'Abel' })
        disk.full = true
        expect(() => db.update('sys_user', user.sys_id, { name: 'Renamed' })).toThrow(StoreUnavailableError)
        expect(() => db.insert('sys_user', { user_name: 'new.user' })).toThrow(StoreUnavailableError)
        const committed = vi.fn()
        const rolledBack = vi.fn()
        expect(() =>
            db.transaction(() => {
                db.update('sys_user', user.sys_id, { name: 'Renamed' })
                db.afterCommit(committed, rolledBack)
            })
        ).toThrow(StoreUnavailableError)
        expect(committed).not.toHaveBeenCalled()
        expect(rolledBack).toHaveBeenCalledOnce()
        expect(db.require('sys_user', user.sys_id).name).toBe('Abel')
        expect(db.query('sys_user', 'user_name=new.user')).toEqual([])
        expect([...disk.records.keys()]).toEqual([`sys_user:${user.sys_id}`])
    })

    it('answers a stored write as stored when a follow-up a listener makes cannot be stored, and logs it in one line', () => {
        const { disk, store } = storeWithDisk()
        const db = new Database({ schemas: localInstanceSchemas, store })
        const user = db.insert('sys_user', { user_name: 'abel', name: 'Abel' })
        db.onChange((change) => {
            if (change.table !== 'sys_user') return
            disk.full = true
            db.insert('sys_properties', { name: 'follow-up' })
        })
        const log = vi.spyOn(console, 'error').mockImplementation(() => {})
        try {
            expect(db.update('sys_user', user.sys_id, { name: 'Renamed' }).name).toBe('Renamed')
            expect(log).toHaveBeenCalledWith(
                expect.stringMatching(/^local instance: a follow-up of the update of sys_user \w+ was not stored: /)
            )
        } finally {
            log.mockRestore()
        }
        expect(db.query('sys_properties')).toEqual([])
    })
})

describe('names that are properties of every object', () => {
    it('are no field and no choice: refused, never taken from the prototype', () => {
        const db = database()
        const item = db.insert('sc_req_item', {})
        for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
            expect(db.hasField('sc_req_item', name)).toBe(false)
            expect(() => db.field('sc_req_item', name)).toThrow(TableError)
            expect(() => db.update('sc_req_item', item.sys_id, { state: name })).toThrow(/has no choice/)
            expect(() => db.query('sc_req_item', `${name}=x`)).toThrow()
        }
        expect(db.require('sc_req_item', item.sys_id).state).toBe('1')
    })
})
