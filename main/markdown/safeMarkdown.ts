/**
 * Annotation text: a safe Markdown subset (paragraphs, emphasis, strong, lists, links) read into a
 * small JSON tree (see markdownTree.ts). HTML is switched off, so `<img onerror=…>` stays text;
 * every other Markdown construct (headings, code, images, tables) stays as the characters typed.
 * Links survive only for http(s) and mailto; any other target becomes its plain text.
 */
import MarkdownIt, { type Token } from 'markdown-it'
import type { MarkdownBlock, MarkdownInline } from './markdownTree'

// 'zero' enables only paragraphs and text; each rule added here is a construct analysts may use.
const reader = new MarkdownIt('zero', { html: false, linkify: false, typographer: false }).enable([
  'emphasis',
  'list',
  'link',
  'autolink',
  'newline',
  'escape',
])

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/**
 * The link's URL in canonical form if it may be a link, else null. Parses the URL rather than
 * testing its prefix, so `JaVaScRiPt:` or an entity-encoded scheme cannot slip by.
 */
export function allowedLink(href: string): string | null {
  try {
    const url = new URL(href)
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : null
  } catch {
    return null
  }
}

export function isAllowedLink(href: string): boolean {
  return allowedLink(href) !== null
}

/** Joins neighbouring text nodes, which unwrapping a refused link can leave behind. */
function mergeText(nodes: MarkdownInline[]): MarkdownInline[] {
  const merged: MarkdownInline[] = []
  for (const node of nodes) {
    const last = merged.at(-1)
    if (node.type === 'text' && last?.type === 'text') last.text += node.text
    else merged.push(node)
  }
  return merged
}

/** Reads inline tokens from `start` until the closing token of type `until` (or the end). */
function readInline(tokens: Token[], start: number, until: string | null): { nodes: MarkdownInline[]; next: number } {
  const nodes: MarkdownInline[] = []
  let i = start
  while (i < tokens.length) {
    const token = tokens[i]!
    if (token.type === until) return { nodes: mergeText(nodes), next: i + 1 }
    switch (token.type) {
      case 'text':
        if (token.content) nodes.push({ type: 'text', text: token.content })
        i++
        break
      case 'softbreak':
      case 'hardbreak':
        nodes.push({ type: 'text', text: '\n' })
        i++
        break
      case 'em_open':
      case 'strong_open': {
        const inner = readInline(tokens, i + 1, token.type.replace('_open', '_close'))
        nodes.push({ type: token.type === 'em_open' ? 'em' : 'strong', children: inner.nodes })
        i = inner.next
        break
      }
      case 'link_open': {
        const inner = readInline(tokens, i + 1, 'link_close')
        const href = allowedLink(String(token.attrGet('href') ?? ''))
        if (href) nodes.push({ type: 'link', href, children: inner.nodes })
        else nodes.push(...inner.nodes)
        i = inner.next
        break
      }
      default:
        // Any token from a rule not enabled above would be a bug; keep its characters, never markup.
        if (token.content) nodes.push({ type: 'text', text: token.content })
        i++
    }
  }
  return { nodes: mergeText(nodes), next: i }
}

/** Reads block tokens from `start` until a closing token of type `until` (or the end). */
function readBlocks(tokens: Token[], start: number, until: string | null): { blocks: MarkdownBlock[]; next: number } {
  const blocks: MarkdownBlock[] = []
  let i = start
  while (i < tokens.length) {
    const token = tokens[i]!
    if (token.type === until) return { blocks, next: i + 1 }
    if (token.type === 'paragraph_open') {
      const inline = tokens[i + 1]
      const children = inline?.type === 'inline' ? readInline(inline.children ?? [], 0, null).nodes : []
      blocks.push({ type: 'p', children })
      i += 3 // paragraph_open, inline, paragraph_close
    } else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      const close = token.type.replace('_open', '_close')
      const items: MarkdownBlock[][] = []
      let tight = true
      i++
      while (i < tokens.length && tokens[i]!.type !== close) {
        // list_item_open … list_item_close
        const item = readBlocks(tokens, i + 1, 'list_item_close')
        items.push(item.blocks)
        // Only this list's own paragraphs (two levels down) say whether it is tight; nested lists decide for themselves.
        for (let j = i + 1; j < item.next; j++) {
          const inner = tokens[j]!
          if (inner.type === 'paragraph_open' && inner.level === token.level + 2 && !inner.hidden) tight = false
        }
        i = item.next
      }
      i++
      if (token.type === 'bullet_list_open') blocks.push({ type: 'ul', tight, items })
      else blocks.push({ type: 'ol', tight, start: Number(token.attrGet('start') ?? 1), items })
    } else {
      i++
    }
  }
  return { blocks, next: i }
}

/** The annotation's text as a tree of paragraphs, lists and inline runs; never HTML. */
export function readMarkdown(text: string): MarkdownBlock[] {
  return readBlocks(reader.parse(text, {}), 0, null).blocks
}
