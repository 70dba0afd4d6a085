/** data/timeline.schema.json is what the zod schema generates, and it describes real files. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { timelineJsonSchemaText } from '../../main/formats/jsonSchema'

const committed = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'timeline.schema.json')

test('the committed JSON Schema matches the zod schema (regenerate: npm run schema)', () => {
  assert.equal(readFileSync(committed, 'utf8'), timelineJsonSchemaText())
})

test('the JSON Schema is strict and names the parts an analyst sees', () => {
  const schema = JSON.parse(timelineJsonSchemaText())
  assert.equal(schema.properties.schemaVersion.const, 1)
  assert.equal(schema.additionalProperties, false)
  assert.deepEqual(schema.required.sort(), ['annotations', 'events', 'lanes', 'meta', 'schemaVersion'])
  const event = schema.properties.events.items
  assert.equal(event.additionalProperties, false)
  assert.equal(event.properties.sources.items.properties.grade.pattern, '^[A-F][1-6]$')
  assert.ok(schema.properties.annotations.items.properties.history)
})
