/**
 * /modules: the module catalogue by level, paged, with a search by code or words.
 */
import { Composer } from 'grammy'
import type { BotContext } from '../context.ts'

const composer = new Composer<BotContext>()

export { composer as modulesFeature }
