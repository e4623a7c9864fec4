/**
 * The update-set library's public entry: read and write ServiceNow update sets, the Flow Designer
 * layer (platform sys_ids, the values decoder, the typed view of flows), the defect checker and the
 * review outline, diagram and diff. A library: it knows no app, no product and no command; other
 * parts import from here only (its test fixture has its own entry, `testing/`, for tests alone).
 */
export * from './read-update-set.ts'
export * from './write-update-set.ts'
export * from './export-shape.ts'
export * from './flow-designer.ts'
export { DEFECT_TITLES, findDefects, formatFinding } from './find-defects.ts'
export type { DefectNumber, Finding } from './find-defects.ts'
export { defectCoverage, formatVerdict } from './defect-coverage.ts'
export { findNotificationLeaks } from './notification-checks.ts'
export type { NotificationFinding } from './notification-checks.ts'
export type { DefectVerdict } from './defect-coverage.ts'
/** How Flow Designer encodes conditions, data pills and approval rules (read by the explainer and the local instance). */
export * from './encoded-query.ts'
export * from './data-pills.ts'
export * from './approval-rules.ts'
/** Flows as code for review: outline (npm run explain), diagram, semantic diff (npm run diff). */
export * from './flow-outline.ts'
export * from './explain-text.ts'
export * from './record-outline.ts'
export * from './field-labels.ts'
export * from './long-text.ts'
export * from './flow-diagram.ts'
export * from './semantic-diff.ts'
export { BOOKKEEPING_FIELDS } from './record-diff.ts'
export { findPlatformShapeMistakes } from './platform-shape-checks.ts'
export type { ShapeFinding } from './platform-shape-checks.ts'
