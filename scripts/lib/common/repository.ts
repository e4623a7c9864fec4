import { resolve } from 'node:path'

/** The repository's root folder: commands find the app, the update sets and the README from here. */
export const repositoryRoot = resolve(import.meta.dirname, '..', '..', '..')
