import type { Messages } from '../i18n/messages.ts'
import type { NumberingLabels } from './numberingPlugin.ts'

/** The numbering plugin's strings in the UI language. */
export const numberingLabels = (t: Messages): NumberingLabels => ({
  objectiveHeading: t.objectiveHeading,
  adRef: t.adRefBadge,
  placeholders: {
    sectionTitle: t.placeholderSectionTitle,
    paragraph: t.placeholderParagraph,
    principle: t.placeholderPrinciple,
    commitment: t.placeholderCommitment,
    action: t.placeholderAction,
  },
})
