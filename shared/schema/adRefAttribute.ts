import { Extension } from '@tiptap/core'
import { AD_REF_ATTR, AD_REF_BLOCKS } from '../draft/names.ts'

/**
 * The status of a paragraph or action agreed ad referendum, as a node attribute, so that the
 * editor shows it and keeps it: a schema without it would drop the attribute, and the editor
 * would then try to remove it from the shared document. Never kept on split: the new half is
 * new text, not agreed. Only the server writes it.
 */
export const AdRefAttribute = Extension.create({
  name: 'adRefAttribute',
  addGlobalAttributes: () => [
    {
      types: [...AD_REF_BLOCKS],
      attributes: {
        [AD_REF_ATTR]: {
          default: null,
          keepOnSplit: false,
          parseHTML: () => null,
          renderHTML: (attributes: Record<string, unknown>) =>
            attributes[AD_REF_ATTR] === true ? { 'data-ad-ref': 'true' } : {},
        },
      },
    },
  ],
})
