/** The words a note's history uses for each version: what it changed, or which version it brought back. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { AnnotationVersion } from '../../main/domain/timeline'
import { changeInWords } from '../../renderer/features/notes/noteHistory'

const first: AnnotationVersion = {
  anchor: { kind: 'span', date: '2022-01-10/2022-01-13' },
  label: 'Week of talks',
  text: 'Geneva, Brussels and Vienna.',
  tags: ['diplomacy'],
  colour: 'blue',
  links: { events: [], sources: [] },
  author: { name: 'Jane Analyst', initials: 'JA' },
  updated: '2022-01-14T09:00:00.000Z',
}

test('each version is described by what it changed from the one before', () => {
  const relabelled = { ...first, label: 'Week of talks: no convergence', judgement: { likelihood: 'very unlikely', confidence: 'moderate' } as const }
  const moved = { ...relabelled, anchor: { kind: 'span', date: '2022-01-09/2022-01-13' } as const, tags: ['diplomacy', 'talks'] }
  const versions = [first, relabelled, moved]
  assert.equal(changeInWords(versions, 0), 'First version')
  assert.equal(changeInWords(versions, 1), 'Changed the label and judgement')
  assert.equal(changeInWords(versions, 2), 'Changed the dates and tags')
})

test('a version equal to an earlier one (not the one just before) is named as restored', () => {
  const edited = { ...first, text: 'Three formats in four days.' }
  const restored = { ...first, author: { name: 'Omar Colleague', initials: 'OC' }, updated: '2022-01-15T09:00:00.000Z' }
  assert.equal(changeInWords([first, edited, restored], 2), 'Restored version 1')
  assert.equal(changeInWords([first, edited], 1), 'Changed the text')
})
