/** A file that cannot be imported at all, with where in the file the problem is. */
export class ImportError extends Error {
  constructor(
    /** File name (not the full path: messages are shown and logged). */
    readonly file: string,
    /** Where: "line 3, column 5", "row 12", "byte 4096", "at events[2].date". */
    readonly where: string,
    readonly reason: string,
  ) {
    super(`${file}, ${where}: ${reason}`)
    this.name = 'ImportError'
  }
}

/** Thrown when the analyst cancels a long import; nothing has been changed. */
export class ImportCancelled extends Error {
  constructor() {
    super('the import was cancelled; the timeline is unchanged')
    this.name = 'ImportCancelled'
  }
}
