/**
 * Test fixtures of the update-set library, for tests alone (the dependency rules refuse it
 * anywhere else): a set built the guide's way, with all nine defects, that several parts' tests load.
 */
export { HAND_BUILT_SET_FILE, HAND_BUILT_SET_NAME, ids as handBuiltSetIds } from './hand-built-guide-set.ts'
export { exportedSetXml, gzipBase64 } from './exported-set.ts'
export type { ExportedRecord, ExportedUpdate, ExportedValue } from './exported-set.ts'
export { SAMPLE_IDS, sampleId, sampleUpdates } from './exported-sample.ts'
