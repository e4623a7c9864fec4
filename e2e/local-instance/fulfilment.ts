// Fulfillers' and requesters' changes to a requested item: its state with a work note, work notes,
// and the requester's Cancel. A closed item is final (task-rules.ts makes it inactive).
import { LocalInstanceError } from './errors'
import type { RequestItemState } from './schema'
import { requestItemStates } from './schema'
import type { Database, StoredRecord } from './tables'
import { isClosedItemState } from './task-rules'

export function setItemState(
    database: Database,
    change: {
        requestItemSysId: string
        state: RequestItemState
        asUserName: string
        actorSysId: string
        workNote?: string
        /** An additional comment (customer visible), written with the same update. */
        comment?: string
    }
): StoredRecord {
    const { requestItemSysId, state, asUserName, actorSysId, workNote, comment } = change
    if (!Object.hasOwn(requestItemStates, state))
        throw new LocalInstanceError(
            `"${state}" is not a requested item state (${Object.keys(requestItemStates).join(', ')})`
        )
    const item = database.get('sc_req_item', requestItemSysId)
    if (!item) throw new LocalInstanceError(`No requested item ${requestItemSysId}`)
    if (item.active === 'false')
        throw new LocalInstanceError(
            `${item.number ?? ''} is closed (${closedStateLabel(item)}) and cannot be reopened or changed: submit a new request`
        )
    const values: Record<string, string> = { state }
    if (isClosedItemState(state)) values.closed_by = actorSysId
    if (workNote) values.work_notes = workNote
    if (comment) values.comments = comment
    return database.update('sc_req_item', requestItemSysId, values, asUserName)
}

export function closedStateLabel(item: StoredRecord): string {
    return requestItemStates[item.state as RequestItemState] ?? item.state ?? ''
}
