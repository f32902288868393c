import type { ComparisonStatus } from '../../../shared/compare/comparisonSchema.ts'
import type { ConcordanceFate } from '../../../shared/concordance.ts'
import type { RoundKind } from '../../../shared/rounds.ts'

/** The strings of the revisions list, publishing and importing, and the comparison view. */
export interface RevisionMessages {
  openRevisions: string
  openRevisionsHint: string
  backToDraft: string
  revisionsTab: string
  compareTab: string

  revisionsTitle: string
  revisionsEmpty: string
  revisionsLoadFailed: (detail: string) => string
  revisionSymbol: string
  revisionTitle: string
  revisionDate: string
  revisionAuthor: string
  revisionSource: string
  revisionDocuments: string
  revisionSources: Record<'live' | 'import', string>
  compareWithLive: string
  compareWithPrevious: string

  publishTitle: string
  publishIntro: string
  publishSymbolHint: string
  publishSubmit: string
  publishing: string
  published: (symbol: string) => string
  symbolTaken: (symbol: string) => string
  revisionActionFailed: (detail: string) => string

  importTitle: string
  importIntro: string
  importFile: string
  importSubmit: string
  importing: string
  imported: (symbol: string) => string
  importTooLarge: string
  importProblems: string
  importLine: (line: number) => string

  compareTitle: string
  compareFrom: string
  compareTo: string
  liveDraft: string
  compareMode: string
  compareInline: string
  compareSideBySide: string
  comparePrevious: string
  compareNext: string
  compareChangePosition: (current: number, total: number) => string
  compareNoChange: string
  compareRefresh: string
  compareExportDocx: string
  comparePrintable: string
  compareLoading: string
  compareLoadFailed: (detail: string) => string
  compareNeedsRevision: string
  compareSubtitle: (from: string, to: string) => string
  compareStatus: Record<ComparisonStatus, string>
  compareMovedFrom: (number: string) => string
  /** Beside a paragraph split in two: its two numbers now. */
  compareSplitInto: (first: string, second: string) => string
  /** Beside a paragraph merged from two: their two numbers before. */
  compareMergedFrom: (first: string, second: string) => string
  compareSummaryLabel: string
  compareBlocks: (counts: {
    changed: number
    inserted: number
    deleted: number
    moved: number
  }) => string
  compareWords: (added: number, removed: number) => string
  compareOutlineTitle: string
  compareObjectiveChanges: (blocks: number) => string
  compareUnchanged: string
  compareAbsent: string
  compareView: string
  compareViewText: string
  compareViewConcordance: string
  concordanceSubtitle: (from: string, to: string) => string
  concordanceText: string
  concordanceFateColumn: string
  concordanceDelegations: string
  concordanceFate: Record<ConcordanceFate, string>
  concordanceFailed: (detail: string) => string
  /** "128 paragraphes et actions, dont 4 changés" */
  concordanceCount: (rows: number, changes: number) => string
  concordanceChangesOnly: string
  roundsTitle: string
  roundsNone: string
  roundKind: string
  roundKinds: Record<RoundKind, string>
  roundName: string
  roundStartsOn: string
  roundEndsOn: string
  /** "du 20 février 2018 au 23 février 2018", or from its start only while it has no end. */
  roundDates: (startsOn: string, endsOn: string | null) => string
  roundCurrent: string
  roundCreate: string
  roundCreated: (name: string) => string
  roundRename: string
  roundSave: string
  roundSaved: string
  compareQuick: string
  compareSinceRoundStart: (round: string) => string
  compareSinceLastRevision: string
}
