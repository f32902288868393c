/** The words of a form's fields and of the server's refusals, in one UI language. */
export interface FormMessages {
  /** Beside the label of a field the form cannot do without. */
  required: string
  missing: string
  tooShort: (minimum: number) => string
  tooLong: (maximum: number) => string
  /** A value outside the field's pattern, the pattern said in words. */
  badUsername: string
  badDelegationCode: string
  badNegotiationId: string
  choose: string
  /** The form was sent with errors: where to look. */
  fixFields: (count: number) => string
  refused: {
    badRequest: string
    unknownDelegation: string
    forbidden: string
    notFound: string
    tooMany: string
    unavailable: string
    offline: string
    other: (status: number) => string
  }
}
