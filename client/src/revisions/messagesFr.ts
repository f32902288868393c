import type { RevisionMessages } from './messages.ts'
import { formatDay as day } from '../i18n/formatDate.ts'

const NBSP = '\u00a0'

const plural = (count: number, one: string, many: string): string =>
  `${count}${NBSP}${count > 1 ? many : one}`

const NO_CHANGE = 'Aucune différence entre les deux textes.'

/** Revisions and comparisons, in French. */
export const revisionsFr: RevisionMessages = {
  openRevisions: 'Révisions et comparaisons',
  openRevisionsHint: 'Les révisions publiées, et la comparaison de deux versions du texte',
  backToDraft: '← Retour au texte',
  revisionsTab: 'Révisions',
  compareTab: 'Comparaison',

  revisionsTitle: 'Révisions publiées',
  revisionsEmpty: 'Aucune révision n’a encore été publiée.',
  revisionsLoadFailed: (detail) => `Impossible de charger les révisions${NBSP}: ${detail}`,
  revisionSymbol: 'Cote',
  revisionTitle: 'Titre',
  revisionDate: 'Date',
  revisionAuthor: 'Auteur',
  revisionSource: 'Origine',
  revisionDocuments: 'Documents',
  revisionSources: { live: 'Publiée', import: 'Importée' },
  compareWithLive: 'Comparer au texte en cours',
  compareWithPrevious: 'Comparer à la précédente',

  publishTitle: 'Publier une révision',
  publishIntro:
    'Publie le texte en cours tel qu’il est maintenant, comme révision immuable. Les propositions encore ouvertes n’y figurent pas.',
  publishSymbolHint: 'Par exemple Rev.1, Rev.2, Projet final',
  publishSubmit: 'Publier',
  publishing: 'Publication…',
  published: (symbol) => `Révision ${symbol} publiée.`,
  symbolTaken: (symbol) => `Une révision porte déjà la cote ${symbol}.`,
  revisionActionFailed: (detail) => `Échec${NBSP}: ${detail}`,

  importTitle: 'Importer une révision',
  importIntro: `Un fichier .docx, ou du texte brut au format ONU («${NBSP}Objectif 1${NBSP}:${NBSP}», «${NBSP}17.${NBSP}», «${NBSP}a)${NBSP}»). 5${NBSP}Mo au plus.`,
  importFile: 'Fichier',
  importSubmit: 'Importer',
  importing: 'Importation…',
  imported: (symbol) => `Révision ${symbol} importée.`,
  importTooLarge: `Le fichier dépasse 5${NBSP}Mo.`,
  importProblems: `Le fichier n’a pas pu être importé${NBSP}:`,
  importLine: (line) => `Ligne ${line}${NBSP}:`,

  compareTitle: 'Comparaison',
  compareFrom: 'Texte de départ',
  compareTo: 'Comparé à',
  liveDraft: 'Texte en cours',
  compareMode: 'Affichage',
  compareInline: 'Intégré',
  compareSideBySide: 'Côte à côte',
  comparePrevious: '↑ Modification précédente',
  compareNext: 'Modification suivante ↓',
  compareChangePosition: (current, total) =>
    current === 0 ? plural(total, 'modification', 'modifications') : `${current} / ${total}`,
  compareNoChange: NO_CHANGE,
  compareRefresh: 'Actualiser',
  compareExportDocx: 'Exporter DOCX',
  comparePrintable: 'Version imprimable',
  compareLoading: 'Comparaison en cours…',
  compareLoadFailed: (detail) => `Impossible de comparer les textes${NBSP}: ${detail}`,
  compareNeedsRevision: 'Il faut au moins une révision publiée pour comparer.',
  compareSubtitle: (from, to) => `Comparaison${NBSP}: ${from} → ${to}`,
  compareStatus: {
    unchanged: 'Inchangé',
    changed: 'Modifié',
    inserted: 'Inséré',
    deleted: 'Supprimé',
    moved: 'Déplacé',
    split: 'Scindé',
    merged: 'Fusionné',
  },
  compareSplitInto: (first, second) => `(scindé en ${first} et ${second})`,
  compareMergedFrom: (first, second) => `(fusion de ${first} et ${second})`,
  compareMovedFrom: (number) => `(ancien ${number})`,
  compareSummaryLabel: 'Résumé des modifications',
  compareBlocks: ({ changed, inserted, deleted, moved }) =>
    [
      changed > 0 && plural(changed, 'paragraphe modifié', 'paragraphes modifiés'),
      inserted > 0 && plural(inserted, 'paragraphe inséré', 'paragraphes insérés'),
      deleted > 0 && plural(deleted, 'paragraphe supprimé', 'paragraphes supprimés'),
      moved > 0 && plural(moved, 'paragraphe déplacé', 'paragraphes déplacés'),
    ]
      .filter(Boolean)
      .join(' · ') || NO_CHANGE,
  compareWords: (added, removed) =>
    `${plural(added, 'mot ajouté', 'mots ajoutés')}, ${plural(removed, 'mot supprimé', 'mots supprimés')}`,
  compareOutlineTitle: 'Modifications par objectif',
  compareObjectiveChanges: (blocks) => plural(blocks, 'paragraphe', 'paragraphes'),
  compareUnchanged: 'inchangé',
  compareAbsent: 'Absent de ce texte',
  compareView: 'Affichage',
  compareViewText: 'Texte comparé',
  compareViewConcordance: 'Concordance',
  concordanceSubtitle: (from, to) => `Concordance${NBSP}: ${from} → ${to}`,
  concordanceText: 'Texte',
  concordanceFateColumn: 'Devenir',
  concordanceDelegations: 'Délégations',
  concordanceFate: {
    unchanged: 'Inchangé',
    changed: 'Modifié',
    moved: 'Déplacé',
    merged: 'Fusionné',
    split: 'Scindé',
    new: 'Nouveau',
    deleted: 'Supprimé',
  },
  concordanceFailed: (detail) => `Impossible d’établir la concordance${NBSP}: ${detail}`,
  concordanceCount: (rows, changes) =>
    `${plural(rows, 'paragraphe ou action', 'paragraphes et actions')}${NBSP}: ` +
    (changes === 0 ? 'aucun n’a changé' : `${changes} ${changes > 1 ? 'ont changé' : 'a changé'}`),
  concordanceChangesOnly: 'Seulement ce qui a changé',
  roundsTitle: 'Cycles de négociation',
  roundsNone: 'Aucun cycle n’est encore ouvert.',
  roundKind: 'Nature',
  roundKinds: {
    firstReading: 'Première lecture',
    secondReading: 'Deuxième lecture',
    thirdReading: 'Troisième lecture',
    informalConsultations: 'Consultations informelles',
    other: 'Autre cycle',
  },
  roundName: 'Nom',
  roundStartsOn: 'Début',
  roundEndsOn: 'Fin (facultative)',
  roundDates: (startsOn, endsOn) =>
    endsOn
      ? `du ${day(startsOn, 'fr')} au ${day(endsOn, 'fr')}`
      : `depuis le ${day(startsOn, 'fr')}`,
  roundCurrent: 'En cours',
  roundCreate: 'Ouvrir le cycle',
  roundCreated: (name) => `Cycle «${NBSP}${name}${NBSP}» ouvert.`,
  roundRename: 'Renommer',
  roundSave: 'Enregistrer',
  roundSaved: 'Cycle renommé.',
  compareQuick: 'Raccourcis',
  compareSinceRoundStart: (round) => `Depuis le début du cycle (${round})`,
  compareSinceLastRevision: 'Depuis la dernière révision',
}
