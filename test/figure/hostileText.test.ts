/**
 * Imported titles are data, never markup: a figure of hostile titles holds no script, no element
 * from the data, no external reference, and still parses as XML.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { XMLValidator } from 'fast-xml-parser'
import { renderFigure } from '../../main/figure/renderFigure'
import { loadFigureFonts } from '../../main/figure/fonts'
import { escapeXml } from '../../main/figure/svgMarkup'
import { hostileTimeline, HOSTILE_TITLES } from './fixtures'
import { textsOf } from './svgText'

const fonts = loadFigureFonts()

function hostileFigure(embedFont: boolean) {
  return renderFigure(hostileTimeline(), { banner: '</text><script>alert("banner")</script>', title: '<title>x</title>&', footnotes: true }, { fonts, embedFont })
}

test('hostile titles come out as text: no script, no injected elements, no external references', () => {
  for (const embedFont of [false, true]) {
    const { svg } = hostileFigure(embedFont)
    assert.equal(XMLValidator.validate(svg), true)
    // Check the markup only: escaped text may well spell out "<script", which is the point.
    // The SVG namespace name is an identifier, never fetched.
    const markup = svg.replace(/>[^<]*</g, '><').replace(' xmlns="http://www.w3.org/2000/svg"', '')
    assert.doesNotMatch(svg, /<script/i, 'no script, even in text')
    assert.doesNotMatch(markup, /<image|<a[\s>]|<foreignObject|<tspan|<use/i)
    assert.doesNotMatch(markup, /\s(xlink:)?href=/i, 'no links of any kind')
    assert.doesNotMatch(markup, /url\((?!data:font\/ttf;base64,)/i, 'only the embedded font as a url()')
    assert.doesNotMatch(markup, /\son[a-z]+=/i, 'no event-handler attributes')
    assert.doesNotMatch(svg, /<!ENTITY|<!DOCTYPE/i)
    assert.doesNotMatch(markup, /https?:/i, 'no external address in the markup')
  }
})

test('the hostile titles are still shown, character for character, minus what XML cannot hold', () => {
  const texts = textsOf(hostileFigure(false).svg)
  for (const title of HOSTILE_TITLES) {
    const readable = title.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDFFF]/g, '')
    assert.ok(texts.some((t) => t.startsWith(readable)), `"${readable}" is drawn`)
  }
  assert.ok(texts.includes('</text><script>alert("banner")</script>'), 'the banner is text')
})

test('escapeXml escapes markup and drops characters XML 1.0 forbids', () => {
  assert.equal(escapeXml(`<a href="x">Tom & 'Jerry'</a>`), '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;')
  assert.equal(escapeXml('a\u0000b\u0007c\uD800d\uFFFEe'), 'abcde')
  assert.equal(escapeXml('emoji 🇺🇦 stays'), 'emoji 🇺🇦 stays')
  assert.equal(escapeXml('עברית'), 'עברית')
})
