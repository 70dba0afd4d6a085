import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { readDate, readDateWithEdtf } from '../../main/domain/dates'

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'))
const year = fc.integer({ min: 990, max: 2030 }).map((n) => String(n).padStart(4, '0'))
const qualifier = fc.constantFrom('', '', '?', '~', '%')
const single = fc.oneof(
  fc.tuple(year, qualifier).map(([y, q]) => `${y}${q}`),
  fc.tuple(year, two(13), qualifier).map(([y, m, q]) => `${y}-${m}${q}`),
  fc.tuple(year, two(13), two(32), qualifier).map(([y, m, d, q]) => `${y}-${m}-${d}${q}`),
  fc.tuple(year, two(13), two(32), two(25), two(60), two(60)).map(([y, m, d, h, mi, s]) => `${y}-${m}-${d}T${h}:${mi}:${s}Z`),
)
const openEnd = fc.constantFrom('', '..')
const dateText = fc.oneof(
  single,
  fc.tuple(single, single).map(([a, b]) => `${a}/${b}`),
  fc.tuple(single, openEnd).map(([a, b]) => `${a}/${b}`),
  fc.tuple(openEnd, single).map(([a, b]) => `${a}/${b}`),
  fc.tuple(fc.constantFrom('[', '{'), fc.array(single, { minLength: 1, maxLength: 3 })).map(([open, members]) => `${open}${members.join(',')}${open === '[' ? ']' : '}'}`),
)

test('reads every plain shape exactly as the edtf package does, including the ones it refuses', () => {
  fc.assert(
    fc.property(dateText, (text) => {
      assert.deepEqual(readDate(text), readDateWithEdtf(text))
    }),
    { numRuns: 3_000 },
  )
})

test('the rarer shapes, left to the edtf package, read the same', () => {
  for (const text of ['[2022-01-06,2022-01-07]', '2021-11/..', '/2022-02', '201X', '2004-?06-~11', '2022-01-10T10:07:00+03:00', ' 1991-12 ']) {
    assert.deepEqual(readDate(text), readDateWithEdtf(text), text)
  }
})

test('a month is a span from its first to its last millisecond', () => {
  const reading = readDate('1991-12')
  assert.ok(reading.ok)
  assert.equal(reading.span.start, Date.UTC(1991, 11, 1))
  assert.equal(reading.span.end, Date.UTC(1992, 0, 1) - 1)
  assert.equal(reading.span.precision, 'month')
})
