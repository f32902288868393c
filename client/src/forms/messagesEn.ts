import { countOf } from '../../../shared/plural.ts'
import type { FormMessages } from './messages.ts'

const characters = { one: 'character', other: 'characters' }

/** Fields and refusals in English. */
export const formsEn: FormMessages = {
  required: '(required)',
  missing: 'This field is required.',
  tooShort: (minimum) => `At least ${countOf(minimum, characters, 'en')}.`,
  tooLong: (maximum) => `At most ${countOf(maximum, characters, 'en')}.`,
  badUsername:
    '2 to 40 lower-case letters, digits, dots, dashes or underscores, starting with a letter or a digit.',
  badDelegationCode: 'Three capital letters, the ISO 3166-1 alpha-3 code (for example FRA).',
  badNegotiationId:
    'Lower-case letters, digits and dashes, starting with a letter or a digit (63 at most).',
  choose: 'Choose a value from the list.',
  fixFields: (count) =>
    count === 1
      ? 'One field needs correcting: see the message below it.'
      : `${count} fields need correcting: see the messages below them.`,
  refused: {
    badRequest: 'The server refused these values. Check the fields and try again.',
    unknownDelegation: 'This delegation does not exist. Save it first.',
    forbidden: 'You may not do this.',
    notFound: 'Not found: the page or item may have been deleted.',
    tooMany: 'Too many requests in a short time. Wait a moment and try again.',
    unavailable: 'The server does not answer. Try again in a moment.',
    offline: 'No connection to the server. Check your network and try again.',
    other: (status) => `The server refused the request (error ${status}).`,
  },
}
