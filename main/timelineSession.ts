/**
 * The open timeline: its document in memory, its file on disk, and the queue that saves one to
 * the other. Every change is acknowledged only once the write that contains it is durable.
 */
import type { Low } from 'lowdb'
import type { TimelineDocument } from './domain/timeline'
import type { EventDetail, PlacedEvent, TimelineView } from './ipc/contract'
import { describeDate, readDate } from './domain/dates'
import { bestGrade, describeGrade } from './domain/sourceGrade'
import { openTimelineDb } from './store/timelineFile'
import { SaveQueue } from './store/saveQueue'

export class TimelineSession {
  private readonly saves: SaveQueue

  private constructor(
    readonly file: string,
    private readonly db: Low<TimelineDocument>,
    readonly notices: string[] = [],
  ) {
    this.saves = new SaveQueue(() => this.db.write())
  }

  static async open(file: string): Promise<TimelineSession> {
    return new TimelineSession(file, await openTimelineDb(file))
  }

  get document(): TimelineDocument {
    return this.db.data
  }

  /** Replaces the document and resolves once it is durably saved. */
  async commit(next: TimelineDocument): Promise<void> {
    this.db.data = next
    await this.saves.requestSave()
  }

  view(): TimelineView {
    const { meta, lanes, events, annotations } = this.document
    const placed: PlacedEvent[] = []
    for (const event of events) {
      const reading = readDate(event.date)
      // The schema refuses invalid dates, so this only skips what a future EDTF rule might reject.
      if (!reading.ok) continue
      placed.push({
        id: event.id,
        title: event.title,
        date: event.date,
        lanes: event.lanes,
        tags: event.tags,
        span: reading.span,
        bestGrade: bestGrade(event.sources.map((s) => s.grade)),
      })
    }
    return { meta, lanes, events: placed, annotations, readOnly: false, notices: this.notices }
  }

  eventDetail(id: string): EventDetail {
    const event = this.document.events.find((e) => e.id === id)
    if (!event) throw new Error(`no event with id "${id}" in this timeline`)
    const laneNames = event.lanes.map((laneId) => this.document.lanes.find((l) => l.id === laneId)?.name ?? laneId)
    return {
      event,
      dateInWords: describeDate(event.date),
      laneNames,
      sources: event.sources.map((source) => ({
        title: source.title,
        publisher: source.publisher,
        url: source.url,
        date: source.date ?? '',
        dateInWords: source.date ? describeDate(source.date) : '',
        grade: source.grade,
        gradeInWords: describeGrade(source.grade),
      })),
    }
  }

  /** Resolves when everything changed so far is on disk. */
  flush(): Promise<void> {
    return this.saves.idle()
  }
}
