import type { Extensions } from '@tiptap/core'
import { getSchema } from '@tiptap/core'
import Document from '@tiptap/extension-document'
import Text from '@tiptap/extension-text'
import Italic from '@tiptap/extension-italic'
import UniqueID from '@tiptap/extension-unique-id'
import {
  Action,
  Commitment,
  Objective,
  ObjectiveTitle,
  Paragraph,
  Principle,
  Section,
  SectionTitle,
} from './draftNodes.ts'
import { AdRefAttribute } from './adRefAttribute.ts'
import { PasteIntoStructure } from './pasteIntoStructure.ts'
import { BlockProposals, Deletion, Insertion } from './proposalMarks.ts'
import { CoFacilitatorsDeletion, CoFacilitatorsInsertion } from './coFacilitatorsMarks.ts'
import { Bracketed } from './bracketMark.ts'
import { UniqueUids } from './uniqueUids.ts'
import { BLOCK_TYPES } from './sectionKinds.ts'
import { newUid } from './uid.ts'
import { UID_ATTRIBUTE } from '../draft/names.ts'

/**
 * The extensions that define a draft, shared by the editor, the server (conversions, demo) and
 * the tests, so that both sides agree on one schema. UniqueID gives every block a `uid` once and
 * a fresh one to the second half of a split, to pasted copies and to new blocks; UniqueUids keeps
 * them unique across the draft; pasted paragraphs take the kind of block they are pasted into.
 */
export const draftExtensions: Extensions = [
  Document.extend({ content: 'section+' }),
  Text,
  Italic,
  Insertion,
  Deletion,
  CoFacilitatorsInsertion,
  CoFacilitatorsDeletion,
  Bracketed,
  BlockProposals,
  AdRefAttribute,
  Section,
  SectionTitle,
  Paragraph,
  Principle,
  Objective,
  ObjectiveTitle,
  Commitment,
  Action,
  UniqueID.configure({
    attributeName: UID_ATTRIBUTE,
    types: [...BLOCK_TYPES],
    generateID: () => newUid(),
  }),
  UniqueUids.configure({ attributeName: UID_ATTRIBUTE, generateID: () => newUid() }),
  PasteIntoStructure,
]

/** The ProseMirror schema of a draft. */
export const draftSchema = getSchema(draftExtensions)
