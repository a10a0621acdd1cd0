/**
 * /help: what this bot does and the commands open to the person asking.
 */
import { Composer } from 'grammy'
import type { BotContext } from '../context.ts'

const composer = new Composer<BotContext>()

composer.chatType('private').command('help', (ctx) => ctx.reply(ctx.t('help-public')))

export { composer as helpFeature }
