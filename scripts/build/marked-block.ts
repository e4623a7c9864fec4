/**
 * The blocks `npm run build` writes into hand-written documents: the text between a start and an end
 * marker line is the generator's, everything around it the author's.
 */
import { UpdateSetFormatError } from '../lib/update-set/index.ts'

/** `document` with the text between `start` and `end` replaced by `block`; a clear error naming `path` when a marker is missing. */
export function replaceMarkedBlock(
    document: string,
    markers: { path: string; start: string; end: string; purpose: string },
    block: string
): string {
    const start = document.indexOf(markers.start)
    const end = document.indexOf(markers.end)
    if (start < 0 || end < start)
        throw new UpdateSetFormatError(
            `${markers.path} needs the lines "${markers.start}" and "${markers.end}" (in that order) where ${markers.purpose}`
        )
    return `${document.slice(0, start)}${markers.start}\n${block}\n${document.slice(end)}`
}
