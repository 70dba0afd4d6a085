import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { isAllowedLink, readMarkdown } from '../../main/markdown/safeMarkdown'
import type { MarkdownBlock, MarkdownInline } from '../../main/markdown/markdownTree'

/** Every link href anywhere in the tree. */
function hrefs(blocks: MarkdownBlock[]): string[] {
  const fromInline = (nodes: MarkdownInline[]): string[] =>
    nodes.flatMap((n) => (n.type === 'text' ? [] : [...(n.type === 'link' ? [n.href] : []), ...fromInline(n.children)]))
  return blocks.flatMap((b) => (b.type === 'p' ? fromInline(b.children) : b.items.flatMap(hrefs)))
}

/** The characters a reader would see. */
function plainText(blocks: MarkdownBlock[]): string {
  const fromInline = (nodes: MarkdownInline[]): string => nodes.map((n) => (n.type === 'text' ? n.text : fromInline(n.children))).join('')
  return blocks.map((b) => (b.type === 'p' ? fromInline(b.children) : b.items.map(plainText).join('\n'))).join('\n')
}

test('an HTML image with an onerror handler stays literal text', () => {
  const tree = readMarkdown('<img src=x onerror=alert(1)>')
  assert.deepEqual(tree, [{ type: 'p', children: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] }])
})

test('a javascript: link is not a link; its characters stay visible', () => {
  const tree = readMarkdown('[x](javascript:alert(1))')
  assert.deepEqual(hrefs(tree), [])
  assert.equal(plainText(tree), '[x](javascript:alert(1))')
})

test('disguised script and data links never become links', () => {
  for (const text of [
    '[x](JaVaScRiPt:alert(1))',
    '[x](data:text/html,<script>alert(1)</script>)',
    '[x](vbscript:msgbox)',
    '[x](file:///etc/passwd)',
    '<javascript:alert(1)>',
    '[x](  javascript:alert(1))',
    '[x](java\tscript:alert(1))',
    '[x](&#106;avascript:alert(1))',
  ]) {
    assert.deepEqual(hrefs(readMarkdown(text)), [], text)
  }
})

test('http, https and mailto links are kept with their text', () => {
  const tree = readMarkdown('See [the State Department](https://www.state.gov/) or <mailto:desk@example.org>.')
  assert.deepEqual(tree, [
    {
      type: 'p',
      children: [
        { type: 'text', text: 'See ' },
        { type: 'link', href: 'https://www.state.gov/', children: [{ type: 'text', text: 'the State Department' }] },
        { type: 'text', text: ' or ' },
        { type: 'link', href: 'mailto:desk@example.org', children: [{ type: 'text', text: 'mailto:desk@example.org' }] },
        { type: 'text', text: '.' },
      ],
    },
  ])
})

test('emphasis nests inside strong and inside links', () => {
  const tree = readMarkdown('**Very *likely* escalation** and [*Geneva*](http://example.org)')
  assert.deepEqual(tree, [
    {
      type: 'p',
      children: [
        {
          type: 'strong',
          children: [{ type: 'text', text: 'Very ' }, { type: 'em', children: [{ type: 'text', text: 'likely' }] }, { type: 'text', text: ' escalation' }],
        },
        { type: 'text', text: ' and ' },
        { type: 'link', href: 'http://example.org/', children: [{ type: 'em', children: [{ type: 'text', text: 'Geneva' }] }] },
      ],
    },
  ])
})

test('nested bullet and numbered lists keep their structure and numbering', () => {
  const tree = readMarkdown('- Russia\n  1. troops\n  2. *exercises*\n- NATO\n\n3. third\n4. fourth')
  assert.deepEqual(tree, [
    {
      type: 'ul',
      tight: true,
      items: [
        [
          { type: 'p', children: [{ type: 'text', text: 'Russia' }] },
          {
            type: 'ol',
            tight: true,
            start: 1,
            items: [
              [{ type: 'p', children: [{ type: 'text', text: 'troops' }] }],
              [{ type: 'p', children: [{ type: 'em', children: [{ type: 'text', text: 'exercises' }] }] }],
            ],
          },
        ],
        [{ type: 'p', children: [{ type: 'text', text: 'NATO' }] }],
      ],
    },
    { type: 'ol', tight: true, start: 3, items: [[{ type: 'p', children: [{ type: 'text', text: 'third' }] }], [{ type: 'p', children: [{ type: 'text', text: 'fourth' }] }]] },
  ])
})

test('a list with blank lines between items is loose', () => {
  const [list] = readMarkdown('- one\n\n- two')
  assert.equal(list?.type === 'ul' && list.tight, false)
})

test('headings, code and block quotes stay as the characters typed', () => {
  assert.equal(plainText(readMarkdown('# Heading\n\n`code` > quote')), '# Heading\n`code` > quote')
})

test('an image is never loaded: it reads as "!" and a plain link to the picture', () => {
  const [paragraph] = readMarkdown('![map](https://example.org/map.png)')
  assert.deepEqual(paragraph, {
    type: 'p',
    children: [{ type: 'text', text: '!' }, { type: 'link', href: 'https://example.org/map.png', children: [{ type: 'text', text: 'map' }] }],
  })
})

test('isAllowedLink parses the URL instead of matching a prefix', () => {
  assert.equal(isAllowedLink('https://example.org'), true)
  assert.equal(isAllowedLink('mailto:a@b.c'), true)
  assert.equal(isAllowedLink('javascript:alert(1)'), false)
  assert.equal(isAllowedLink('//example.org'), false)
  assert.equal(isAllowedLink('https'), false)
})

test('any text reads without throwing and every link in the tree is http(s) or mailto', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('[', ']', '(', ')', '<', '>', '*', '_', '-', ' ', '\n', '1', '.', 'a', ':', '/', 'javascript:', 'http://x', '&#', ';', '\\') , maxLength: 60 }), (text) => {
      for (const href of hrefs(readMarkdown(text))) assert.ok(isAllowedLink(href), href)
    }),
    { numRuns: 2_000 },
  )
})
