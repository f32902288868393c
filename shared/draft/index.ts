/**
 * The contract of a draft's Yjs document: its names, the shapes of proposal refs and records,
 * who owns a proposal, the shapes of values, and the notices about it. One module that the
 * server's validator, the editor, the exports and the tests share.
 */
export * from './brackets.ts'
export * from './lastRevision.ts'
export * from './names.ts'
export * from './notices.ts'
export * from './ownership.ts'
export * from './records.ts'
export * from './refs.ts'
export * from './reversal.ts'
export * from './values.ts'
