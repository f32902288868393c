import { countOf } from '../../../shared/plural.ts'
import type { FormMessages } from './messages.ts'

const NBSP = '\u00a0'
const characters = { one: 'caractère', other: 'caractères' }

/** Fields and refusals in French. */
export const formsFr: FormMessages = {
  required: '(obligatoire)',
  missing: 'Ce champ est obligatoire.',
  tooShort: (minimum) => `Au moins ${countOf(minimum, characters, 'fr')}.`,
  tooLong: (maximum) => `Au plus ${countOf(maximum, characters, 'fr')}.`,
  badUsername:
    'De 2 à 40 minuscules, chiffres, points, tirets ou traits bas, en commençant par une lettre ou un chiffre.',
  badDelegationCode: `Trois lettres majuscules, le code ISO${NBSP}3166-1 alpha-3 (par exemple FRA).`,
  badNegotiationId:
    'Minuscules, chiffres et tirets, en commençant par une lettre ou un chiffre (63 au plus).',
  choose: 'Choisissez une valeur dans la liste.',
  fixFields: (count) =>
    count === 1
      ? `Un champ est à corriger${NBSP}: voyez le message sous celui-ci.`
      : `${count} champs sont à corriger${NBSP}: voyez les messages sous ceux-ci.`,
  refused: {
    badRequest: 'Le serveur a refusé ces données. Vérifiez les champs et réessayez.',
    unknownDelegation: 'Cette délégation n’existe pas. Enregistrez-la d’abord.',
    forbidden: 'Vous n’avez pas le droit de faire ceci.',
    notFound: 'Introuvable : la page ou l’élément a peut-être été supprimé.',
    tooMany: 'Trop de demandes en peu de temps. Attendez un instant et réessayez.',
    unavailable: 'Le serveur ne répond pas. Réessayez dans un instant.',
    offline: 'Pas de connexion au serveur. Vérifiez votre réseau et réessayez.',
    other: (status) => `Le serveur a refusé la demande (erreur ${status}).`,
  },
}
