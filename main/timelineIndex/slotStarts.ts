/**
 * Each event slot's start in one typed array, grown by doubling as slots are added: the overview
 * strip counts them without visiting every record.
 */
export class SlotStarts {
  private values = new Float64Array(1_024)
  private length = 0

  set(slot: number, start: number): void {
    if (slot >= this.values.length) {
      const grown = new Float64Array(Math.max(slot + 1, this.values.length * 2))
      grown.set(this.values)
      this.values = grown
    }
    this.values[slot] = start
    this.length = Math.max(this.length, slot + 1)
  }

  /** Every slot's start, NaN for a slot whose event is gone. */
  all(): Float64Array {
    return this.values.subarray(0, this.length)
  }
}
