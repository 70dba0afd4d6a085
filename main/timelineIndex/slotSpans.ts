/**
 * Each event slot's start and end in two typed arrays, grown by doubling as slots are added: the
 * overview strip counts the starts, and J / K's order sorts both, without visiting every record.
 * A slot whose event is gone holds NaN.
 */
export class SlotSpans {
  private startValues = new Float64Array(1_024)
  private endValues = new Float64Array(1_024)
  private length = 0

  set(slot: number, start: number, end: number): void {
    if (slot >= this.startValues.length) {
      const size = Math.max(slot + 1, this.startValues.length * 2)
      this.startValues = grown(this.startValues, size)
      this.endValues = grown(this.endValues, size)
    }
    this.startValues[slot] = start
    this.endValues[slot] = end
    this.length = Math.max(this.length, slot + 1)
  }

  /** The slot's event is gone. */
  clear(slot: number): void {
    this.set(slot, Number.NaN, Number.NaN)
  }

  /** One slot's start and end (NaN once its event is gone). */
  spanOf(slot: number): { start: number; end: number } {
    return { start: this.startValues[slot]!, end: this.endValues[slot]! }
  }

  /** Every slot's start, NaN for a slot whose event is gone. */
  starts(): Float64Array {
    return this.startValues.subarray(0, this.length)
  }

  ends(): Float64Array {
    return this.endValues.subarray(0, this.length)
  }

  /** The earliest start and the latest end of the events in the slots; null when there are none. */
  range(): { start: number; end: number } | null {
    let start = Infinity
    let end = -Infinity
    // A slot whose event is gone holds NaN, which no comparison picks.
    for (let slot = 0; slot < this.length; slot++) {
      if (this.startValues[slot]! < start) start = this.startValues[slot]!
      if (this.endValues[slot]! > end) end = this.endValues[slot]!
    }
    return start === Infinity ? null : { start, end }
  }
}

function grown(values: Float64Array<ArrayBuffer>, size: number): Float64Array<ArrayBuffer> {
  const larger = new Float64Array(size)
  larger.set(values)
  return larger
}
