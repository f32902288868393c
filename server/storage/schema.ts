import type { Generated } from 'kysely'

/** The tables of Draftroom's database, as Kysely sees them (SQLite now, PostgreSQL later). */
export interface Database {
  negotiations: NegotiationTable
  delegations: DelegationTable
  negotiation_delegations: NegotiationDelegationTable
  documents: DocumentTable
  document_updates: DocumentUpdateTable
}

export interface NegotiationTable {
  id: string
  title: string
  language: 'fr' | 'en'
  created_at: string
}

export interface DelegationTable {
  code: string
  name_fr: string
  name_en: string
}

export interface NegotiationDelegationTable {
  negotiation_id: string
  delegation_code: string
  /** `coFacilitator` for the delegations whose representatives facilitate. */
  standing: 'delegation' | 'coFacilitator'
}

/** A Yjs document's compacted state. */
export interface DocumentTable {
  name: string
  snapshot: Uint8Array
  compacted_at: string
}

/** Yjs updates committed since the last compaction, in commit order. */
export interface DocumentUpdateTable {
  seq: Generated<number>
  name: string
  data: Uint8Array
}
