/** The Admiralty code (NATO STANAG 2511 / AJP-2.1): two independent marks written together, e.g. `B2`. */

const RELIABILITY: Record<string, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
}

const CREDIBILITY: Record<string, string> = {
  '1': 'confirmed by other sources',
  '2': 'probably true',
  '3': 'possibly true',
  '4': 'doubtful',
  '5': 'improbable',
  '6': 'truth cannot be judged',
}

export const RELIABILITY_LETTERS = Object.keys(RELIABILITY)
export const CREDIBILITY_DIGITS = Object.keys(CREDIBILITY)

export function isSourceGrade(grade: string): boolean {
  return /^[A-F][1-6]$/.test(grade)
}

/** "B2" → "source usually reliable; information probably true". */
export function describeGrade(grade: string): string {
  if (!isSourceGrade(grade)) return 'not graded'
  return `source ${RELIABILITY[grade[0]!]}; information ${CREDIBILITY[grade[1]!]}`
}

/**
 * Orders grades best first. Reliability is compared first; F ("cannot be judged") and 6 sort after
 * E and 5 because an unknown is no evidence at all.
 */
export function compareGrades(a: string, b: string): number {
  const rank = (g: string) => (isSourceGrade(g) ? (g.charCodeAt(0) - 65) * 10 + Number(g[1]) : 1_000)
  return rank(a) - rank(b)
}

export function bestGrade(grades: readonly string[]): string {
  return [...grades].sort(compareGrades)[0] ?? ''
}
