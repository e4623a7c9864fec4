/**
 * The local instance's public entry: a ServiceNow stand-in that loads an update set and runs its
 * flow, as a library (createLocalInstance, startLocalInstanceServer) or a command line. What other
 * parts of the kit (the e2e specs, `npm start`) may use; everything else here is its own.
 */
import { fileURLToPath } from 'node:url'

/** The command line (`npm run local-instance`), for running the instance as a child process. */
export const LOCAL_INSTANCE_CLI = fileURLToPath(new URL('./cli.ts', import.meta.url))
/** The line the command line prints once it is up; the first capture is its URL. */
export const LOCAL_INSTANCE_LISTENING = /listening on (http:\/\/\S+)/
export { createLocalInstance, LocalInstanceError, OrderRefusedError, seededSysId } from './instance'
export type { LoadReport, LocalInstance, LocalInstanceOptions, UsersFixture } from './instance'
export { startLocalInstanceServer } from './server'
export type { LocalInstanceServerOptions, RunningLocalInstance } from './server'
export { UnsupportedUpdateSetError } from './unsupported'
