/** What the export dialog says a figure left out or summed up, in the analyst's words. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { previewSummary } from '../../renderer/features/exportFigure/figurePreview'

test('the dialog says how many events crowded lanes draw as counts, and by which stretch', () => {
  const lines = previewSummary({ events: 100_000, labelsDropped: 3, counted: { events: 99_000, unit: 'month' }, notesOmitted: 0, undrawable: [] })
  assert.deepEqual(lines, ['100,000 events in the figure', '99,000 events in crowded lanes drawn as counts per month', '3 labels omitted to avoid overlaps (markers shown)'])
  assert.deepEqual(previewSummary({ events: 12, labelsDropped: 0, counted: null, notesOmitted: 0, undrawable: [] }), ['12 events in the figure'])
})
