/** A calendar day (YYYY-MM-DD) as people read it: "20 février 2018", "20 February 2018". */
export const formatDay = (isoDay: string, language: 'fr' | 'en'): string =>
  new Date(`${isoDay}T00:00:00Z`).toLocaleDateString(language === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
