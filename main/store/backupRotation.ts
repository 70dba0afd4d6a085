/**
 * Which snapshots to keep: the most recent ones (for "undo the last hour") and one a day for the
 * past week (for "it was right on Monday"), like Obsidian's file recovery. Pure, so it is tested
 * without a clock or a disk.
 */
export const KEEP_MOST_RECENT = 20
export const KEEP_DAILY_FOR_DAYS = 7

const DAY_MS = 24 * 60 * 60 * 1000

export interface DatedBackup {
  id: string
  time: Date
}

/** Days are counted in UTC so the choice does not shift with the machine's time zone. */
function utcDay(time: Date): number {
  return Math.floor(time.getTime() / DAY_MS)
}

/** The ids to keep: the newest KEEP_MOST_RECENT, plus the newest of each of the last 7 days. */
export function backupsToKeep(backups: readonly DatedBackup[], now: Date): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.time.getTime() - a.time.getTime())
  const keep = new Set(newestFirst.slice(0, KEEP_MOST_RECENT).map((b) => b.id))
  const today = utcDay(now)
  const daysSeen = new Set<number>()
  for (const backup of newestFirst) {
    const day = utcDay(backup.time)
    if (today - day >= KEEP_DAILY_FOR_DAYS || daysSeen.has(day)) continue
    daysSeen.add(day)
    keep.add(backup.id)
  }
  return keep
}
