// A program that leaves script sandbox pools behind without disposing them: an instance it never
// closes (its pool filled) and a pool of its own a script ran in. It must end by itself once its work
// is done; sandbox-pool-exit.test.ts runs it as a child process.
import { runPlatformScript } from '../glide-sandbox'
import { createLocalInstance } from '../instance'
import { ScriptSandboxPool } from '../sandbox-pool'
import users from '../seed/users.json'
import { updateSetXml } from './lifecycle-order'

const instance = createLocalInstance({ updateSetXml, users })
const pool = new ScriptSandboxPool(2)
// The pool's own work keeps nothing alive, so this program holds the process open while it fills.
const holdOpen = setInterval(() => {}, 1_000)
await pool.whenFull()
clearInterval(holdOpen)
const user = instance.database.query('sys_user', 'user_name=abel.tuter')[0]
const outputs: Record<string, unknown> = {}
await runPlatformScript(
    {
        database: instance.database,
        userSysId: user?.sys_id ?? '',
        properties: {},
        resolveConnection: () => undefined,
        log: () => {},
        sandboxes: pool,
    },
    { recordName: 'r', level: 'es5', globals: { outputs }, script: 'outputs.user = gs.getUserName()' }
)
// The run's sandbox is disposed and the pool refills in the background, then nothing is left to do.
console.log(`ran as ${String(outputs.user)}`)
