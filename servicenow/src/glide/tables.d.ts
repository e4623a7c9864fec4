// Tables whose fields a script dot-walks (`member.user.active`): @servicenow/glide types a record's
// fields from this global interface (what `now-sdk dependencies` downloads from an instance). A
// table listed here has only the fields listed: a misspelt one fails the check. A reference field
// reads as the referenced record's elements, which one TypeScript type cannot say: each is `any`.
// Tables not listed take any field name (ServiceNow's declarations give each a GlideElement).
/* eslint-disable @typescript-eslint/no-explicit-any */
type Field = any

declare global {
    interface Tables {
        sys_user_grmember: {
            group: Field
            user: Field
        }
    }
}
export {}
