import type { AmendmentMessages } from './messages.ts'

const NBSP = '\u00a0'

export const amendmentsFr: AmendmentMessages = {
  wordExport: 'Word (modifications suivies)',
  wordExportHint:
    'Le projet avec ses propositions ouvertes en modifications suivies, par délégation, pour relire dans Word.',
  wordImport: 'Importer des amendements Word',
  wordImportTitle: 'Importer des amendements Word',
  wordImportIntro:
    'Un document exporté de Draftroom, modifié dans Word avec le suivi des modifications. Chaque modification suivie devient une proposition de la délégation ; les commentaires Word deviennent ses justifications. Rien n’est écrit avant « Créer les propositions ».',
  wordImportFile: 'Document Word (.docx)',
  wordImportPreview: 'Aperçu',
  wordImportApply: 'Créer les propositions',
  wordImportWorking: 'Lecture du document…',
  wordImportAuthors: 'Auteurs Word',
  wordImportAuthorHint: 'Pour chaque auteur Word, la délégation au nom de laquelle proposer.',
  wordImportChooseDelegation: '— choisir —',
  wordImportCounts: (c) =>
    `Placées par identifiant${NBSP}: ${c.placedByUid}${NBSP}; par le texte${NBSP}: ${c.placedByText}${NBSP}; non placées${NBSP}: ${c.notPlaced}${NBSP}; déjà proposées${NBSP}: ${c.alreadyProposed}`,
  wordImportParagraph: '§ Word',
  wordImportChange: 'Modification',
  wordImportDelegation: 'Délégation',
  wordImportOutcome: 'Résultat',
  wordImportStatus: {
    create: 'sera créée',
    alreadyProposed: 'déjà proposée',
    notPlaced: 'non placée',
  },
  wordImportKinds: {
    text: 'texte',
    newBlock: 'nouveau paragraphe',
    blockDeletion: 'suppression du paragraphe',
  },
  wordImportUntracked: `modifié sans suivi${NBSP}: ignoré`,
  wordImportNothing: 'Aucune modification suivie à importer.',
  wordImportDone: (n) => (n === 1 ? '1 proposition créée.' : `${n} propositions créées.`),
  wordImportFailed: (detail) => `Import impossible${NBSP}: ${detail}`,
}
