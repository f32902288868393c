import { mayBeAdRef } from '../../../shared/adReferendum.ts'
import { setParagraphStatus } from '../api/paragraphStatus.ts'
import { useSubmission, wordFailure } from '../api/useSubmission.ts'
import type { BlockAtCaret } from '../history/useBlockAtCaret.ts'
import { useAdRefMessages } from './useAdRefMessages.ts'

/**
 * The co-facilitators' button on the paragraph or action at the caret: agree it ad referendum,
 * or reopen it. The status comes back live through the document; a refusal (open proposals
 * on it, a frozen text) is shown as the button's title and in an alert.
 */
export function AdRefButton(props: { negotiationId: string; block: BlockAtCaret | null }) {
  const t = useAdRefMessages()
  const { submission, submit } = useSubmission()
  const { block } = props
  const applies = block !== null && mayBeAdRef(block.type)
  const label = block?.isAdRef ? t.reopenAdRef(block.label) : t.markAdRef(block?.label ?? null)
  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="ad-ref-button"
        aria-pressed={block?.isAdRef ?? false}
        disabled={!applies || submission.status === 'pending'}
        title={applies ? undefined : t.adRefHint}
        onClick={() => {
          if (!block) return
          void submit(async () => {
            await setParagraphStatus(
              props.negotiationId,
              block.uid,
              block.isAdRef ? 'open' : 'adRef',
            )
            return ''
          }, wordFailure(t.adRefFailed))
        }}
      >
        {label}
      </button>
      {submission.status === 'failed' && (
        <span className="ad-ref-error" role="alert">
          {submission.message}
        </span>
      )}
    </>
  )
}
