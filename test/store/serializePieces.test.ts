/**
 * Folding a journal writes the file a piece at a time; the text must be exactly what a whole save
 * writes (the one documented format), whatever the entities hold and wherever the pieces break.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { serializeTimeline, serializeTimelinePieces } from '../../main/store/timelineFile'
import { syntheticTimeline } from '../../bench/synthetic'
import { note, sampleDocument } from './helpers'

test('the text written in pieces is byte for byte the text of a whole save', () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.integer({ min: 1, max: 5 }),
      (texts, title, perPiece) => {
        const base = sampleDocument(title || 'untitled')
        const document = { ...base, annotations: texts.map((text, i) => ({ ...note(`n${i}`, text), label: text, tags: [text] })) }
        assert.equal([...serializeTimelinePieces(document, perPiece)].join(''), serializeTimeline(document))
      },
    ),
    { numRuns: 300 },
  )
  const synthetic = syntheticTimeline({ events: 3_000, annotations: 400 })
  assert.equal([...serializeTimelinePieces(synthetic, 7)].join(''), serializeTimeline(synthetic))
  const empty = { ...sampleDocument(), lanes: [], events: [], annotations: [] }
  assert.equal([...serializeTimelinePieces(empty)].join(''), serializeTimeline(empty))
})
