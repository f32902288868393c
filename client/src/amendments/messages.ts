/** The strings of the Word door: the tracked-changes export and importing Word amendments. */
export interface AmendmentMessages {
  wordExport: string
  wordExportHint: string
  wordImport: string
  wordImportTitle: string
  wordImportIntro: string
  wordImportFile: string
  wordImportPreview: string
  wordImportApply: string
  wordImportWorking: string
  wordImportAuthors: string
  wordImportAuthorHint: string
  wordImportChooseDelegation: string
  wordImportCounts: (counts: {
    placedByUid: number
    placedByText: number
    notPlaced: number
    alreadyProposed: number
  }) => string
  wordImportParagraph: string
  wordImportChange: string
  wordImportDelegation: string
  wordImportOutcome: string
  wordImportStatus: Record<'create' | 'alreadyProposed' | 'notPlaced', string>
  wordImportKinds: Record<'text' | 'newBlock' | 'blockDeletion', string>
  wordImportUntracked: string
  wordImportNothing: string
  wordImportDone: (count: number) => string
  wordImportFailed: (detail: string) => string
}
