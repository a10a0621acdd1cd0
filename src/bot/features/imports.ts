/**
 * /import: the staff list or the module catalogue from an .xlsx or .csv file, previewed with
 * per-row errors and committed whole after confirmation.
 */
import { Composer } from 'grammy'
import type { BotContext } from '../context.ts'

const composer = new Composer<BotContext>()

export { composer as importFeature }
