/**
 * How much of a spreadsheet people send (a staff list, a catalogue, a grade sheet) the bot reads,
 * in one place. A school has at most a few hundred staff and a year's grade sheet a few thousand
 * rows of a few dozen columns, so every cap is several times what a real file needs; a file over
 * one is refused with the cap in the reply, before it can hold the bot up for everybody else.
 */
export const UPLOAD_LIMITS = {
  /** the file as Telegram states it (document.file_size) and as downloaded: checked before and during */
  fileBytes: 10 * 1024 * 1024,
  /** rows read, every sheet together (blank lines included) */
  rows: 10_000,
  /** cells in one row (an .xlsx row counts up to its last used column) */
  cellsPerRow: 256,
  /** cells in the whole file */
  cells: 200_000,
  /** characters in one cell */
  cellChars: 5_000,
  /** .xlsx (a zip): the parts unpacked, all together, and how many parts */
  unpackedBytes: 40 * 1024 * 1024,
  zipEntries: 1_000,
  /** the worker thread reading one file: its JavaScript heap, and how long it may take */
  workerHeapMb: 384,
  readMs: 20_000,
} as const

export const bytesPerMb = 1024 * 1024
