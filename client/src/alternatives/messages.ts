/** The strings of alternatives: the boxes beside the paragraphs and the dialog to propose one. */
export interface AlternativeMessages {
  /** The header's button, with the paragraph at the caret ("§ 23", "7 d)"). */
  propose: (label: string | null) => string
  proposeHint: string
  dialogTitle: (label: string | null) => string
  dialogIntro: string
  wording: string
  rationale: string
  submit: string
  cancel: string
  failed: (reason: string) => string
  /** A box's name for screen readers: "Alt 23. proposed by France". */
  boxLabel: (alt: string, delegation: string) => string
  accept: string
  reject: string
  withdraw: string
  rationaleLabel: string
  supporters: string
}
