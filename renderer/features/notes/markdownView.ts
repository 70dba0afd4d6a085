/**
 * Draws a note's text from the safe Markdown tree the main process read (paragraphs, lists,
 * emphasis, links). Every run of text is set with textContent, so nothing typed or imported is
 * ever parsed as HTML; links are buttons that ask the main process to open the web page.
 */
import type { MarkdownBlock, MarkdownInline } from '../../../main/markdown/markdownTree'
import { request } from '../../api'
import { el } from '../../dom'

function inline(node: MarkdownInline): Node {
  switch (node.type) {
    case 'text':
      return document.createTextNode(node.text)
    case 'em':
      return el('em', {}, node.children.map(inline))
    case 'strong':
      return el('strong', {}, node.children.map(inline))
    case 'link':
      return el(
        'button',
        {
          className: 'link-button',
          attrs: { type: 'button', title: node.href, 'data-href': node.href },
          on: { click: () => void request('openExternal', node.href).catch(() => undefined) },
        },
        node.children.map(inline),
      )
  }
}

function block(node: MarkdownBlock): HTMLElement {
  switch (node.type) {
    case 'p':
      return el('p', {}, node.children.map(inline))
    case 'ul':
    case 'ol': {
      const items = node.items.map((item) => el('li', {}, item.map(block)))
      const list = node.type === 'ul' ? el('ul', {}, items) : el('ol', { attrs: { start: node.start === 1 ? undefined : node.start } }, items)
      list.classList.toggle('tight', node.tight)
      return list
    }
  }
}

/** The text as a block of paragraphs and lists; an empty note says so. */
export function markdownView(blocks: readonly MarkdownBlock[], className = 'note-text'): HTMLElement {
  if (blocks.length === 0) return el('div', { className: `${className} muted`, text: 'No text.' })
  return el('div', { className }, blocks.map(block))
}
