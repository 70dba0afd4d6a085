/**
 * How long a 100,000-row CSV import takes: an ACLED-layout file (31 columns, quoted notes with
 * commas and line breaks, Unicode place names) written to a temp folder, then previewed against a
 * timeline and applied, timing each stage. Run: npx tsx bench/csvImport.ts [rows]
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { readImportFile } from '../main/formats/inputGuards'
import { readCsvDraft } from '../main/formats/csvImport'
import { finishPreview } from '../main/formats/importPreview'
import { applyImport } from '../main/formats/applyImport'
import { serializeTimeline } from '../main/store/timelineFile'
import type { TimelineDocument } from '../main/domain/timeline'

const ROWS = Number(process.argv[2] ?? 100_000)
const HEADER = 'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp'
const PLACES = [['Kazakhstan', 'Almaty', 'Алматы', 43.25, 76.93], ['Ukraine', 'Kyiv', 'Київ', 50.45, 30.52], ['Afghanistan', 'Kabul', 'کابل', 34.53, 69.17], ['Belarus', 'Minsk', 'Мінск', 53.9, 27.56]] as const
const TYPES = [['Protests', 'Peaceful protest'], ['Riots', 'Violent demonstration'], ['Battles', 'Armed clash'], ['Explosions/Remote violence', 'Shelling/artillery/missile attack']] as const

function row(i: number): string {
  const [country, admin1, local, lat, lon] = PLACES[i % PLACES.length]!
  const [type, sub] = TYPES[i % TYPES.length]!
  const day = new Date(Date.UTC(2018, 0, 1) + (i % 2_000) * 86_400_000)
  const date = i % 3 === 0 ? day.toISOString().slice(0, 10) : `${String(day.getUTCDate()).padStart(2, '0')}-${String(day.getUTCMonth() + 1).padStart(2, '0')}-${day.getUTCFullYear()}`
  const notes = `"On ${date}, an event in ${local} (${admin1}), with ""quoted"" words, commas, and\na second line."`
  return [`X${i}`, date, day.getUTCFullYear(), 1, 'Political violence', type, sub, 'Actor A', '', 1, 'Actor B', '', 2, 12, '', 398, 'Region', country, admin1, '', '', local, lat, lon, 1, 'Source one; Source two', 'National', notes, i % 7, '', 1_600_000_000 + i].join(',')
}

const empty: TimelineDocument = { schemaVersion: 1, meta: { title: 'Bench', description: '', created: '2022-01-01T00:00:00.000Z', updated: '2022-01-01T00:00:00.000Z' }, lanes: [], events: [], annotations: [] }

const dir = await mkdtemp(path.join(tmpdir(), 'annalist-bench-'))
try {
  const file = path.join(dir, 'acled-100k.csv')
  const lines = [HEADER]
  for (let i = 0; i < ROWS; i++) lines.push(row(i))
  await writeFile(file, `${lines.join('\n')}\n`)
  const size = (await stat(file)).size

  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const { text } = await readImportFile(file)
  const t1 = performance.now()
  const draft = await readCsvDraft(text, { file: 'acled-100k.csv' })
  const t2 = performance.now()
  const preview = finishPreview(draft, { file: 'acled-100k.csv', document: empty })
  const t3 = performance.now()
  const next = applyImport(empty, preview, { mode: 'merge-into', importedAt: '2026-01-01T00:00:00.000Z' })
  const t4 = performance.now()
  const cpu = process.cpuUsage(cpu0)
  const saved = serializeTimeline(next)
  const t5 = performance.now()

  const ms = (a: number, b: number) => `${((b - a) / 1000).toFixed(2)} s`
  console.log(`CSV import benchmark: ${ROWS.toLocaleString('en')} ACLED rows, ${(size / 1e6).toFixed(1)} MB, Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)}`)
  console.log(`  read + size check + UTF-8 decode   ${ms(t0, t1)}`)
  console.log(`  parse CSV + read rows (dates, ids) ${ms(t1, t2)}`)
  console.log(`  preview (validate, lanes, dupes)   ${ms(t2, t3)}`)
  console.log(`  apply (provenance, whole check)    ${ms(t3, t4)}`)
  console.log(`  total to an importable document    ${ms(t0, t4)}   (${Math.round(ROWS / ((t4 - t0) / 1000)).toLocaleString('en')} rows/s)`)
  // On a shared machine wall time includes waiting for a CPU; CPU time is what the import itself costs.
  console.log(`  CPU time for those stages           ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (user ${(cpu.user / 1e6).toFixed(2)}, system ${(cpu.system / 1e6).toFixed(2)})`)
  console.log(`  serialize for saving               ${ms(t4, t5)}   (${(saved.length / 1e6).toFixed(1)} MB)`)
  console.log(`  events ${next.events.length.toLocaleString('en')}, errors ${preview.counts.errors}, warnings ${preview.counts.warnings}, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`)
} finally {
  await rm(dir, { recursive: true, force: true })
}
