/**
 * Timelines for the figure tests: the seed timeline with three analyst notes added (a span note
 * over the Kazakhstan unrest, a moment note at 10 January 2022, an event note on the video summit),
 * a hostile timeline, and synthetic timelines of any size.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { TimelineDocumentSchema, type Annotation, type TimelineDocument } from '../../main/domain/timeline'

export const SEED_PATH = fileURLToPath(new URL('../../data/seed/russia-west-crisis.json', import.meta.url))
export const GENERATED_AT = '2026-11-28T09:00:00.000Z'

const author = { name: 'Jane Analyst', initials: 'JA' }

function note(id: string, fields: Pick<Annotation, 'anchor' | 'label' | 'text' | 'colour'> & Partial<Annotation>): Annotation {
  return { id, tags: [], history: [], links: { events: [], sources: [] }, created: GENERATED_AT, updated: GENERATED_AT, author, ...fields }
}

export const SEED_NOTES: Annotation[] = [
  note('note-kazakhstan', {
    anchor: { kind: 'span', date: '2022-01-02/2022-01-19' },
    label: 'Kazakhstan unrest',
    text: "Fuel-price protests in Zhanaozen spread nationwide; CSTO troops arrive at Tokayev's request and leave by 19 January. The speed of the deployment shows Moscow can move forces quickly while its build-up near Ukraine continues.",
    colour: 'amber',
    judgement: { likelihood: 'likely', confidence: 'moderate' },
  }),
  note('note-geneva', {
    anchor: { kind: 'moment', date: '2022-01-10' },
    label: 'Week of talks opens',
    text: 'Sherman and Ryabkov open the Strategic Stability Dialogue in Geneva; the NATO–Russia Council (12 Jan) and OSCE (13 Jan) follow.',
    colour: 'blue',
    author: { name: 'Tom Reader', initials: 'TR' },
  }),
  note('note-summit', {
    anchor: { kind: 'event', eventId: 'biden-putin-video-summit' },
    label: 'Sanctions warning',
    text: 'Biden warns of strong economic measures if Russia invades Ukraine; the two readouts differ on emphasis.',
    colour: 'red',
    judgement: { likelihood: 'very likely', confidence: 'high' },
  }),
]

export function seed(): TimelineDocument {
  return TimelineDocumentSchema.parse(JSON.parse(readFileSync(SEED_PATH, 'utf8')))
}

export function annotatedSeed(): TimelineDocument {
  const document = seed()
  return { ...document, annotations: [...document.annotations, ...SEED_NOTES] }
}

/** Titles an imported file might carry to break out of SVG text or confuse a reader. */
export const HOSTILE_TITLES = [
  '</text><script>alert(1)</script>',
  'Tom & Jerry <b>bold</b> "quoted" \'single\'',
  'قمة بايدن وبوتين', // Arabic, right to left
  'פגישה בז׳נבה', // Hebrew
  '<image href="https://example.com/beacon.png"/>',
  ']]><!ENTITY x SYSTEM "file:///etc/passwd">',
  'bell\u0007 and nul\u0000 and lone \uD800 surrogate',
]

export function hostileTimeline(): TimelineDocument {
  const now = GENERATED_AT
  return TimelineDocumentSchema.parse({
    schemaVersion: 1,
    meta: { title: 'Hostile <svg onload=alert(1)>', created: now, updated: now },
    lanes: [{ id: 'lane-a', name: '<script>lane</script> & co' }],
    events: HOSTILE_TITLES.map((title, i) => ({
      id: `hostile-${i}`,
      title,
      date: `2022-01-${String(i * 4 + 1).padStart(2, '0')}`,
      lanes: ['lane-a'],
      sources: [{ id: `s${i}`, title: `<a href="javascript:alert(${i})">source</a>`, publisher: 'Pub & "Co"', grade: 'B2' }],
    })),
    annotations: [
      note('hostile-note', { anchor: { kind: 'event', eventId: 'hostile-0' }, label: '<tspan>label</tspan>', text: '"/><script>alert(2)</script>', colour: 'red', author: { name: '<b>Mallory</b>', initials: '&M' } }),
    ],
  })
}

/** `count` events spread over 2021–2022 in eight lanes, every fifth a month-long span. */
export function syntheticTimeline(count: number): TimelineDocument {
  const now = GENERATED_AT
  const start = Date.UTC(2021, 0, 1)
  const day = 86_400_000
  const lanes = Array.from({ length: 8 }, (_, i) => ({ id: `lane-${i}`, name: `Lane ${i + 1}`, hidden: false }))
  const events = Array.from({ length: count }, (_, i) => {
    const at = new Date(start + ((i * 7919) % 700) * day).toISOString().slice(0, 10)
    return {
      id: `event-${i}`,
      title: `Synthetic event number ${i}`,
      date: i % 5 === 0 ? at.slice(0, 7) : at,
      description: '',
      lanes: [`lane-${i % 8}`],
      tags: [],
      sources: [{ id: `source-${i}`, title: `Report ${i}`, publisher: 'Wire', url: '', grade: 'B2' }],
    }
  })
  return { schemaVersion: 1, meta: { title: `Synthetic ${count}`, description: '', created: now, updated: now }, lanes, events, annotations: [] }
}
