// What a server-side UI action's script is given besides the Glide classes: the form's record
// (`current`, here a requested item) and the action (`action`, ServiceNow's GlideAction).
import type { GlideAction, GlideRecord as GlideRecordOf } from '@servicenow/glide/types'

declare global {
    const current: GlideRecordOf<'sc_req_item'>
    const action: GlideAction
}
