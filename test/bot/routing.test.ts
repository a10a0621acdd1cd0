import { Composer, Context } from 'grammy'
import type { Update, UserFromGetMe } from 'grammy/types'
import { afterEach, describe, expect, it } from 'vitest'
import type { BotContext } from '../../src/bot/context.ts'
import { Feature, routeOf, routeTable } from '../../src/bot/feature.ts'
import { commandsFor } from '../../src/services/commands.ts'
import { ROLES } from '../../src/store/people.ts'
import { type Harness, inProcessWorld } from '../helpers/bot-harness.ts'
import { OWNER } from '../services/support.ts'

const me = { id: 1, is_bot: true, first_name: 'BDTX', username: 'bdtx_bot' } as UserFromGetMe
const from = { id: 7, is_bot: false, first_name: 'Lan' }
const privateChat = { id: 7, type: 'private' as const, first_name: 'Lan' }
const group = { id: -5, type: 'group' as const, title: 'Tổ Toán' }

function message(text: string, chat: typeof privateChat | typeof group = privateChat): Update {
  const command = text.startsWith('/') ? text.split(' ')[0]! : undefined
  return {
    update_id: 1,
    message: {
      message_id: 1,
      date: 0,
      chat,
      from,
      text,
      ...(command && { entities: [{ type: 'bot_command', offset: 0, length: command.length }] }),
    },
  } as Update
}

function button(data: string): Update {
  return {
    update_id: 1,
    callback_query: {
      id: '1',
      from,
      chat_instance: '1',
      data,
      message: { message_id: 1, date: 0, chat: privateChat, text: 'x' },
    },
  } as Update
}

const route = (update: Update) => routeOf(new Context(update, undefined as never, me))

describe('the route of an update', () => {
  it('is the command, without the bot name or the arguments', () => {
    expect(route(message('/plan'))).toBe('/plan')
    expect(route(message('/plan@bdtx_bot Nguyễn Thị Lan'))).toBe('/plan')
    expect(route(message('/need 8 9 ? ?'))).toBe('/need')
  })

  it('is the kind of button, read from its callback data', () => {
    expect(route(button('plana:12:345'))).toBe('button:plana')
    expect(route(button('mdk'))).toBe('button:mdk')
  })

  it('is "message" for anything else a person sends in private', () => {
    expect(route(message('xin chào'))).toBe('message')
    expect(route(message('8,5 9'))).toBe('message')
  })

  it('is none in a group, where no feature answers', () => {
    expect(route(message('/plan', group))).toBeUndefined()
    expect(route(message('xin chào', group))).toBeUndefined()
  })
})

describe('the route table', () => {
  it('runs the features filed under one route in their order, each able to pass on', async () => {
    const seen: string[] = []
    const first = new Feature()
    first.command('plan', (_ctx, next) => {
      seen.push('first')
      return next()
    })
    const second = new Feature()
    second.command('plan', () => {
      seen.push('second')
    })
    second.command('scores', () => {
      seen.push('scores')
    })
    const bot = new Composer<BotContext>()
    bot.route(routeOf, routeTable([first, second]))
    bot.use(() => {
      seen.push('unhandled')
    })
    const run = (text: string) =>
      bot.middleware()(new Context(message(text), undefined as never, me) as BotContext, async () => {})

    await run('/plan')
    expect(seen).toEqual(['first', 'second'])
    await run('/scores')
    await run('/nothing')
    await run('/plan@another_bot')
    expect(seen).toEqual(['first', 'second', 'scores', 'unhandled', 'unhandled'])
  })
})

describe('every command a menu offers', () => {
  let h: Harness
  afterEach(async () => {
    expect(h.fake.violations).toEqual([])
    await h.close()
  })

  it('reaches its handler, whoever sends it', async () => {
    // more commands than the flood limit lets one person send in its window: this test is not a flood
    const world = await inProcessWorld({ flood: { limit: 1_000, windowMs: 10_000 } })
    h = world.h
    const all = new Set([null, ...ROLES].flatMap((role) => commandsFor({ role, isOwner: true })))
    const owner = h.fake.user({ id: OWNER.telegramId, first_name: 'Chủ', language_code: 'vi' })
    const stranger = h.fake.user({ id: 9_001, first_name: 'Khách', language_code: 'vi' })
    for (const person of [owner, stranger]) {
      for (const command of all) {
        const replies = await person.say(`/${command}`)
        expect(replies.length, `/${command}`).toBeGreaterThan(0)
        for (const reply of replies) expect(reply.text, `/${command}`).not.toContain('Mình chưa hiểu')
      }
    }
  })
})
