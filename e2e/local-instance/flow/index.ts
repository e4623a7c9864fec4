// The flow runner: the core (engine.ts) and a module per construct (trigger.ts, logic.ts,
// actions.ts with record-actions.ts and script-steps.ts, approval.ts, waits.ts), sharing the run
// model (run-model.ts), the run bookkeeping (run-book.ts) and data pills (pills.ts) through the
// interface in construct.ts. What the rest of the local instance uses.
export { FlowEngine } from './engine'
export type { FlowContext, FlowRun, FlowTimers, StepLog } from './run-model'
export { parseTemplateValues } from './record-actions'
