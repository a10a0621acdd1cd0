/**
 * The worker thread's side of readSheet (./sheets.ts): reads each file it is sent, one at a time,
 * and answers with plain rows or the cap the file went over.
 */
import { parentPort } from 'node:worker_threads'
import { parseSheet, type ReadLimits, type SheetFormat } from './sheet-parse.ts'

type Request = { id: number; format: SheetFormat; data: Uint8Array; limits: ReadLimits }

parentPort!.on('message', async ({ id, format, data, limits }: Request) => {
  parentPort!.postMessage({ id, outcome: await parseSheet(format, data, limits) })
})
