/**
 * Writes the bad-input corpus into test/fixtures/bad-input/: malformed and truncated files of every
 * import format, deep nesting, prototype-pollution keys, hostile strings, UTF-16, NUL bytes and
 * impossible dates, with manifest.json saying what each must do:
 *   "refused"      – nothing is imported and the analyst is told where the problem is;
 *   "kept-as-text" – the file imports, and the hostile string is stored as inert text.
 * Oversized files (a 300 MB file, a 1.1 MB cell) are made by the test itself in a temp folder, not committed.
 * Run: npx tsx scripts/writeBadInputCorpus.ts
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.join(root, 'test', 'fixtures', 'bad-input')
const formats = path.join(root, 'test', 'fixtures', 'formats')

type Expect = 'refused' | 'kept-as-text'
interface Entry {
  file: string
  expect: Expect
  what: string
  /** For kept-as-text: a string that must appear verbatim in the imported timeline. */
  keeps?: string
}

const entries: Entry[] = []
const files = new Map<string, Uint8Array | string>()
function add(name: string, contents: Uint8Array | string, expect: Expect, what: string, keeps?: string) {
  const file = `${String(entries.length + 1).padStart(3, '0')}-${name}`
  files.set(file, contents)
  entries.push({ file, expect, what, ...(keeps ? { keeps } : {}) })
}

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
const utf16be = (text: string) => Buffer.from(utf16le(text)).swap16()

const doc = (events: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ schemaVersion: 1, meta: { title: 'T', description: '', created: '2022-01-01T00:00:00.000Z', updated: '2022-01-01T00:00:00.000Z' }, lanes: [], events, annotations: [], ...extra })
const event = (fields: Record<string, unknown> = {}) => ({ id: 'e1', title: 'Geneva talks', date: '2022-01-10', description: '', lanes: [], tags: [], sources: [], ...fields })
const slides = (events: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ events, ...extra })
const slide = (fields: Record<string, unknown> = {}) => ({ start_date: { year: 2022, month: 1, day: 10 }, text: { headline: 'Geneva talks', text: '' }, ...fields })
const xml = (events: string, head = '<timetype>gregoriantime</timetype>') => `<?xml version="1.0" encoding="utf-8"?>\n<timeline>\n<version>2.4.0</version>\n${head}\n<categories></categories>\n<events>\n${events}\n</events>\n</timeline>\n`
const xmlEvent = (start: string, text = 'Geneva talks', extra = '') => `<event><start>${start}</start><end>${start}</end><text>${text}</text>${extra}</event>`

const HOSTILE = [
  ['script-tag', '<script>alert(document.cookie)</script>'],
  ['img-onerror', '<img src=x onerror=alert(1)>'],
  ['javascript-url', 'javascript:alert(1)'],
  ['svg-onload', '<svg/onload=fetch("https://evil.example")>'],
  ['template-injection', '{{constructor.constructor("alert(1)")()}}'],
  ['sql', "Robert'); DROP TABLE events;--"],
  ['format-string', '%s%s%s%n%x'],
  ['path-traversal', '../../../../etc/passwd'],
  ['rtl-override', 'Geneva \u202Egnp.exe'],
  ['zero-width', 'Gene\u200Bva\u200D\uFEFF talks'],
  ['emoji-and-astral', 'Talks 🇨🇭 𝒢𝑒𝓃𝑒𝓋𝒶'],
  ['css-expression', 'x" style="background:url(javascript:alert(1))'],
  ['proto-text', '__proto__'],
  ['iframe', '<iframe src="https://evil.example"></iframe>'],
] as const

async function build() {
  // ---- native JSON: truncations of a real file
  const native = await readFile(path.join(formats, 'annalist.json'), 'utf8')
  for (const fraction of [0.05, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 0.99]) {
    add(`native-truncated-${Math.round(fraction * 100)}pc.json`, native.slice(0, Math.floor(native.length * fraction)), 'refused', `Annalist JSON cut at ${fraction * 100}%`)
  }
  const timelineJs = await readFile(path.join(formats, 'timelinejs.json'), 'utf8')
  for (const fraction of [0.1, 0.5, 0.95]) add(`timelinejs-truncated-${Math.round(fraction * 100)}pc.json`, timelineJs.slice(0, Math.floor(timelineJs.length * fraction)), 'refused', `TimelineJS JSON cut at ${fraction * 100}%`)
  const acled = await readFile(path.join(formats, 'acled.csv'), 'utf8')
  add('acled-truncated-in-quote.csv', acled.slice(0, acled.indexOf('residents gathered')), 'refused', 'ACLED CSV cut inside a quoted cell')
  const mw = await readFile(path.join(formats, 'crisis.mw'), 'utf8')
  add('markwhen-truncated-header.mw', mw.slice(0, 30), 'refused', 'Markwhen cut inside its header')
  const tl = await readFile(path.join(formats, 'crisis.timeline'), 'utf8')
  add('timeline-truncated.timeline', tl.slice(0, Math.floor(tl.length / 2)), 'refused', 'Timeline XML cut in half')

  // ---- malformed JSON
  const malformed: Array<[string, string]> = [
    ['trailing-comma', doc([event()]).replace(']', ',]')],
    ['single-quotes', "{'schemaVersion': 1, 'events': []}"],
    ['comments', `// exported\n${doc([event()])}`],
    ['nan', doc([event()]).replace('"schemaVersion":1', '"schemaVersion":NaN')],
    ['unquoted-keys', '{schemaVersion: 1, events: []}'],
    ['empty', ''],
    ['only-spaces', '   \n\t  '],
    ['null', 'null'],
    ['array', '[]'],
    ['string', '"events"'],
    ['number', '42'],
    ['two-documents', `${doc([event()])}${doc([event()])}`],
    ['bad-escape', doc([event({ title: 'x' })]).replace('"x"', '"\\x41"')],
    ['raw-control-char', doc([event({ title: 'x' })]).replace('"x"', '"a\u0001b"')],
    ['lone-surrogate-escape', doc([event({ title: 'x' })]).replace('"x"', '"\\ud800"')],
  ]
  for (const [name, text] of malformed) add(`json-${name}.json`, text, name === 'lone-surrogate-escape' ? 'kept-as-text' : 'refused', `malformed JSON: ${name}`, name === 'lone-surrogate-escape' ? 'Geneva' : undefined)

  // ---- deep nesting
  for (const depth of [65, 1_000, 100_000]) {
    add(`json-nested-${depth}.json`, `{"schemaVersion":1,"events":[${'['.repeat(depth)}${']'.repeat(depth)}]}`, 'refused', `${depth} levels of nesting`)
  }
  add('timelinejs-nested-objects.json', `{"events":[{"text":${'{"a":'.repeat(500)}1${'}'.repeat(500)}}]}`, 'refused', 'deeply nested objects inside a slide')

  // ---- prototype pollution
  add('json-proto-top.json', `{"__proto__":{"polluted":true},${doc([event()]).slice(1)}`, 'refused', '__proto__ at the top')
  add('json-proto-in-event.json', doc([{ ...event(), marker: 1 }]).replace('"marker":1', '"__proto__":{"polluted":true}'), 'refused', '__proto__ inside an event')
  add('json-constructor-prototype.json', doc([{ ...event(), marker: 1 }]).replace('"marker":1', '"constructor":{"prototype":{"polluted":true}}'), 'refused', 'constructor.prototype inside an event')
  add('timelinejs-proto-slide.json', slides([{ ...slide(), marker: 1 }]).replace('"marker":1', '"__proto__":{"polluted":true}'), 'refused', '__proto__ in a TimelineJS slide')
  add('timelinejs-prototype-key.json', slides([{ ...slide(), prototype: { polluted: true } }]), 'refused', 'a bare "prototype" key in a slide')
  add('timelinejs-constructor-key.json', slides([{ ...slide(), constructor: 'x' }]), 'refused', 'a "constructor" key with a plain value')
  add('timelinejs-proto-escaped.json', slides([{ ...slide(), marker: 1 }]).replace('"marker":1', '"\\u005f_proto__":{"polluted":true}'), 'refused', '__proto__ written with a unicode escape')
  add('csv-proto-header.csv', '__proto__,constructor,date,title\n{"polluted":true},x,2022-01-10,Geneva talks\n', 'kept-as-text', 'CSV columns named __proto__ and constructor', 'Geneva talks')
  add('timeline-proto-tag.timeline', xml(xmlEvent('2022-01-10 00:00:00', 'Geneva talks', '<__proto__><polluted>true</polluted></__proto__>')), 'refused', '__proto__ as an XML element')
  add('timeline-constructor-tag.timeline', xml(xmlEvent('2022-01-10 00:00:00', 'Geneva talks', '<constructor>x</constructor>')), 'refused', 'constructor as an XML element')

  // ---- schema violations in native JSON
  add('native-impossible-date.json', doc([event({ date: '2023-02-30' })]), 'refused', 'event dated 30 February 2023')
  add('native-no-title.json', doc([event({ title: '' })]), 'refused', 'event without a title')
  add('native-title-number.json', doc([event({ title: 42 })]), 'refused', 'title that is a number')
  add('native-unknown-field.json', doc([event({ onclick: 'alert(1)' })]), 'refused', 'event with a field the schema does not have')
  add('native-newer-version.json', doc([event()]).replace('"schemaVersion":1', '"schemaVersion":99'), 'refused', 'file from a newer Annalist')
  add('native-no-events.json', JSON.stringify({ schemaVersion: 1, meta: {} }), 'refused', 'no events list')
  add('native-events-not-list.json', JSON.stringify({ schemaVersion: 1, events: { a: 1 } }), 'refused', 'events is an object')
  add('native-bad-grade.json', doc([event({ sources: [{ id: 's', title: 'x', grade: 'Z9' }] })]), 'refused', 'source grade Z9')
  add('native-latitude-200.json', doc([event({ location: { name: 'x', latitude: 200, longitude: 0 } })]), 'refused', 'latitude 200')
  add('native-huge-id.json', doc([event({ id: 'x'.repeat(5_000) })]), 'refused', 'a 5,000-character id')
  add('native-empty-events.json', doc([]), 'refused', 'no events at all')
  add('native-duplicate-ids.json', doc([event(), event({ title: 'Other' })]), 'refused', 'the same id twice in one file')

  // ---- invalid dates in every format
  for (const date of ['2023-02-30', '2022-13-01', '2022-04-31', '0000-00-00', 'yesterday', '1/2/14', '13/13/2014', '2022-01-10/2021-01-10']) {
    const safe = date.replace(/[^0-9a-z]+/gi, '_')
    add(`csv-date-${safe}.csv`, `date,title\n${date},Geneva talks\n`, 'refused', `CSV date "${date}"`)
  }
  add('markwhen-date-2023-02-30.mw', '2023-02-30: Impossible\n', 'refused', 'Markwhen 30 February')
  add('markwhen-date-words.mw', 'sometime in spring: Talks\n', 'refused', 'Markwhen line that is not an event')
  add('timelinejs-month-13.json', slides([slide({ start_date: { year: 2022, month: 13 } })]), 'refused', 'TimelineJS month 13')
  add('timelinejs-year-text.json', slides([slide({ start_date: { year: 'MMXXII' } })]), 'refused', 'TimelineJS year in Roman numerals')
  add('timelinejs-no-start.json', slides([slide({ start_date: undefined })]), 'refused', 'TimelineJS slide without a start date')
  add('timelinejs-day-31-feb.json', slides([slide({ start_date: { year: 2022, month: 2, day: 31 } })]), 'refused', 'TimelineJS 31 February')
  add('timeline-date-2023-02-30.timeline', xml(xmlEvent('2023-02-30 00:00:00')), 'refused', 'Timeline 30 February')
  add('timeline-time-25h.timeline', xml(xmlEvent('2022-01-10 25:00:00')), 'refused', 'Timeline hour 25')
  add('gdelt-bad-day.tsv', `${['1', '20221340', ...Array(59).fill('')].join('\t')}\n`, 'refused', 'GDELT day 20221340')
  add('acled-bad-date.csv', 'event_id_cnty,event_date,event_type,country\nX1,31-02-2022,Riots,Kazakhstan\n', 'refused', 'ACLED 31 February')

  // ---- malformed CSV
  add('csv-unclosed-quote.csv', 'date,title\n2022-01-10,"Geneva talks\n2022-01-12,Brussels\n', 'refused', 'a quote never closed')
  add('csv-bad-closing-quote.csv', 'date,title\n2022-01-10,"Geneva" talks\n', 'kept-as-text', 'text after a closing quote (read leniently, as real exports need)', 'talks')
  add('csv-header-only.csv', 'date,title\n', 'refused', 'only a header')
  add('csv-empty.csv', '', 'refused', 'empty file')
  add('csv-blank-lines.csv', '\n\n\n', 'refused', 'only blank lines')
  add('csv-no-known-columns.csv', 'alpha,beta\n1,2\n', 'refused', 'columns Annalist cannot map')
  add('csv-empty-title.csv', 'date,title\n2022-01-10,\n', 'refused', 'row without a title')
  add('csv-missing-date-cell.csv', 'date,title,notes\n,Geneva talks,x\n', 'refused', 'row without a date')
  add('csv-ragged-short.csv', 'date,title,description,lane\n2022-01-10,Geneva talks\n', 'kept-as-text', 'row with missing columns (a warning)', 'Geneva talks')
  add('csv-ragged-long.csv', 'date,title\n2022-01-10,Geneva talks,extra,cells\n', 'kept-as-text', 'row with extra cells (a warning)', 'Geneva talks')
  add('csv-quoted-newlines.csv', 'date,title,description\n2022-01-10,"Geneva\ntalks","line one\r\nline two"\n', 'kept-as-text', 'quoted newlines', 'line one')
  add('csv-cr-only.csv', 'date,title\r2022-01-10,Geneva talks\r', 'kept-as-text', 'old Mac line ends', 'Geneva talks')
  add('csv-semicolons.csv', 'date;title\n2022-01-10;Geneva talks\n', 'kept-as-text', 'semicolon-separated', 'Geneva talks')
  add('csv-formulas.csv', 'date,title,description\n2022-01-10,=HYPERLINK("http://evil.example"),@SUM(1+1)\n', 'kept-as-text', 'formula cells', '=HYPERLINK(\\"http://evil.example\\")')
  add('csv-duplicate-header.csv', 'date,title,title\n2022-01-10,Geneva talks,Other\n', 'kept-as-text', 'two columns with one name', 'Other')
  add('csv-nul.csv', 'date,title\n2022-01-10,Gen\u0000eva\n', 'refused', 'a NUL byte in a cell')
  add('csv-latin1.csv', Buffer.concat([Buffer.from('date,title\n2022-01-10,Gen'), Buffer.from([0xe8, 0x76]), Buffer.from('e\n')]), 'refused', 'Latin-1 bytes (not UTF-8)')
  add('csv-utf16le.csv', utf16le('date,title\n2022-01-10,Женевские переговоры\n'), 'kept-as-text', 'UTF-16 LE with BOM (converted)', 'Женевские переговоры')
  add('csv-utf16be.csv', utf16be('date,title\n2022-01-10,Geneva talks\n'), 'kept-as-text', 'UTF-16 BE with BOM (converted)', 'Geneva talks')
  add('csv-utf16le-nobom.csv', Buffer.from('date,title\n2022-01-10,Geneva talks\n', 'utf16le'), 'kept-as-text', 'UTF-16 LE without BOM (converted)', 'Geneva talks')
  add('csv-utf16-odd-bytes.csv', Buffer.concat([utf16le('date,title\n'), Buffer.from([0x41])]), 'refused', 'UTF-16 with an odd number of bytes')
  add('csv-utf8-bom.csv', '\ufeffdate,title\n2022-01-10,Geneva talks\n', 'kept-as-text', 'UTF-8 BOM', 'Geneva talks')
  add('csv-binary.csv', Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 256), 'refused', 'binary noise')
  add('gdelt-60-columns.tsv', `${['1', '20220110', ...Array(58).fill('x')].join('\t')}\n`, 'refused', 'GDELT-like with 60 columns')
  add('acled-duplicate-ids.csv', 'event_id_cnty,event_date,event_type,country\nX1,2022-01-10,Riots,Kazakhstan\nX1,2022-01-11,Riots,Kazakhstan\n', 'refused', 'ACLED id used twice')
  add('csv-mixed-orders.csv', 'date,title\n03/04/2014,First\n05/06/2014,Second\n', 'refused', 'ambiguous day/month order (a question)')
  add('csv-utf16-json.json', utf16le(doc([event()])), 'kept-as-text', 'UTF-16 Annalist JSON (converted)', 'Geneva talks')
  add('json-nul.json', `${doc([event()])}\u0000\u0000\u0000`, 'refused', 'NUL bytes after the JSON (power cut)')

  // ---- Markwhen
  add('markwhen-only-comments.mw', '// nothing\n// here\n', 'refused', 'only comments')
  add('markwhen-header-unclosed.mw', '---\ntitle: x\n2022-01-10: Geneva talks\n', 'refused', 'header never closed')
  add('markwhen-endgroup-extra.mw', 'endGroup\n2022-01-10: Geneva talks\n', 'kept-as-text', 'endGroup without group (a warning)', 'Geneva talks')
  add('markwhen-group-unclosed.mw', 'group Russia\n2022-01-10: Geneva talks\n', 'kept-as-text', 'group never closed', 'Geneva talks')
  add('markwhen-no-title.mw', '2022-01-10: \n', 'refused', 'date with no title')
  add('markwhen-huge-year.mw', '99999999-01-01: Far future\n', 'refused', 'an eight-digit year')

  // ---- Timeline XML
  add('timeline-not-xml.timeline', 'this is not xml', 'refused', 'plain text')
  add('timeline-unclosed-tag.timeline', '<timeline><events><event><start>2022-01-10 00:00:00</start></events></timeline>', 'refused', 'mismatched tags')
  add('timeline-billion-laughs.timeline', '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n<timeline><events><event><start>2022-01-10 00:00:00</start><text>&lol3;</text></event></events></timeline>', 'refused', 'entity expansion bomb')
  add('timeline-xxe.timeline', '<?xml version="1.0"?>\n<!DOCTYPE t [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<timeline><events><event><start>2022-01-10 00:00:00</start><text>&xxe;</text></event></events></timeline>', 'refused', 'external entity')
  add('timeline-wrong-root.timeline', '<?xml version="1.0"?><notatimeline/>', 'refused', 'no <timeline> element')
  add('timeline-numtime.timeline', xml(xmlEvent('10'), '<timetype>numtime</timetype>'), 'refused', 'numeric (not calendar) timeline')
  add('timeline-no-events.timeline', xml(''), 'refused', 'no events')
  add('timeline-cdata-script.timeline', xml(xmlEvent('2022-01-10 00:00:00', '<![CDATA[<script>alert(1)</script>]]>')), 'kept-as-text', 'script in CDATA', '<script>alert(1)</script>')
  add('timeline-entities.timeline', xml(xmlEvent('2022-01-10 00:00:00', '&lt;b&gt;Geneva&lt;/b&gt; &amp; talks')), 'kept-as-text', 'escaped markup', '<b>Geneva</b> & talks')

  // ---- detection
  add('unknown-extension.dat', 'Just some notes about Geneva', 'refused', 'a format Annalist cannot tell')

  // ---- hostile strings, kept as text in each format
  for (const [name, text] of HOSTILE) {
    add(`native-hostile-${name}.json`, doc([event({ title: `T ${text}`, sources: [{ id: 's', title: text, url: text, grade: 'F6' }] })]), 'kept-as-text', `hostile title and source URL: ${name}`, JSON.stringify(`T ${text}`).slice(1, -1))
    add(`csv-hostile-${name}.csv`, `date,title,description\n2022-01-10,"T ${text.replace(/"/g, '""')}",x\n`, 'kept-as-text', `hostile CSV cell: ${name}`, JSON.stringify(`T ${text}`).slice(1, -1))
  }
  add('markwhen-hostile.mw', '2022-01-10: <img src=x onerror=alert(1)> talks\n<script>alert(2)</script>\n', 'kept-as-text', 'markup in Markwhen is text', '<img src=x onerror=alert(1)> talks')
  add('timelinejs-hostile.json', slides([slide({ text: { headline: 'Geneva <img src=x onerror=alert(1)>talks', text: '<script>alert(1)</script><p>kept</p>' }, media: { url: 'javascript:alert(1)' } })]), 'kept-as-text', 'TimelineJS HTML stripped, javascript: media dropped', 'Geneva talks')
  add('native-long-title.json', doc([event({ title: 'x'.repeat(1_001) })]), 'refused', 'title over 1,000 characters (schema)')
  add('csv-long-title.csv', `date,title\n2022-01-10,${'Geneva '.repeat(2_000)}\n`, 'kept-as-text', 'a 14,000-character title is cut with a warning', 'Geneva Geneva')
}

await build()
await rm(out, { recursive: true, force: true })
await mkdir(out, { recursive: true })
for (const [file, contents] of files) await writeFile(path.join(out, file), contents)
await writeFile(path.join(out, 'manifest.json'), `${JSON.stringify(entries, null, 1)}\n`)
console.log(`wrote ${entries.length} files to ${path.relative(root, out)}`)
