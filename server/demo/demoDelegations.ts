import type { Delegation } from '../../shared/api.ts'

/**
 * The demo's delegations (DESIGN.md section 8). Mexico and Switzerland facilitated the 2018
 * negotiations, as their Permanent Representatives did.
 */
export const DEMO_DELEGATIONS: (Delegation & { standing: 'delegation' | 'coFacilitator' })[] = [
  { code: 'MEX', nameFr: 'Mexique', nameEn: 'Mexico', standing: 'coFacilitator' },
  { code: 'CHE', nameFr: 'Suisse', nameEn: 'Switzerland', standing: 'coFacilitator' },
  { code: 'FRA', nameFr: 'France', nameEn: 'France', standing: 'delegation' },
  { code: 'MAR', nameFr: 'Maroc', nameEn: 'Morocco', standing: 'delegation' },
  { code: 'PHL', nameFr: 'Philippines', nameEn: 'Philippines', standing: 'delegation' },
  { code: 'DEU', nameFr: 'Allemagne', nameEn: 'Germany', standing: 'delegation' },
  { code: 'BRA', nameFr: 'Brésil', nameEn: 'Brazil', standing: 'delegation' },
  { code: 'EGY', nameFr: 'Égypte', nameEn: 'Egypt', standing: 'delegation' },
]
