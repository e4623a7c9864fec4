// The Glide classes the app's server scripts may use: those of ServiceNow's scoped API reference,
// typed by ServiceNow's own declarations (@servicenow/glide, pinned). A script naming a class that is
// not declared here, a method its class does not declare, or the wrong number of arguments fails
// `npm run typecheck`. GlideScheduleDateTime (and every other class documented for global scripts
// only) is left out on purpose: the platform refuses it in a scoped app.
import type {
    GlideDateTime as GlideDateTimeClass,
    GlideRecord as GlideRecordClass,
    gs as GlideSystem,
} from '@servicenow/glide/types'
import type { RESTMessageV2 as RESTMessageV2Class } from '@servicenow/glide/sn_ws'
import type { ConnectionProvider } from '@servicenow/glide/sn_cc'

declare global {
    const gs: typeof GlideSystem
    const GlideRecord: typeof GlideRecordClass
    const GlideDateTime: typeof GlideDateTimeClass
    namespace sn_ws {
        const RESTMessageV2: typeof RESTMessageV2Class
    }
    namespace sn_cc {
        // The scoped API reference names it sn_cc.ConnectionInfoProvider; @servicenow/glide declares
        // the same methods (getConnectionInfo, getConnectionInfoByDomain, ...) as ConnectionProvider.
        const ConnectionInfoProvider: typeof ConnectionProvider
    }
}
