/**
 * How a delegate names a time zone: by its city ("New York time", "heure de New York"). ICU's
 * own names ("Eastern Time", "heure : New York") differ between browsers and versions, and
 * delegates speak of New York or Geneva time, not of metazones.
 */

/** French names of zone cities that French spells differently, with their preposition. */
const FRENCH_CITIES: Record<string, string> = {
  'Africa/Addis_Ababa': 'd’Addis-Abeba',
  'Africa/Algiers': 'd’Alger',
  'Africa/Cairo': 'du Caire',
  'America/Mexico_City': 'de Mexico',
  'Asia/Beirut': 'de Beyrouth',
  'Asia/Singapore': 'de Singapour',
  'Europe/Athens': 'd’Athènes',
  'Europe/Brussels': 'de Bruxelles',
  'Europe/Copenhagen': 'de Copenhague',
  'Europe/Lisbon': 'de Lisbonne',
  'Europe/London': 'de Londres',
  'Europe/Moscow': 'de Moscou',
  'Europe/Vienna': 'de Vienne',
  'Europe/Warsaw': 'de Varsovie',
}

/** "New York time" / "heure de New York"; zones without a city ("UTC") are named as they are. */
export function timeZoneLabel(timeZone: string, locale: 'fr' | 'en'): string {
  const city = timeZone.includes('/') && !timeZone.startsWith('Etc/') ? cityOf(timeZone) : null
  if (city === null) return timeZone
  if (locale === 'en') return `${city} time`
  const french = FRENCH_CITIES[timeZone] ?? `${/^[AEIOUYÉÈÎÔ]/.test(city) ? 'd’' : 'de '}${city}`
  return `heure ${french}`
}

function cityOf(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ')
}
