/**
 * The shape of an annotation's text after the safe Markdown subset is read: plain data the window
 * turns into DOM nodes with `textContent`, so no analyst or imported text is ever parsed as HTML.
 * Type-only, so the renderer can import it.
 */

export type MarkdownInline =
  | { type: 'text'; text: string }
  | { type: 'em'; children: MarkdownInline[] }
  | { type: 'strong'; children: MarkdownInline[] }
  /** `href` is always an http(s) or mailto URL; anything else never becomes a link. */
  | { type: 'link'; href: string; children: MarkdownInline[] }

export type MarkdownBlock =
  | { type: 'p'; children: MarkdownInline[] }
  /**
   * Each item is a list of blocks (paragraphs, nested lists). In a `tight` list the item's
   * paragraphs are written without paragraph spacing, as Markdown itself does.
   */
  | { type: 'ul'; tight: boolean; items: MarkdownBlock[][] }
  | { type: 'ol'; tight: boolean; start: number; items: MarkdownBlock[][] }
