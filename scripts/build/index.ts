/**
 * `npm run build` and its freshness check: the SDK build of the app in servicenow/ turned into the
 * update set, the Fluent source generated from the access profiles, and the flow diagrams written
 * beside the app, and the import checklist of servicenow/IMPORT.md.
 */
export { buildUpdateSet } from './sdk-build.ts'
export type { BuiltUpdateSet, BuildOptions } from './sdk-build.ts'
export { DIAGRAM_END, DIAGRAM_START, diagramFiles, SERVICENOW_README, staleFiles } from './flow-diagram-files.ts'
export {
    CHECKLIST_END,
    CHECKLIST_START,
    IMPORT_GUIDE,
    importChecklist,
    importChecklistFiles,
} from './import-checklist-files.ts'
