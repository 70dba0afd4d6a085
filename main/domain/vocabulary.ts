/**
 * The analysts' fixed vocabularies. Plain constants with no imports, so the window can offer them
 * without pulling the document schema (zod) into the page, where the CSP forbids eval.
 */
/** ICD 203 estimative terms, in order of probability. */
export const LIKELIHOODS = [
  'almost no chance',
  'very unlikely',
  'unlikely',
  'roughly even chance',
  'likely',
  'very likely',
  'almost certain',
] as const
export const CONFIDENCES = ['low', 'moderate', 'high'] as const
/** The fixed palette annotations may use; never a free colour string from data. */
export const ANNOTATION_COLOURS = ['amber', 'blue', 'green', 'red', 'violet', 'grey'] as const

