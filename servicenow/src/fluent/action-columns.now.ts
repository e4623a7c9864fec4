import { ReferenceColumn } from '@servicenow/sdk/core'

/**
 * Inputs several actions declare alike, written once. The SDK 4.9.0 build gives the same records
 * for an action's `inputs` in two forms only: an object of inline column calls, or a whole inputs
 * object exported from a Fluent (.now.ts) module like this one. Other forms break: one column held
 * in a const (inputs: { requested_item: someColumn }) silently loses its {{action.requested_item}}
 * pill from the action's label_cache, a spread ({ ...shared }) fails with "SpreadAssignment is not
 * allowed", and a column imported from a plain .ts module fails the build (unresolved). A step's
 * outputVariables must be inline column calls, so they repeat the action's outputs: a shared object
 * there makes the build drop the whole script step while reporting success
 * (scripts/test/sdk-step-outputs.test.ts shows it). scripts/lib/update-set/action-inputs.test.ts checks
 * every built input keeps its pill.
 */
export const requestedItemInputs = {
    requested_item: ReferenceColumn({
        label: 'Requested Item',
        referenceTable: 'sc_req_item',
        mandatory: true,
    }),
}

/** The requested item a subflow works on, one column a subflow's inputs may share (the build writes the same records as an inline column). */
export const requestedItemSubflowInput = ReferenceColumn({
    label: 'Requested Item',
    referenceTable: 'sc_req_item',
    mandatory: true,
})
