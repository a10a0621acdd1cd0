/**
 * Staff lists and module catalogues from a spreadsheet sent to the chat: read → a preview with
 * every row's problems (row number, column, what was wrong, what is expected — as codes and
 * parameters) → commit whole, in one transaction, only when the preview has no error.
 *
 *   const preview = await deps.imports.previewStaff(actor, { schoolId, fileName, data })
 *   if (preview.ok && preview.value.errors.length === 0)
 *     await deps.imports.commitStaff(actor, { schoolId, preview: preview.value })   // after "OK"
 *
 * A preview is plain data: it can wait in the conversation's state until the person confirms.
 *
 * The staff list (./staff-import.ts) and the catalogue (./catalogue-import.ts) are read and
 * committed each in its own file; this service is the one entry the chat uses, and asks who may.
 */
import type { Actor } from './access.ts'
import { isAdminOf, whoIs } from './access.ts'
import {
  type CatalogueFileError,
  type CatalogueOwnersOnly,
  type CataloguePreview,
  catalogueRefusal,
  commitCatalogue,
  previewCatalogue,
} from './catalogue-import.ts'
import type { ServiceContext } from './options.ts'
import { type Forbidden, forbidden, type NotFound, notFound, ok, type Result } from './result.ts'
import { commitStaff, previewStaff, type StaffFileError, type StaffPreview } from './staff-list-import.ts'

/** The file could not be read as a table with the needed columns. */
export type ImportFileError = StaffFileError | CatalogueFileError

export class ImportService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Whether the actor may import this kind of file now, asked before a file is even downloaded
   * (the previews ask again): a school's admin their school's staff list; an owner the catalogue.
   */
  async mayImport(
    actor: Actor,
    input: { kind: 'staff' | 'catalogue'; schoolId?: number },
  ): Promise<Result<null, Forbidden | NotFound | CatalogueOwnersOnly>> {
    const who = await whoIs(this.ctx.stores, actor)
    if (input.kind === 'catalogue') return catalogueRefusal(who) ?? ok(null)
    const school = input.schoolId ? await this.ctx.stores.schools.get(input.schoolId) : undefined
    if (!school) return notFound('school')
    return isAdminOf(who, school.id) ? ok(null) : forbidden()
  }

  previewStaff(actor: Actor, input: Parameters<typeof previewStaff>[2]) {
    return previewStaff(this.ctx, actor, input)
  }

  commitStaff(actor: Actor, input: { schoolId: number; preview: StaffPreview }) {
    return commitStaff(this.ctx, actor, input)
  }

  previewCatalogue(actor: Actor, input: Parameters<typeof previewCatalogue>[2]) {
    return previewCatalogue(this.ctx, actor, input)
  }

  commitCatalogue(actor: Actor, input: { preview: CataloguePreview }) {
    return commitCatalogue(this.ctx, actor, input)
  }
}
