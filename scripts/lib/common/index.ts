/**
 * Small helpers every part of the kit shares, kept here so that no part imports another's internals:
 * HTML templating, the command-line and process lifecycle of long-running commands, and starting a
 * program as a child process and waiting for its "listening" lines.
 */
export * from './html.ts'
export * from './process-lifecycle.ts'
export * from './spawn-process.ts'
export * from './clocks.ts'
export * from './repository.ts'
export * from './basic-auth.ts'
export * from './pid-lock.ts'
export * from './sessions.ts'
