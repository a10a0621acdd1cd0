/**
 * /modules: the module catalogue by level, paged, with a search by code or words. Every step
 * edits the same message; buttons carry a level, a module id and a page number, never a text.
 *
 *   /modules              the person's own catalogue at once (managers: QL), else a button per level
 *   /modules thpt         that level's catalogue
 *   /modules thpt17       the module with that code ("THPT 17", "thpt-17" alike)
 *   /modules danh gia     modules whose code, title, contents or goals have these words
 *
 * A search's words wait in the session; its buttons carry a short hash of them, so a button of an
 * older search says so instead of paging through the newer one.
 */
import { InlineKeyboard } from 'grammy'
import { type CatalogueId, moduleNumberAlias } from '../../rules/index.ts'
import { DEFAULT_PAGE_SIZE, type Page } from '../../services/catalogue.ts'
import { CATALOGUE_IDS, parseCatalogue } from '../../services/vocabulary.ts'
import type { Module } from '../../store/modules.ts'
import { ignoreNotModified } from '../api.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { escapeHtml } from '../i18n.ts'
import { serviceErrorText } from '../service-errors.ts'

const levelsButton = callbackData('mdk', [])
/** `list`: a catalogue id, or `s` + the search's hash */
const pageButton = callbackData('mdp', ['list', 'page'])
const moduleButton = callbackData('mdm', ['id', 'list', 'page'])
/** the "2/5" between the arrows: answers, changes nothing */
const pageNumberButton = callbackData('mdn', ['page', 'pages'])

const MAX_QUERY = 100
/** Telegram's limit is 4096; the rest is room for labels and line breaks */
const CARD_BUDGET = 3800
const GOALS_MAX = 1000
const TITLE_IN_BUTTON = 44
const TITLE_IN_LIST = 160

interface View {
  text: string
  keyboard: InlineKeyboard
}

/** Where a card's back button leads. */
interface Back {
  list: string
  page: number
}

const isCatalogue = (value: string | undefined): value is CatalogueId =>
  CATALOGUE_IDS.includes(value as CatalogueId)

/** A list button's catalogue: "THPT", or "THPT~tt19-2019" for a person's own under their year's regulation. */
interface Listed {
  level: CatalogueId
  profile?: string
}

const PROFILE_MARK = '~'

function listOf(value: string | undefined): Listed | undefined {
  const [level, profile] = (value ?? '').split(PROFILE_MARK)
  if (!isCatalogue(level)) return undefined
  return profile ? { level, profile } : { level }
}

const listKey = (listed: Listed) =>
  listed.profile ? `${listed.level}${PROFILE_MARK}${listed.profile}` : listed.level

/** Cuts at a word boundary near `max` characters and marks the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.search(/\s\S*$/)
  return `${(space > max - 40 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/** A short, stable tag of a search's words (FNV-1a), to tell one search's buttons from another's. */
function searchTag(query: string): string {
  let hash = 0x811c9dc5
  for (const char of query) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0
  return `s${hash.toString(36)}`
}

function levelName(ctx: BotContext, level: CatalogueId): string {
  return ctx.t(`modules-level-${level}`)
}

/** Buttons for every catalogue, with how many modules each has. */
async function levelsView(ctx: BotContext): Promise<View> {
  const counts = new Map((await ctx.deps.catalogue.levels()).map((l) => [l.level, l.count]))
  const keyboard = new InlineKeyboard()
  CATALOGUE_IDS.forEach((level, i) => {
    const count = counts.get(level) ?? 0
    const name = levelName(ctx, level)
    keyboard.text(
      count > 0 ? ctx.t('modules-level-button', { level: name, count }) : name,
      pageButton.pack({ list: level, page: 1 }),
    )
    if (i % 2 === 1) keyboard.row()
  })
  return { text: ctx.t('modules-choose-level'), keyboard }
}

function moduleLine(ctx: BotContext, module: Module): string {
  return ctx.t('modules-list-line', {
    code: escapeHtml(module.code),
    title: escapeHtml(clip(module.title, TITLE_IN_LIST)),
    hours: module.hoursTotal,
  })
}

/** One button per module, then ◀ x/y ▶, then the way back to the levels. */
function listKeyboard(ctx: BotContext, page: Page<Module>, list: string): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const module of page.items) {
    keyboard
      .text(
        clip(`${module.code} — ${module.title}`, TITLE_IN_BUTTON),
        moduleButton.pack({ id: module.id, list, page: page.page }),
      )
      .row()
  }
  if (page.pageCount > 1) {
    if (page.page > 1) keyboard.text('◀', pageButton.pack({ list, page: page.page - 1 }))
    keyboard.text(
      `${page.page}/${page.pageCount}`,
      pageNumberButton.pack({ page: page.page, pages: page.pageCount }),
    )
    if (page.page < page.pageCount) keyboard.text('▶', pageButton.pack({ list, page: page.page + 1 }))
    keyboard.row()
  }
  return keyboard.text(ctx.t('modules-button-levels'), levelsButton.pack({}))
}

function listText(ctx: BotContext, heading: string, page: Page<Module>): string {
  return [
    heading,
    '',
    ...page.items.map((m) => moduleLine(ctx, m)),
    '',
    ctx.t('modules-list-page', { page: page.page, pages: page.pageCount }),
  ].join('\n')
}

async function levelView(ctx: BotContext, listed: Listed, pageNumber: number): Promise<View> {
  const { level } = listed
  const result = await ctx.deps.catalogue.browse(undefined, {
    level,
    ...(listed.profile ? { profile: listed.profile } : {}),
    page: pageNumber,
    pageSize: DEFAULT_PAGE_SIZE,
  })
  const levels = new InlineKeyboard().text(ctx.t('modules-button-levels'), levelsButton.pack({}))
  if (!result.ok) return { text: serviceErrorText(ctx.t, result.error), keyboard: levels }
  const page = result.value
  const name = levelName(ctx, level)
  if (page.total === 0) return { text: ctx.t('modules-level-empty', { level: name }), keyboard: levels }
  const heading = ctx.t('modules-list-level', { level: name, total: page.total })
  return { text: listText(ctx, heading, page), keyboard: listKeyboard(ctx, page, listKey(listed)) }
}

type Found = { kind: 'view'; view: View } | { kind: 'one'; module: Module }

async function searchView(ctx: BotContext, query: string, pageNumber: number): Promise<Found> {
  const result = await ctx.deps.catalogue.search(undefined, {
    query,
    page: pageNumber,
    pageSize: DEFAULT_PAGE_SIZE,
  })
  const levels = new InlineKeyboard().text(ctx.t('modules-button-levels'), levelsButton.pack({}))
  if (!result.ok)
    return { kind: 'view', view: { text: serviceErrorText(ctx.t, result.error), keyboard: levels } }
  const page = result.value
  const shown = escapeHtml(query)
  if (page.total === 0) {
    return { kind: 'view', view: { text: ctx.t('modules-search-none', { query: shown }), keyboard: levels } }
  }
  // a code names one module: show it rather than a list of one
  if (page.total === 1 && result.value.matchedBy === 'code') return { kind: 'one', module: page.items[0]! }
  const heading = ctx.t('modules-list-search', { query: shown, total: page.total })
  return {
    kind: 'view',
    view: { text: listText(ctx, heading, page), keyboard: listKeyboard(ctx, page, searchTag(query)) },
  }
}

function hoursText(ctx: BotContext, module: Module): string {
  const split = [
    module.hoursTheory === null ? null : ctx.t('modules-hours-theory', { n: module.hoursTheory }),
    module.hoursPractice === null ? null : ctx.t('modules-hours-practice', { n: module.hoursPractice }),
    module.hoursSelfStudy === null ? null : ctx.t('modules-hours-self-study', { n: module.hoursSelfStudy }),
  ].filter((part) => part !== null)
  return split.length > 0
    ? ctx.t('modules-card-hours-split', { total: module.hoursTotal, split: split.join(', ') })
    : ctx.t('modules-card-hours', { total: module.hoursTotal })
}

/**
 * A module's card: code and title, catalogue and programme, contents, goals, hours. Long contents
 * and goals are cut with an ellipsis so the card stays one message.
 */
function cardView(ctx: BotContext, module: Module, back: Back): View {
  const none = ctx.t('modules-card-none')
  const head = [
    ctx.t('modules-card-title', { code: escapeHtml(module.code), title: escapeHtml(module.title) }),
    ctx.t('modules-card-source', {
      level: levelName(ctx, module.level),
      source: escapeHtml(module.source),
    }),
    ...(module.area ? [ctx.t('modules-card-area', { area: escapeHtml(module.area) })] : []),
  ]
  const hours = hoursText(ctx, module)
  const goals = clip(module.goals.trim(), GOALS_MAX)
  const labels = ctx.t('modules-card-contents').length + ctx.t('modules-card-goals').length
  const used = [...head, hours, goals].join('\n').length + labels + 10
  const contents = clip(module.contents.trim(), Math.max(200, CARD_BUDGET - used))
  const text = [
    ...head,
    '',
    ctx.t('modules-card-contents'),
    contents ? escapeHtml(contents) : none,
    '',
    ctx.t('modules-card-goals'),
    goals ? escapeHtml(goals) : none,
    '',
    hours,
  ].join('\n')
  const keyboard = new InlineKeyboard()
    .text(ctx.t('modules-button-back'), pageButton.pack({ list: back.list, page: back.page }))
    .row()
    .text(ctx.t('modules-button-levels'), levelsButton.pack({}))
  return { text, keyboard }
}

/**
 * The person's own catalogue: managers the managers' one, everyone else their level's, under
 * their current year's regulation (its programme's modules and the untagged ones).
 */
async function ownCatalogue(ctx: BotContext): Promise<Listed | undefined> {
  if (!ctx.from) return undefined
  const me = await ctx.deps.people.whoAmI({ telegramId: ctx.from.id })
  const person = me.ok ? me.value.person : null
  if (!person) return undefined
  const level = person.role === 'manager' ? 'QL' : person.level
  if (!level) return undefined
  const year = await ctx.deps.regulation.ofActor({ telegramId: ctx.from.id })
  return year ? { level, profile: year.profile.id } : { level }
}

const reply = (ctx: BotContext, view: View) => ctx.reply(view.text, { reply_markup: view.keyboard })

const edit = (ctx: BotContext, view: View) =>
  ctx.editMessageText(view.text, { reply_markup: view.keyboard }).catch(ignoreNotModified)

const feature = new Feature()

feature.command('modules', async (ctx) => {
  const query = ctx.match.trim().replace(/\s+/g, ' ').slice(0, MAX_QUERY)
  if (query === '') {
    const own = await ownCatalogue(ctx)
    return reply(ctx, own ? await levelView(ctx, own, 1) : await levelsView(ctx))
  }
  const level = parseCatalogue(query)
  if (level) return reply(ctx, await levelView(ctx, { level }, 1))
  // "mô đun 19": the module with that number in the person's own catalogue
  if (moduleNumberAlias(query) !== null) {
    const own = await ownCatalogue(ctx)
    const module = own && (await ctx.deps.catalogue.resolve(undefined, { typed: query, ...own }))
    if (module) return reply(ctx, cardView(ctx, module, { list: listKey(own), page: 1 }))
  }
  ctx.session.moduleSearch = query
  const found = await searchView(ctx, query, 1)
  if (found.kind === 'view') return reply(ctx, found.view)
  return reply(ctx, cardView(ctx, found.module, { list: found.module.level, page: 1 }))
})

feature.callbackQuery(levelsButton, async (ctx) => {
  await ctx.answerCallbackQuery()
  await edit(ctx, await levelsView(ctx))
})

feature.callbackQuery(pageButton, async (ctx) => {
  const data = pageButton.unpack(ctx.callbackQuery.data)
  const page = Number(data?.page)
  if (!data || !Number.isInteger(page) || page < 1)
    return ctx.answerCallbackQuery({ text: ctx.t('unhandled-button') })
  const listed = listOf(data.list)
  if (listed) {
    await ctx.answerCallbackQuery()
    return edit(ctx, await levelView(ctx, listed, page))
  }
  const query = ctx.session.moduleSearch
  if (!query || searchTag(query) !== data.list)
    return ctx.answerCallbackQuery({ text: ctx.t('modules-search-expired') })
  await ctx.answerCallbackQuery()
  const found = await searchView(ctx, query, page)
  const view =
    found.kind === 'view' ? found.view : cardView(ctx, found.module, { list: found.module.level, page: 1 })
  await edit(ctx, view)
})

feature.callbackQuery(moduleButton, async (ctx) => {
  const data = moduleButton.unpack(ctx.callbackQuery.data)
  const id = Number(data?.id)
  const page = Number(data?.page)
  if (!data || !Number.isInteger(id) || !Number.isInteger(page))
    return ctx.answerCallbackQuery({ text: ctx.t('unhandled-button') })
  const module = await ctx.deps.catalogue.get(undefined, { moduleId: id })
  if (!module.ok) return ctx.answerCallbackQuery({ text: serviceErrorText(ctx.t, module.error) })
  await ctx.answerCallbackQuery()
  await edit(ctx, cardView(ctx, module.value, { list: data.list, page }))
})

feature.callbackQuery(pageNumberButton, async (ctx) => {
  const data = pageNumberButton.unpack(ctx.callbackQuery.data)
  await ctx.answerCallbackQuery(
    data ? { text: ctx.t('modules-page-answer', { page: data.page, pages: data.pages }) } : {},
  )
})

export { feature as modulesFeature }
