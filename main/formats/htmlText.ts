/**
 * HTML from TimelineJS (slide text, sheet `Text` cells) → plain text an analyst can read, and
 * back. A small tokenizer rather than regex replacement: it understands quoted attributes (so
 * `<a title=">">` does not end early), drops the contents of script/style and similar elements
 * (code, not prose), turns line-level tags into line breaks and decodes entities once. The output is
 * only ever shown as text, never parsed as HTML again.
 */

const DROP_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'head', 'title'])
const LINE_BREAKS = new Set(['br', 'p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'table', 'section', 'article', 'hr'])

const NAMED_ENTITIES: Readonly<Record<string, string>> = Object.freeze(Object.assign(Object.create(null), {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', bull: '•', middot: '·',
  copy: '©', reg: '®', trade: '™', deg: '°', euro: '€', pound: '£', yen: '¥', cent: '¢', sect: '§',
  eacute: 'é', egrave: 'è', ecirc: 'ê', aacute: 'á', agrave: 'à', acirc: 'â', auml: 'ä', ouml: 'ö',
  uuml: 'ü', szlig: 'ß', ccedil: 'ç', ntilde: 'ñ', oacute: 'ó', iacute: 'í', uacute: 'ú', oslash: 'ø',
  aring: 'å', aelig: 'æ', times: '×', divide: '÷', minus: '−', prime: '′', Prime: '″',
}))

/** Decodes character references; unknown names stay as written, invalid numbers become U+FFFD. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,8}|#\d{1,10}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10)
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd'
      return String.fromCodePoint(code)
    }
    return NAMED_ENTITIES[body] ?? whole
  })
}

/** Index of the `>` that ends the tag starting at `start`, honouring quoted attribute values; -1 if none. */
function tagEnd(html: string, start: number): number {
  let quote = ''
  for (let i = start + 1; i < html.length; i++) {
    const c = html[i]
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '>') return i
  }
  return -1
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\f\r\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

export function htmlToText(html: string): string {
  let out = ''
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    if (lt < 0) {
      out += html.slice(i).replace(/\s+/g, ' ')
      break
    }
    out += html.slice(i, lt).replace(/\s+/g, ' ')
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4)
      i = close < 0 ? html.length : close + 3
      continue
    }
    const next = html[lt + 1] ?? ''
    if (!/[A-Za-z/!?]/.test(next)) {
      out += '&lt;' // a lone "<" is text; encoded so the single decode below restores it
      i = lt + 1
      continue
    }
    const end = tagEnd(html, lt)
    if (end < 0) {
      out += '&lt;'
      i = lt + 1
      continue
    }
    const name = /^<\/?\s*([A-Za-z][A-Za-z0-9-]*)/.exec(html.slice(lt, Math.min(end + 1, lt + 64)))?.[1]?.toLowerCase() ?? ''
    const closing = html[lt + 1] === '/'
    i = end + 1
    if (!closing && DROP_CONTENT.has(name) && !/\/\s*>$/.test(html.slice(lt, end + 1))) {
      const closeAt = html.toLowerCase().indexOf(`</${name}`, i)
      i = closeAt < 0 ? html.length : (tagEnd(html, closeAt) + 1 || html.length)
      continue
    }
    if (name === 'li') out += closing ? '' : '\n• '
    else if (LINE_BREAKS.has(name)) out += '\n'
  }
  return tidy(decodeEntities(out))
}

/** Plain text → HTML that shows the same text: escaped, line breaks as `<br>`. */
export function textToHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\r?\n/g, '<br>')
}
