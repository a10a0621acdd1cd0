/** The worker thread's side of readSheet (./sheets.ts): reads the bytes it is given, posts plain rows. */
import { parentPort, workerData } from 'node:worker_threads'
import { parseSheet, type ReadLimits, type SheetFormat } from './sheet-parse.ts'

const input = workerData as { format: SheetFormat; data: Uint8Array; limits: ReadLimits }
parentPort!.postMessage(await parseSheet(input.format, input.data, input.limits))
