/**
 * A spreadsheet a person sends in /grades or /import, fetched only once it may be: first whether
 * the sender may use it at all (asked of the services, on the server, whatever the flow believed
 * when it started), then the size and name Telegram states for the file; the download itself stops
 * at the same size. Reading it (in a worker, within UPLOAD_LIMITS) is the services' part.
 *
 *   const upload = await receiveUpload(ctx, document, 'grades.xlsx', () => grades.mayEnterGrades(actor))
 *   if (!upload.ok) return ctx.reply(serviceErrorText(ctx.t, upload.error))
 */
import type { Document } from 'grammy/types'
import { fileTooLarge, uploadRefusal } from '../services/sheets.ts'
import { UPLOAD_LIMITS } from '../services/upload-limits.ts'
import type { BotContext, FlowContext } from './context.ts'
import type { ServiceError } from './service-errors.ts'

/** A download went over the size it was allowed. */
export class FileTooLarge extends Error {
  constructor() {
    super('file too large')
  }
}

export type Upload<E> =
  | { readonly ok: true; readonly fileName: string; readonly data: Uint8Array }
  | { readonly ok: false; readonly error: E | ServiceError }

export async function receiveUpload<E extends ServiceError>(
  ctx: BotContext | FlowContext,
  document: Document,
  fallbackName: string,
  allowed: () => Promise<{ ok: true } | { ok: false; error: E }>,
): Promise<Upload<E>> {
  const may = await allowed()
  if (!may.ok) return may
  const fileName = document.file_name ?? fallbackName
  const refusal = uploadRefusal({ fileName, fileSize: document.file_size })
  if (refusal) return { ok: false, error: refusal }
  try {
    const data = await ctx.download(document.file_id, UPLOAD_LIMITS.fileBytes)
    return { ok: true, fileName, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }
  } catch (error) {
    if (error instanceof FileTooLarge) return { ok: false, error: fileTooLarge() }
    throw error
  }
}
