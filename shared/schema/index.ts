export * from './draftExtensions.ts'
export * from './draftNodes.ts'
export * from './sectionKinds.ts'
export * from './uid.ts'
