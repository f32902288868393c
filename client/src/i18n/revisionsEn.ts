import type { RevisionMessages } from './revisionMessages.ts'
import { formatDay as day } from './formatDay.ts'

const plural = (count: number, one: string, many: string): string =>
  `${count} ${count === 1 ? one : many}`

const NO_CHANGE = 'The two texts are the same.'

/** Revisions and comparisons, in English. */
export const revisionsEn: RevisionMessages = {
  openRevisions: 'Revisions and comparisons',
  openRevisionsHint: 'The published revisions, and the comparison of two versions of the text',
  backToDraft: '← Back to the text',
  revisionsTab: 'Revisions',
  compareTab: 'Comparison',

  revisionsTitle: 'Published revisions',
  revisionsEmpty: 'No revision has been published yet.',
  revisionsLoadFailed: (detail) => `Could not load the revisions: ${detail}`,
  revisionSymbol: 'Symbol',
  revisionTitle: 'Title',
  revisionDate: 'Date',
  revisionAuthor: 'Author',
  revisionSource: 'Source',
  revisionDocuments: 'Documents',
  revisionSources: { live: 'Published', import: 'Imported' },
  compareWithLive: 'Compare with the live draft',
  compareWithPrevious: 'Compare with the previous one',

  publishTitle: 'Publish a revision',
  publishIntro:
    'Publishes the live draft as it is now, as an immutable revision. Proposals still open are left out.',
  publishSymbolHint: 'For example Rev.1, Rev.2, Final draft',
  publishSubmit: 'Publish',
  publishing: 'Publishing…',
  published: (symbol) => `Revision ${symbol} published.`,
  symbolTaken: (symbol) => `A revision already has the symbol ${symbol}.`,
  revisionActionFailed: (detail) => `Failed: ${detail}`,

  importTitle: 'Import a revision',
  importIntro: 'A .docx file, or UN-style plain text (“Objective 1:”, “17.”, “(a)”). 5 MB at most.',
  importFile: 'File',
  importSubmit: 'Import',
  importing: 'Importing…',
  imported: (symbol) => `Revision ${symbol} imported.`,
  importTooLarge: 'The file is larger than 5 MB.',
  importProblems: 'The file could not be imported:',
  importLine: (line) => `Line ${line}:`,

  compareTitle: 'Comparison',
  compareFrom: 'From',
  compareTo: 'Compared with',
  liveDraft: 'Live draft',
  compareMode: 'View',
  compareInline: 'Inline',
  compareSideBySide: 'Side by side',
  comparePrevious: '↑ Previous change',
  compareNext: 'Next change ↓',
  compareChangePosition: (current, total) =>
    current === 0 ? plural(total, 'change', 'changes') : `${current} / ${total}`,
  compareNoChange: NO_CHANGE,
  compareRefresh: 'Refresh',
  compareExportDocx: 'Export DOCX',
  comparePrintable: 'Printable version',
  compareLoading: 'Comparing…',
  compareLoadFailed: (detail) => `Could not compare the texts: ${detail}`,
  compareNeedsRevision: 'At least one published revision is needed to compare.',
  compareSubtitle: (from, to) => `Comparison: ${from} → ${to}`,
  compareStatus: {
    unchanged: 'Unchanged',
    changed: 'Changed',
    inserted: 'Inserted',
    deleted: 'Deleted',
    moved: 'Moved',
    split: 'Split',
    merged: 'Merged',
  },
  compareJoined: (isSplit, numbers) =>
    isSplit ? `(split into ${numbers.join(' and ')})` : `(merged from ${numbers.join(' and ')})`,
  compareMovedFrom: (number) => `(formerly ${number})`,
  compareSummaryLabel: 'Summary of changes',
  compareBlocks: ({ changed, inserted, deleted, moved }) =>
    [
      changed > 0 && plural(changed, 'paragraph changed', 'paragraphs changed'),
      inserted > 0 && plural(inserted, 'paragraph inserted', 'paragraphs inserted'),
      deleted > 0 && plural(deleted, 'paragraph deleted', 'paragraphs deleted'),
      moved > 0 && plural(moved, 'paragraph moved', 'paragraphs moved'),
    ]
      .filter(Boolean)
      .join(' · ') || NO_CHANGE,
  compareWords: (added, removed) =>
    `${plural(added, 'word added', 'words added')}, ${plural(removed, 'word removed', 'words removed')}`,
  compareOutlineTitle: 'Changes by objective',
  compareObjectiveChanges: (blocks) => plural(blocks, 'paragraph', 'paragraphs'),
  compareUnchanged: 'unchanged',
  compareAbsent: 'Not in this text',
  compareView: 'View',
  compareViewText: 'Compared text',
  compareViewConcordance: 'Concordance',
  concordanceSubtitle: (from, to) => `Concordance: ${from} → ${to}`,
  concordanceText: 'Text',
  concordanceFateColumn: 'What became of it',
  concordanceDelegations: 'Delegations',
  concordanceFate: {
    unchanged: 'Unchanged',
    changed: 'Changed',
    moved: 'Moved',
    merged: 'Merged',
    split: 'Split',
    new: 'New',
    deleted: 'Deleted',
  },
  concordanceFailed: (detail) => `Could not build the concordance: ${detail}`,
  concordanceCount: (rows, changes) =>
    `${plural(rows, 'paragraph or action', 'paragraphs and actions')}: ${changes} changed`,
  concordanceChangesOnly: 'Only what changed',
  roundsTitle: 'Rounds',
  roundsNone: 'No round has been opened yet.',
  roundKind: 'Kind',
  roundKinds: {
    firstReading: 'First reading',
    secondReading: 'Second reading',
    thirdReading: 'Third reading',
    informalConsultations: 'Informal consultations',
    other: 'Other round',
  },
  roundName: 'Name',
  roundStartsOn: 'Starts',
  roundEndsOn: 'Ends (optional)',
  roundDates: (startsOn, endsOn) =>
    endsOn ? `${day(startsOn, 'en')} to ${day(endsOn, 'en')}` : `from ${day(startsOn, 'en')}`,
  roundCurrent: 'Current',
  roundCreate: 'Open the round',
  roundCreated: (name) => `Round “${name}” opened.`,
  roundRename: 'Rename',
  roundSave: 'Save',
  roundSaved: 'Round renamed.',
  compareQuick: 'Shortcuts',
  compareSinceRoundStart: (round) => `Since the start of the round (${round})`,
  compareSinceLastRevision: 'Since the last revision',
}
