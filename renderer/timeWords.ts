/** Times the app itself stamped (notes, backups, the timeline list, imports), in the analyst's own time zone. */
const stamp = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' })

/** "28 Nov 2026, 08:38". */
export function whenStamped(instant: string | number): string {
  return stamp.format(new Date(instant))
}
