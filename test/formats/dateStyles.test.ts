/** The date styles real files use, read into EDTF with their precision kept. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readDateStyle } from '../../main/formats/dateStyles'
import { htmlToText, textToHtml } from '../../main/formats/htmlText'

const edtf = (text: string, dayFirst?: boolean) => {
  const reading = readDateStyle(text, { dayFirst })
  return reading.kind === 'date' ? reading.edtf : reading.kind
}

test('common styles become EDTF at the precision written', () => {
  assert.equal(edtf('2022-01-10'), '2022-01-10')
  assert.equal(edtf('10 January 2022'), '2022-01-10')
  assert.equal(edtf('January 10, 2022'), '2022-01-10')
  assert.equal(edtf('Jan 2022'), '2022-01')
  assert.equal(edtf('1/22/2014 12:00:00 AM'), '2014-01-22', 'midnight on a spreadsheet date means the day')
  assert.equal(edtf('1/22/2014 1:05:00 PM'), '2014-01-22T13:05:00')
  assert.equal(edtf('27/01/2014'), '2014-01-27')
  assert.equal(edtf('27-01-2014'), '2014-01-27')
  assert.equal(edtf('27.01.2014'), '2014-01-27')
  assert.equal(edtf('20220110'), '2022-01-10')
  assert.equal(edtf('2014-01-27 13:05:00'), '2014-01-27T13:05:00')
  assert.equal(edtf('1991'), '1991')
  assert.equal(edtf('1991-12'), '1991-12')
  assert.equal(edtf('2021-08~'), '2021-08~')
})

test('early and BC years get the four digits EDTF needs', () => {
  assert.equal(edtf('800'), '0800')
  assert.equal(edtf('1812'), '1812')
  assert.equal(edtf('-44'), '-0044')
  assert.equal(edtf('44 BC'), '-0043', 'astronomical numbering: 1 BC is year 0')
  assert.equal(edtf('AD 800'), '0800')
  assert.equal(edtf('25 December 800'), '0800-12-25')
})

test('day/month order: settled by the numbers, by the answer, or asked', () => {
  assert.equal(edtf('03/04/2014'), 'ambiguous')
  assert.equal(edtf('03/04/2014', true), '2014-04-03')
  assert.equal(edtf('03/04/2014', false), '2014-03-04')
  assert.equal(edtf('04/04/2014'), '2014-04-04', 'same either way')
  assert.deepEqual(readDateStyle('03/04/2014'), { kind: 'ambiguous', dayFirst: '2014-04-03', monthFirst: '2014-03-04' })
})

test('impossible dates are refused in words', () => {
  assert.deepEqual(readDateStyle('2023-02-30'), { kind: 'error', message: 'February 2023 has only 28 days, so "2023-02-30" is not a date' })
  assert.match((readDateStyle('30/02/2023') as { message: string }).message, /only 28 days/)
  assert.match((readDateStyle('1/2/14') as { message: string }).message, /2-digit year/)
  assert.match((readDateStyle('13/13/2014') as { message: string }).message, /no month/)
  assert.match((readDateStyle('banana') as { message: string }).message, /not a date Annalist recognises/)
  assert.equal(readDateStyle('').kind, 'error')
})

test('HTML becomes readable plain text; script and style contents are dropped; entities decoded once', () => {
  assert.equal(htmlToText('<p>Sherman &amp; Ryabkov</p><p>meet</p>'), 'Sherman & Ryabkov\n\nmeet')
  assert.equal(htmlToText('a<script>alert("<p>")</script>b'), 'ab')
  assert.equal(htmlToText('<a title=">" href="javascript:x">link</a>'), 'link')
  assert.equal(htmlToText('3 < 4 &lt;b&gt;'), '3 < 4 <b>', 'an encoded tag is text, not a tag')
  assert.equal(htmlToText('<ul><li>one</li><li>two</li></ul>'), '• one\n• two')
  assert.equal(htmlToText('x<!-- hidden -->y'), 'xy')
  assert.equal(htmlToText('&#0;&#x110000;'), '\ufffd\ufffd')
  const text = 'Line & <one>\n"two"'
  assert.equal(htmlToText(textToHtml(text)), text)
})
