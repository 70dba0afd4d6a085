/**
 * Writing SVG text safely. Every string from a timeline passes through `escapeXml`, which also
 * removes characters XML 1.0 forbids outright (control characters, lone surrogates): one of those
 * in an imported title would otherwise make the whole figure unreadable to every SVG parser.
 */

const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN_IN_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!)
}

/** Titles may hold newlines and tabs; a label is one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

export type Attributes = Record<string, string | number | undefined | false>

/** Numbers are rounded to 0.01 px: enough for print, and keeps 10,000-event figures small. */
function value(v: string | number): string {
  return typeof v === 'number' ? String(Math.round(v * 100) / 100) : escapeXml(v)
}

export function attributes(attrs: Attributes): string {
  let out = ''
  for (const [name, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue
    out += ` ${name}="${value(v)}"`
  }
  return out
}

/** An element; `children` is already-safe markup (built by these helpers), never raw data. */
export function element(name: string, attrs: Attributes, children?: string): string {
  return children === undefined ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${children}</${name}>`
}

/** A text element: the text is escaped here, so callers pass data as it is. */
export function textElement(text: string, attrs: Attributes): string {
  return element('text', attrs, escapeXml(text))
}
