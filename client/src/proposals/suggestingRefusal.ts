/**
 * Why a change cannot be made as a proposal (a join, a split, a change of structure or format,
 * a move, a paragraph agreed ad referendum): the suggesting mode refuses it, the proposals'
 * strings word it.
 */
export type SuggestingRefusal = 'join' | 'split' | 'structure' | 'format' | 'move' | 'adRef'
