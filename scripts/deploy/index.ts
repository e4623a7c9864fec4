/**
 * The deploy tool's public entry (`npm run deploy`, `status`, `smoke`, `verify`): the ServiceNow and Kpow
 * clients (one method per REST call), the update set's facts, the deploy step sequence, status,
 * the smoke test and the command line. Other parts (the local instance's tests, `npm start`)
 * import from here only.
 */
import { fileURLToPath } from 'node:url'

/** The command line, for running it as a child process: `tsx <DEPLOY_CLI> deploy|status|smoke|verify`. */
export const DEPLOY_CLI = fileURLToPath(new URL('./cli.ts', import.meta.url))
export { main as deployCommandLine, DEFAULT_UPDATE_SET, GUIDE_CLUSTER_ID, GUIDE_TOPIC } from './cli.ts'
export type { CliIo } from './cli.ts'
export { readAppUpdateSet, readAppUpdateSetText } from './app-update-set.ts'
export type { AppUpdateSet, CatalogVariable, NamedRecord } from './app-update-set.ts'
export {
    credentialName,
    DEFAULT_TIMING,
    deploy,
    deployPlan,
    fingerprintLine,
    fingerprintOf,
    followProgress,
    isActionPublished,
    isFlowActive,
} from './deploy.ts'
export type { DeployOptions, DeployReport, Timing } from './deploy.ts'
export { DeployError } from './errors.ts'
export { KpowClient } from './kpow-client.ts'
export type { KpowCredentials, TemporaryPolicy } from './kpow-client.ts'
export { Reporter, formatDuration } from './reporter.ts'
export type { StepOutcome, StepRecord } from './reporter.ts'
export { instanceCredentials, kpowCredentials, smokeCredentials } from './settings.ts'
export type { ConnectionFlags, Environment } from './settings.ts'
export { PROGRESS_STATUS, ServiceNowClient } from './servicenow-client.ts'
export type {
    ActivationOutcome,
    ActivationResult,
    CatalogOrder,
    CicdProgress,
    ServiceNowCredentials,
    TableRecord,
    UiSession,
} from './servicenow-client.ts'
export { smoke } from './smoke.ts'
export type { SmokeOptions, SmokeReport } from './smoke.ts'
export { formatStatus, readStatus, showStatus } from './status.ts'
export { CHECKS, verify } from './verify.ts'
export type { CheckResult, Verdict, VerifyOptions, VerifyReport } from './verify.ts'
export type { InstanceStatus } from './status.ts'
