import { describe, expect, it } from 'vitest'
import { en } from '../../../client/src/i18n/en.ts'
import { fr } from '../../../client/src/i18n/fr.ts'
import { accountsEn } from '../../../client/src/account/messagesEn.ts'
import { accountsFr } from '../../../client/src/account/messagesFr.ts'
import { adRefEn } from '../../../client/src/adRef/messagesEn.ts'
import { adRefFr } from '../../../client/src/adRef/messagesFr.ts'
import { activityEn } from '../../../client/src/activity/messagesEn.ts'
import { activityFr } from '../../../client/src/activity/messagesFr.ts'
import { alternativesEn } from '../../../client/src/alternatives/messagesEn.ts'
import { alternativesFr } from '../../../client/src/alternatives/messagesFr.ts'
import { amendmentsEn } from '../../../client/src/amendments/messagesEn.ts'
import { amendmentsFr } from '../../../client/src/amendments/messagesFr.ts'
import { bracketsEn } from '../../../client/src/editor/brackets/messagesEn.ts'
import { bracketsFr } from '../../../client/src/editor/brackets/messagesFr.ts'
import { formsEn } from '../../../client/src/forms/messagesEn.ts'
import { formsFr } from '../../../client/src/forms/messagesFr.ts'
import { historyEn } from '../../../client/src/history/messagesEn.ts'
import { historyFr } from '../../../client/src/history/messagesFr.ts'
import { proposalsEn } from '../../../client/src/proposals/messagesEn.ts'
import { proposalsFr } from '../../../client/src/proposals/messagesFr.ts'
import { revisionsEn } from '../../../client/src/revisions/messagesEn.ts'
import { revisionsFr } from '../../../client/src/revisions/messagesFr.ts'
import { silenceEn } from '../../../client/src/silence/messagesEn.ts'
import { silenceFr } from '../../../client/src/silence/messagesFr.ts'

/** Every leaf string of a message table, functions called with sample arguments. */
function leaves(messages: object): Record<string, string> {
  const out: Record<string, string> = {}
  const visit = (prefix: string, value: unknown) => {
    if (typeof value === 'string') out[prefix] = value
    else if (typeof value === 'function') out[prefix] = String((value as (n: number) => unknown)(7))
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) visit(`${prefix}.${key}`, inner)
    }
  }
  visit('', messages)
  return out
}

/** Every dictionary of the client: the global words and each feature's own (I18nContext.ts). */
const DICTIONARIES: Record<string, { fr: object; en: object }> = {
  global: { fr, en },
  accounts: { fr: accountsFr, en: accountsEn },
  activity: { fr: activityFr, en: activityEn },
  adRef: { fr: adRefFr, en: adRefEn },
  alternatives: { fr: alternativesFr, en: alternativesEn },
  amendments: { fr: amendmentsFr, en: amendmentsEn },
  brackets: { fr: bracketsFr, en: bracketsEn },
  forms: { fr: formsFr, en: formsEn },
  history: { fr: historyFr, en: historyEn },
  proposals: { fr: proposalsFr, en: proposalsEn },
  revisions: { fr: revisionsFr, en: revisionsEn },
  silence: { fr: silenceFr, en: silenceEn },
}

describe('UI strings', () => {
  it.each(Object.entries(DICTIONARIES))(
    'of %s exist in French and English for the same keys, none empty',
    (_name, { fr: frenchTable, en: englishTable }) => {
      const french = leaves(frenchTable)
      const english = leaves(englishTable)
      expect(Object.keys(english).sort()).toEqual(Object.keys(french).sort())
      for (const text of [...Object.values(french), ...Object.values(english)]) {
        expect(text.trim()).not.toBe('')
      }
    },
  )

  it('write the objective heading in each language’s typography', () => {
    expect(fr.objectiveHeading(7)).toBe('Objectif 7\u00a0: ')
    expect(en.objectiveHeading(7)).toBe('Objective 7: ')
    expect(fr.connection.connected).toBe('Connecté')
    expect(en.connection.connected).toBe('Connected')
  })
})
