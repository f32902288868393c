import { Extension, Mark, mergeAttributes } from '@tiptap/core'
import {
  DELETED_BY_ATTR,
  DELETION_MARK,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  PROPOSABLE_BLOCKS,
  type ProposalRef,
} from '../draft/index.ts'

const refAttributes = () => ({
  proposalId: { default: null },
  delegation: { default: null },
})

const refDataAttributes = (attrs: Record<string, unknown>) => ({
  'data-proposal': attrs.proposalId,
  'data-delegation': attrs.delegation,
})

/** Proposed new text. Not inclusive: the suggesting mode decides whom typed text belongs to. */
export const Insertion = Mark.create({
  name: INSERTION_MARK,
  inclusive: false,
  addAttributes: refAttributes,
  parseHTML: () => [{ tag: 'ins[data-proposal]' }],
  renderHTML: ({ HTMLAttributes, mark }) => [
    'ins',
    mergeAttributes(HTMLAttributes, refDataAttributes(mark.attrs), { class: 'proposal-insertion' }),
    0,
  ],
})

/** Text proposed for deletion. Excludes nothing, so deletions by several delegations overlap. */
export const Deletion = Mark.create({
  name: DELETION_MARK,
  inclusive: false,
  excludes: '',
  addAttributes: refAttributes,
  parseHTML: () => [{ tag: 'del[data-proposal]' }],
  renderHTML: ({ HTMLAttributes, mark }) => [
    'del',
    mergeAttributes(HTMLAttributes, refDataAttributes(mark.attrs), { class: 'proposal-deletion' }),
    0,
  ],
})

const blockRefAttribute = (name: string, dataName: string) => ({
  default: null,
  parseHTML: () => null,
  renderHTML: (attributes: Record<string, unknown>) => {
    const ref = attributes[name] as ProposalRef | null
    return ref ? { [dataName]: ref.delegation, [`${dataName}-proposal`]: ref.proposalId } : {}
  },
})

/** Whole blocks proposed (`insertedBy`) or proposed for deletion (`deletedBy`). */
export const BlockProposals = Extension.create({
  name: 'blockProposals',
  addGlobalAttributes: () => [
    {
      types: [...PROPOSABLE_BLOCKS],
      attributes: {
        [INSERTED_BY_ATTR]: blockRefAttribute(INSERTED_BY_ATTR, 'data-inserted-by'),
        [DELETED_BY_ATTR]: blockRefAttribute(DELETED_BY_ATTR, 'data-deleted-by'),
      },
    },
  ],
})
