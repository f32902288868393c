import type { AmendmentMessages } from './messages.ts'

export const amendmentsEn: AmendmentMessages = {
  wordExport: 'Word (tracked changes)',
  wordExportHint:
    'The draft with its open proposals as tracked changes, by delegation, to review in Word.',
  wordImport: 'Import Word amendments',
  wordImportTitle: 'Import Word amendments',
  wordImportIntro:
    'A document exported from Draftroom and edited in Word with track changes. Each tracked change becomes a proposal of the delegation; Word comments become its rationale. Nothing is written before “Create the proposals”.',
  wordImportFile: 'Word document (.docx)',
  wordImportPreview: 'Preview',
  wordImportApply: 'Create the proposals',
  wordImportWorking: 'Reading the document…',
  wordImportAuthors: 'Word authors',
  wordImportAuthorHint: 'For each Word author, the delegation to propose in the name of.',
  wordImportChooseDelegation: '— choose —',
  wordImportCounts: (c) =>
    `Placed by identifier: ${c.placedByUid}; by text: ${c.placedByText}; not placed: ${c.notPlaced}; already proposed: ${c.alreadyProposed}`,
  wordImportParagraph: 'Word ¶',
  wordImportChange: 'Change',
  wordImportDelegation: 'Delegation',
  wordImportOutcome: 'Outcome',
  wordImportStatus: {
    create: 'will be created',
    alreadyProposed: 'already proposed',
    notPlaced: 'not placed',
  },
  wordImportKinds: {
    text: 'text',
    newBlock: 'new paragraph',
    blockDeletion: 'paragraph deleted',
  },
  wordImportUntracked: 'changed without tracking: ignored',
  wordImportNothing: 'No tracked change to import.',
  wordImportDone: (n) => (n === 1 ? '1 proposal created.' : `${n} proposals created.`),
  wordImportFailed: (detail) => `Cannot import: ${detail}`,
}
