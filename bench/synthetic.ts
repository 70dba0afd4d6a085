/**
 * Deterministic synthetic timelines for benchmarks and scale tests: the same seed and size always
 * give the same document, byte for byte, so runs on different days and machines compare.
 *
 * The mix imitates what analysts hold after a few ACLED/GDELT imports plus their own curation:
 * mostly exact days, some exact times, months and years, uncertain (`?`) and approximate (`~`)
 * dates, intervals of a day to a season, "one of" sets, and a few open-ended intervals; events bunch
 * around crises (1991, 1999, 2008, 2014, 2021–22) rather than spreading evenly.
 *
 * Default sizes: `events` as asked; `annotations` 10,000 whatever the size (the benchmark
 * pairs 10,000 annotations with every size). Pass `annotations` to change it.
 */
import { TimelineDocumentSchema, SCHEMA_VERSION, type Annotation, type Lane, type TimelineDocument, type TimelineEvent } from '../main/domain/timeline'

export interface SyntheticOptions {
  events: number
  /** Defaults to 10,000. */
  annotations?: number
  /** PRNG seed; defaults to 1991. */
  seed?: number
}

/** mulberry32: a tiny, well-mixed 32-bit PRNG; enough for test data, not for anything secret. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export const SYNTHETIC_LANES: Lane[] = [
  ['russia', 'Russia'],
  ['united-states', 'United States'],
  ['nato-europe', 'NATO & Europe'],
  ['ukraine', 'Ukraine'],
  ['kazakhstan-csto', 'Kazakhstan & CSTO'],
  ['china', 'China'],
  ['central-asia-afghanistan', 'Central Asia & Afghanistan'],
  ['caucasus', 'Caucasus'],
  ['baltic-states', 'Baltic States'],
  ['middle-east', 'Middle East'],
].map(([id, name]) => ({ id: id!, name: name!, hidden: false }))

const ACTORS = [
  'Russian foreign ministry', 'Kremlin', 'US State Department', 'Pentagon', 'NATO Secretary General',
  'European Council', 'Ukrainian president', 'Verkhovna Rada', 'Kazakh government', 'CSTO council',
  'Chinese foreign ministry', 'Tajik border guards', 'Georgian parliament', 'Azerbaijani army',
  'Armenian government', 'Estonian defence ministry', 'Lithuanian parliament', 'Latvian border service',
  'Turkish foreign ministry', 'Iranian government', 'OSCE monitors', 'UN Security Council',
  'Belarusian authorities', 'Polish government', 'Finnish president', 'Swedish government',
]
const VERBS = [
  'announces', 'condemns', 'signs', 'rejects', 'proposes', 'suspends', 'resumes', 'warns of',
  'deploys forces for', 'holds talks on', 'imposes sanctions over', 'lifts restrictions on',
  'reports clashes near', 'opens inquiry into', 'recalls ambassador over', 'ratifies',
]
const OBJECTS = [
  'gas transit agreement', 'border demarcation', 'military exercises', 'arms control treaty',
  'energy price dispute', 'prisoner exchange', 'airspace violations', 'naval patrols',
  'election observation mission', 'cyber attack attribution', 'ceasefire arrangements',
  'peacekeeping mandate', 'missile deployment', 'trade embargo', 'pipeline construction',
  'refugee corridor', 'troop withdrawal', 'security guarantees', 'fuel price protests',
]
const PLACES = [
  'Moscow', 'Kyiv', 'Brussels', 'Washington', 'Almaty', 'Nur-Sultan', 'Beijing', 'Dushanbe',
  'Tbilisi', 'Baku', 'Yerevan', 'Tallinn', 'Vilnius', 'Riga', 'Ankara', 'Tehran', 'Geneva',
  'Minsk', 'Warsaw', 'Helsinki', 'Stockholm', 'Donetsk', 'Sevastopol', 'Zhanaozen', 'Kabul',
]
const TAGS = [
  'diplomacy', 'sanctions', 'military', 'energy', 'protest', 'cyber', 'nuclear', 'elections',
  'border', 'economy', 'humanitarian', 'intelligence', 'treaty', 'disinformation',
]
const PUBLISHERS: [string, string][] = [
  ['Reuters', 'B2'], ['Associated Press', 'B2'], ['BBC Monitoring', 'B2'], ['TASS', 'C3'],
  ['Interfax', 'C2'], ['Kyiv Independent', 'B3'], ['ACLED', 'B2'], ['GDELT', 'D3'],
  ['Xinhua', 'C3'], ['RFE/RL', 'B2'], ['Official readout', 'A3'], ['Telegram channel', 'E5'],
  ['Eurasianet', 'B3'], ['Meduza', 'B3'], ['Kommersant', 'C2'], ['Anonymous blog', 'F6'],
]
const FIRST_NAMES = [
  'Aigerim', 'Alexei', 'Anna', 'Arman', 'Bakhyt', 'Dmitry', 'Elena', 'Farid', 'Giorgi', 'Gulnara', 'Irina', 'Ivan',
  'Jakub', 'Jonas', 'Kairat', 'Katarzyna', 'Laura', 'Lev', 'Mariam', 'Mehmet', 'Nino', 'Oksana', 'Olena', 'Pavel',
  'Rustam', 'Saule', 'Sergei', 'Tamara', 'Timur', 'Viktor', 'Wei', 'Yerlan', 'Yulia', 'Zarina', 'Zhang', 'Ahmad',
]
const SURNAMES = [
  'Abenov', 'Aliyev', 'Baranov', 'Beridze', 'Bondarenko', 'Chen', 'Dzhaksybekov', 'Esenova', 'Gelashvili', 'Hakobyan',
  'Ivanova', 'Jankauskas', 'Kalnins', 'Karimov', 'Kovalenko', 'Kowalski', 'Kuznetsov', 'Lindqvist', 'Liu', 'Mammadov',
  'Melnyk', 'Nazarbayeva', 'Nurmagambetov', 'Ozturk', 'Petrenko', 'Rahimov', 'Sarsenbayev', 'Shevchenko', 'Smirnova',
  'Tamm', 'Tkachenko', 'Usmanov', 'Virtanen', 'Volkov', 'Wang', 'Yilmaz', 'Zhukov', 'Zhumabekov', 'Sadykov', 'Orlova',
]
const COUNTRY_CODES = ['UKR', 'RUS', 'KAZ', 'GEO', 'ARM', 'AZE', 'BLR', 'EST', 'LVA', 'LTU', 'TJK', 'AFG', 'CHN', 'TUR', 'IRN']
const LIKELIHOOD_WORDS = ['almost no chance', 'very unlikely', 'unlikely', 'roughly even chance', 'likely', 'very likely', 'almost certain'] as const
const CONFIDENCE_WORDS = ['low', 'moderate', 'high'] as const
const COLOURS = ['amber', 'blue', 'green', 'red', 'violet', 'grey'] as const
const ANALYSTS = [
  { name: 'Ana Petrova', initials: 'AP' },
  { name: 'James Okafor', initials: 'JO' },
  { name: 'Li Wen', initials: 'LW' },
]

const RANGE_START = Date.UTC(1991, 0, 1)
const RANGE_END = Date.UTC(2022, 11, 31)
const DAY = 86_400_000
/** Crisis centres (and how widely their events spread, in days): events bunch around these. */
const CRISES: [number, number][] = [
  [Date.UTC(1991, 11, 15), 60], [Date.UTC(1999, 2, 24), 90], [Date.UTC(2008, 7, 8), 30],
  [Date.UTC(2014, 2, 1), 120], [Date.UTC(2021, 7, 20), 20], [Date.UTC(2022, 0, 10), 45], [Date.UTC(2022, 1, 24), 60],
]

const pad = (n: number, width = 2) => String(n).padStart(width, '0')
const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const monthText = (ms: number) => new Date(ms).toISOString().slice(0, 7)
const yearText = (ms: number) => String(new Date(ms).getUTCFullYear())
/** An interval of whole days inside the range (moved back if it would run past the end: an interval's end must follow its start). */
const daysFrom = (at: number, lengthDays: number) => {
  const from = Math.min(at, RANGE_END - lengthDays * DAY)
  return `${dayText(from)}/${dayText(from + lengthDays * DAY)}`
}

class Picker {
  constructor(readonly random: () => number) {}
  int(below: number): number {
    return Math.floor(this.random() * below)
  }
  one<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!
  }
  chance(p: number): boolean {
    return this.random() < p
  }
  /** An instant in 1991–2022: 40 % near a crisis, the rest uniform. */
  instant(): number {
    if (this.chance(0.4)) {
      const [centre, spreadDays] = this.one(CRISES)
      // Sum of three uniforms: a cheap bell shape around the crisis.
      const offset = (this.random() + this.random() + this.random() - 1.5) * spreadDays * DAY
      return Math.min(RANGE_END, Math.max(RANGE_START, Math.round(centre + offset)))
    }
    return RANGE_START + Math.floor(this.random() * (RANGE_END - RANGE_START))
  }
}

/** An EDTF date in the mix described at the top of the file. */
function syntheticDate(pick: Picker): string {
  const at = pick.instant()
  const roll = pick.random()
  if (roll < 0.6) return dayText(at)
  if (roll < 0.68) {
    const d = new Date(at)
    return `${dayText(at)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00Z`
  }
  if (roll < 0.76) return monthText(at)
  if (roll < 0.79) return yearText(at)
  if (roll < 0.83) return `${dayText(at)}${pick.one(['?', '~', '%'])}`
  if (roll < 0.86) return `${monthText(at)}${pick.one(['?', '~'])}`
  if (roll < 0.87) return `${yearText(at)}~`
  if (roll < 0.96) {
    const lengthDays = 1 + pick.int(pick.chance(0.8) ? 30 : 150)
    return daysFrom(at, lengthDays)
  }
  if (roll < 0.98) return `[${dayText(at)},${dayText(at + DAY)}]`
  if (roll < 0.99) return `${monthText(at)}/..`
  // Started two months before the range ends at the latest, so it ends in a later month.
  const from = Math.min(at, RANGE_END - 62 * DAY)
  return `${monthText(from)}/${monthText(Math.min(RANGE_END, from + (1 + pick.int(24)) * 31 * DAY))}`
}

function syntheticEvent(pick: Picker, index: number): TimelineEvent {
  const actor = pick.one(ACTORS)
  const verb = pick.one(VERBS)
  const object = pick.one(OBJECTS)
  const place = pick.one(PLACES)
  const laneRoll = pick.random()
  const lanes = laneRoll < 0.05 ? [] : laneRoll < 0.85 ? [pick.one(SYNTHETIC_LANES).id] : [...new Set([pick.one(SYNTHETIC_LANES).id, pick.one(SYNTHETIC_LANES).id])]
  const tags = [...new Set(Array.from({ length: pick.int(4) }, () => pick.one(TAGS)))]
  const sources = Array.from({ length: 1 + pick.int(2) }, (_, n) => {
    const [publisher, grade] = pick.one(PUBLISHERS)
    return {
      id: `src-${index}-${n}`,
      title: `${actor} ${verb} ${object}`,
      publisher,
      url: '',
      grade,
    }
  })
  return {
    id: `ev-${pad(index, 6)}`,
    title: `${actor} ${verb} ${object} in ${place}`,
    date: syntheticDate(pick),
    description:
      `${actor} ${verb} the ${object}, according to ${sources[0]!.publisher}. ` +
      `Officials in ${place} described the move as ${pick.one(['provocative', 'routine', 'overdue', 'a signal to allies', 'temporary'])}; ` +
      `${pick.one(ACTORS)} is expected to respond ${pick.one(['within days', 'at the next summit', 'after consultations', 'through back channels'])}.` +
      // Real notes name people and cite record numbers: the long tail of rare words a search must find.
      (pick.chance(0.5) ? ` Spokesperson ${pick.one(FIRST_NAMES)} ${pick.one(SURNAMES)} declined to comment.` : '') +
      (['ACLED', 'GDELT'].includes(sources[0]!.publisher) ? ` Source record ${pick.one(COUNTRY_CODES)}${10_000 + pick.int(90_000)}.` : ''),
    lanes,
    tags,
    // Keys in the schema's order, so the document serialises the same before and after validation.
    ...(pick.chance(0.3) ? { location: { name: place } } : {}),
    sources,
  }
}

function syntheticAnnotation(pick: Picker, index: number, events: TimelineEvent[]): Annotation {
  const stamp = new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString()
  const roll = pick.random()
  const target = events.length > 0 ? pick.one(events) : undefined
  const anchor: Annotation['anchor'] =
    target && roll < 0.7
      ? { kind: 'event', eventId: target.id }
      : roll < 0.9
        ? { kind: 'span', date: daysFrom(pick.instant(), 1 + pick.int(90)) }
        : { kind: 'moment', date: dayText(pick.instant()) }
  const likelihood = pick.one(LIKELIHOOD_WORDS)
  const subject = target?.title ?? `${pick.one(ACTORS)} ${pick.one(VERBS)} ${pick.one(OBJECTS)}`
  return {
    id: `an-${pad(index, 6)}`,
    anchor,
    label: pick.chance(0.5) ? `${pick.one(['Assessment', 'Watch', 'Gap', 'Lead', 'Caveat'])}: ${pick.one(OBJECTS)}` : '',
    text: `It is ${likelihood} that ${subject.toLowerCase()} signals a shift in ${pick.one(TAGS)} policy; ${pick.one(['corroborate with a second source', 'watch the next readout', 'compare with the 2014 pattern', 'ask the regional desk'])}.`,
    tags: pick.chance(0.4) ? [pick.one(TAGS)] : [],
    colour: pick.one(COLOURS),
    ...(pick.chance(0.5) ? { judgement: { likelihood, confidence: pick.one(CONFIDENCE_WORDS) } } : {}),
    links: { events: target && pick.chance(0.3) ? [target.id] : [], sources: [] },
    author: pick.one(ANALYSTS),
    created: stamp,
    updated: stamp,
    history: [],
  }
}

/** A timeline of `events` events and (by default) 10,000 annotations, the same for the same options. */
export function syntheticTimeline(options: SyntheticOptions): TimelineDocument {
  const pick = new Picker(seededRandom(options.seed ?? 1991))
  const events = Array.from({ length: options.events }, (_, i) => syntheticEvent(pick, i + 1))
  const annotations = Array.from({ length: options.annotations ?? 10_000 }, (_, i) => syntheticAnnotation(pick, i + 1, events))
  return {
    schemaVersion: SCHEMA_VERSION,
    meta: {
      title: `Synthetic timeline: ${options.events.toLocaleString('en-GB')} events`,
      description: 'Generated for benchmarks (bench/synthetic.ts); not real events.',
      created: '2026-01-01T00:00:00.000Z',
      updated: '2026-01-01T00:00:00.000Z',
    },
    lanes: SYNTHETIC_LANES.map((lane) => ({ ...lane })),
    events,
    annotations,
  }
}

/** Same as `syntheticTimeline`, checked against the document schema (slow at 100,000: EDTF parsing). */
export function validSyntheticTimeline(options: SyntheticOptions): TimelineDocument {
  return TimelineDocumentSchema.parse(syntheticTimeline(options))
}
