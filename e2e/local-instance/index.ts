/**
 * The local instance's public entry: a ServiceNow stand-in that loads an update set and runs its
 * flow, as a command line or in-process (createLocalInstance). Only what other parts of the kit (the
 * e2e specs, `npm start`, the deploy's tests, the benchmark) use; everything else here is its own.
 */
import { fileURLToPath } from 'node:url'

/** The command line (`npm run local-instance`), for running the instance as a child process. */
export const LOCAL_INSTANCE_CLI = fileURLToPath(new URL('./cli.ts', import.meta.url))
/** The line the command line prints once it is up; the first capture is its URL. */
export const LOCAL_INSTANCE_LISTENING = /listening on (http:\/\/\S+)/
// The specs run an instance in-process for Flow Designer's "Test" of an action (testAction).
export { createLocalInstance } from './instance'
export type { UsersFixture } from './instance'
// The e2e fixtures start the instance's HTTP server in the spec's worker (no child process per test);
// the lifecycle benchmark starts one with its baseline's setting (sandboxPool: 0).
export { startLocalInstanceServer } from './server'
