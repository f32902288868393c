import type { RoundKind } from '../../shared/rounds.ts'
import type { Generated } from 'kysely'

/**
 * The tables of Draftroom's database, as Kysely sees them on SQLite and on PostgreSQL alike
 * (bigint columns are read as numbers on both: see openDatabase).
 */
export interface Database {
  negotiations: NegotiationTable
  delegations: DelegationTable
  negotiation_delegations: NegotiationDelegationTable
  documents: DocumentTable
  document_updates: DocumentUpdateTable
  document_writers: DocumentWriterTable
  document_sequences: DocumentSequenceTable
  document_leases: DocumentLeaseTable
  users: UserTable
  roles: RoleTable
  sessions: SessionTable
  api_tokens: ApiTokenTable
  audit_events: AuditEventTable
  activity_reads: ActivityReadTable
  revisions: RevisionTable
  rounds: RoundTable
  silence_procedures: SilenceProcedureTable
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
  /** Its colour in this negotiation: an index into DELEGATION_PALETTE, given at joining. */
  color_index: number | null
}

/** A Yjs document's compacted state. */
export interface DocumentTable {
  name: string
  snapshot: Uint8Array
  compacted_at: string
  /** The last update number the snapshot contains (set by the cluster's owner; 0 before). */
  covers_seq: Generated<number>
}

/** Yjs updates committed since the last compaction. */
export interface DocumentUpdateTable {
  name: string
  /** The document's own sequence: 1, 2, 3 ... in commit order, never reused. */
  seq: number
  data: Uint8Array
}

/** The last `seq` given to an update of each document (compaction keeps it). */
export interface DocumentSequenceTable {
  name: string
  last_seq: number
}

/** Which process owns a live document (several processes: see migration 006). */
export interface DocumentLeaseTable {
  name: string
  owner: string
  epoch: number
  /** Milliseconds since 1970 on the database's clock. */
  expires_at: number
}

/** The owner of each Yjs client id of a document: a user, or the server (null). */
export interface DocumentWriterTable {
  name: string
  client_id: number
  user_id: number | null
}

export interface UserTable {
  id: Generated<number>
  username: string
  display_name: string
  /** scrypt: `scrypt$N$r$p$salt$hash`, base64 parts. */
  password_hash: string
  delegation_code: string | null
  /** 0 or 1 on both databases (SQLite has no boolean). */
  is_secretariat: number
  is_active: number
  created_at: string
}

export interface RoleTable {
  user_id: number
  negotiation_id: string
  role: 'secretariat' | 'coFacilitator' | 'delegation' | 'observer'
}

/** Sessions are looked up by the SHA-256 of their token, so a stolen database holds none. */
export interface SessionTable {
  token_hash: string
  user_id: number
  csrf_token: string
  created_at: string
  expires_at: string
}

export interface ApiTokenTable {
  id: Generated<number>
  user_id: number
  name: string
  token_hash: string
  created_at: string
  revoked_at: string | null
}

/** The append-only record of what was done, by whom, in which negotiation. */
export interface AuditEventTable {
  id: Generated<number>
  negotiation_id: string | null
  at: string
  actor_user_id: number | null
  actor_delegation: string | null
  action: string
  /** JSON. */
  details: string
  /** The delegation an event concerns (whose proposal it is), for the activity feed. */
  subject_delegation: string | null
  /** The objective an event concerns, for the activity feed. */
  objective_uid: string | null
}

/** The last audit event each user has seen of a negotiation's activity. */
export interface ActivityReadTable {
  user_id: number
  negotiation_id: string
  seen_up_to: number
}

/** A published revision: immutable once written (no UPDATE is ever issued on this table). */
export interface RevisionTable {
  id: string
  negotiation_id: string
  symbol: string
  title: string
  published_at: string
  author_user_id: number | null
  author_name: string
  source: 'live' | 'import'
  /** ProseMirror JSON of the text. */
  content_json: string
  /** The Yjs state of the text (for a revision published from the live draft). */
  yjs_state: Uint8Array
  /** SHA-256 of the canonical JSON, so that a revision's integrity can be checked. */
  content_hash: string
  /** The round current when it was published; null before the negotiation had rounds. */
  round_id: string | null
}

export interface SilenceProcedureTable {
  id: string
  negotiation_id: string
  revision_id: string
  status: string
  deadline: string
  /** The procedure as the shared state machine holds it (JSON). */
  state_json: string
  /** Bumped on every change: a write that does not find the version it read is refused. */
  version: number
}

export interface RoundTable {
  id: string
  negotiation_id: string
  kind: RoundKind
  name: string
  /** YYYY-MM-DD. */
  starts_on: string
  ends_on: string | null
  created_at: string
}
