/**
 * mock-kpow's public entry: what the other parts of the kit (the e2e specs, `npm start`) may use.
 * Everything else under src/ is mock-kpow's own.
 */
import { fileURLToPath } from 'node:url'

/** The command line (`npm run mock-kpow`), for running mock-kpow as a child process. */
export const MOCK_KPOW_CLI = fileURLToPath(new URL('./cli.ts', import.meta.url))
/** Lines the command line prints once each listener is up; the first capture is its URL. */
export const MOCK_KPOW_LISTENING = { api: /API listening on (http:\/\/\S+)/, ui: /UI listening on (http:\/\/\S+)/ }
export { DEFAULT_CLUSTER_ID as GUIDE_CLUSTER_ID } from './config/options'
export { startMockKpow } from './server'
export type { RunningMockKpow, StartOptions } from './server'
export type { MockKpowOptions } from './config/options'
export { startMockKpowWithFlags } from './start-with-flags'
export type { CliFlags as MockKpowFlags } from './config/options'
