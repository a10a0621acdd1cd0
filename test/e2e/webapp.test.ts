/**
 * The Mini App grade sheet in a real headless Chromium (Debian's, driven by playwright-core): a head
 * opens the page from /grades with Telegram's signed identity, types scores with decimal commas,
 * sees a wrong value flagged with its reason and each row's result as they type, confirms, and the
 * store, the teachers' /scores and the head's chat show the save; a forged or stale identity and a
 * foreign head are refused.
 */
import { mkdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FakeUser } from '../../src/emulator/fake-user.ts'
import { createLogger } from '../../src/logger.ts'
import { signInitData } from '../../src/webapp/init-data.ts'
import { webAppHandler } from '../../src/webapp/server.ts'
import { type Harness, inProcess, TEST_TOKEN } from '../helpers/bot-harness.ts'
import { type GradesWorld, gradesWorld } from '../services/grades-fixtures.ts'

let h: Harness
let g: GradesWorld
let head: FakeUser
let server: Server
let browser: Browser
let url: string
const logs: string[] = []

const identity = (id: number, at = new Date()) =>
  signInitData(TEST_TOKEN, { id, first_name: 'Test', language_code: 'vi' }, at)

async function open(initData: string, options: { width?: number; theme?: object } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 390, height: 800 } })
  const hash = new URLSearchParams({ tgWebAppData: initData, tgWebAppVersion: '8.0' })
  if (options.theme) hash.set('tgWebAppThemeParams', JSON.stringify(options.theme))
  await page.goto(`${url}#${hash}`)
  return page
}

const card = (page: Page, name: string) => page.locator('section.card', { hasText: name })
const cell = (page: Page, name: string, label: string) =>
  page.getByRole('textbox', { name: `${name} · ${label}`, exact: true })

beforeAll(async () => {
  g = await gradesWorld(3, { 0: 'vi', 1: 'en' })
  h = await inProcess({ app: g.w.app })
  const logger = createLogger('debug', (line) => logs.push(line))
  const app = webAppHandler({ deps: { ...h.app.deps, logger }, token: TEST_TOKEN, api: h.bot.api })
  server = createServer((req, res) => app(req, res) || void res.writeHead(404).end())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/app/grades`
  h.app.deps.webAppUrl = url
  head = h.fake.user({ id: g.s.headToan.telegramId, first_name: 'Head' })
  for (const member of g.team)
    if (member.telegramId) h.fake.user({ id: member.telegramId, first_name: member.fullName })
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
  expect(h.fake.violations).toEqual([])
  await h.close()
})

describe('the grade sheet on the phone', () => {
  it('/grades offers it as a Mini App button', async () => {
    await head.say('/grades')
    const button = head.buttons(head.lastMessage()).find((b) => b.webApp)
    expect(button).toMatchObject({ text: '📱 Mở bảng điểm', webApp: url })
    await head.say('/cancel')
  })

  it('a head types scores with decimal commas, sees a wrong one flagged, confirms and saves', async () => {
    const page = await open(identity(head.id), { width: 360 })
    const [a, b, c] = g.team
    await expect.poll(() => page.locator('section.card').count()).toBe(5)
    await expect.poll(() => page.locator('h1').textContent()).toContain('Bảng điểm BDTX')
    // the head's own row and a teacher without an approved plan cannot be typed into
    expect(await card(page, 'Head Toán').locator('input').count()).toBe(0)
    expect(await card(page, 'Teacher Toán').textContent()).toContain('chưa có kế hoạch')

    const fill = async (name: string, labels: string[], values: string[]) => {
      for (const [i, label] of labels.entries()) await cell(page, name, label).fill(values[i]!)
    }
    await fill(a!.fullName, ['ND1', 'ND2', ...a!.modules], ['8', '9', '8,5', '9', '7', '8'])
    await fill(b!.fullName, ['ND1', 'ND2', ...b!.modules], ['10', '11', '9', '9', '9', '9'])
    const wrong = cell(page, b!.fullName, 'ND2')
    await expect.poll(() => wrong.getAttribute('aria-invalid')).toBe('true')
    expect(await card(page, b!.fullName).locator('.err').textContent()).toContain('11 nằm ngoài thang điểm')
    expect(await page.locator('#action').isDisabled()).toBe(true)
    // the row's result follows what is typed, from the rule engine
    expect(await card(page, a!.fullName).locator('.result').textContent()).toBe('ĐTB 8,4 — Khá')

    await wrong.fill('9')
    await expect.poll(() => wrong.getAttribute('aria-invalid')).toBe(null)
    await expect.poll(() => card(page, b!.fullName).locator('.result').textContent()).toBe('ĐTB 9,3 — Giỏi')
    // a phone's numeric keyboard, and nothing wider than the phone
    expect(await wrong.getAttribute('inputmode')).toBe('decimal')
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360)
    await page.screenshot({ path: screenshotPath(), fullPage: false })

    await page.locator('#action').click()
    await expect.poll(() => page.locator('#summary').textContent()).toBe('Sẽ lưu 12 điểm của 2 người.')
    await expect.poll(() => page.locator('#action').textContent()).toBe('Lưu')
    await page.locator('#action').click()
    await expect
      .poll(() => page.locator('#notice').textContent())
      .toContain('Đã lưu 12 điểm; đã báo cho 2 thầy cô')
    expect(await cell(page, a!.fullName, 'THPT 17').inputValue()).toBe('8,5')

    // the store, the teachers' /scores, the head's chat with its undo
    const teacherA = h.fake.user({ id: a!.telegramId!, first_name: 'A' })
    const teacherB = h.fake.user({ id: b!.telegramId!, first_name: 'B' })
    expect(teacherA.lastMessage()?.text).toContain('ĐTB: 8,4 — xếp loại Khá')
    expect(teacherB.lastMessage()?.text).toContain('Average: 9.3 — class Giỏi (very good)')
    expect((await teacherA.say('/scores')).map((m) => m.text).join('\n')).toContain('ND1 8 · ND2 9')
    expect(head.lastMessage()?.text).toContain('Đã lưu 2 dòng (12 điểm). Đã báo cho 2 người.')
    const stored = await g.w.services.scores.myScores(g.s.headToan, { personId: c!.personId })
    expect(stored.ok && stored.value.components.every((x) => x.value === null)).toBe(true)
    await head.tap((button) => button.text.includes('Hoàn tác'))
    const undone = await g.w.services.scores.myScores(g.s.headToan, { personId: a!.personId })
    expect(undone.ok && undone.value.components.every((x) => x.value === null)).toBe(true)
    await page.close()
  })

  it('follows the Telegram theme', async () => {
    const page = await open(identity(head.id), { theme: { bg_color: '#17212b', text_color: '#f5f5f5' } })
    await expect.poll(() => page.locator('section.card').count()).toBe(5)
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(23, 33, 43)')
    await page.close()
  })

  it('an admin picks a department', async () => {
    const page = await open(identity(g.s.admin.telegramId))
    const select = page.locator('#department')
    await expect.poll(() => select.isVisible()).toBe(true)
    expect(await select.locator('option').allTextContents()).toEqual(['Cả trường', 'Tổ Toán', 'Tổ Văn'])
    await select.selectOption({ label: 'Tổ Văn' })
    await expect
      .poll(() => page.locator('section.card h2').allTextContents())
      .toEqual(['Head Văn', 'Teacher Văn'])
    await page.close()
  })

  it('refuses a forged or stale identity, and logs it', async () => {
    // the head's signature with the user changed to someone else
    const forged = identity(head.id).replace(
      encodeURIComponent(`"id":${head.id}`),
      encodeURIComponent('"id":1'),
    )
    const page = await open(forged)
    await expect.poll(() => page.locator('h1').textContent()).toContain('Không xác minh được')
    expect(await page.locator('section.card').count()).toBe(0)
    await page.close()
    const stale = identity(head.id, new Date(Date.now() - 3 * 24 * 3600 * 1000))
    const rows = [{ personId: g.team[2]!.personId, scores: { nd1: '5' } }]
    for (const initData of [forged, stale, '']) {
      const res = await fetch(url.replace('/app/grades', '/app/api/commit'), {
        method: 'POST',
        body: JSON.stringify({ initData, rows }),
      })
      expect(res.status).toBe(401)
    }
    expect(logs.filter((l) => l.includes('initData refused')).length).toBeGreaterThanOrEqual(3)
    const stored = await g.w.services.scores.myScores(g.s.headToan, { personId: g.team[2]!.personId })
    expect(stored.ok && stored.value.components.every((x) => x.value === null)).toBe(true)
  })

  it("a head of another department sees only theirs and cannot grade this one's", async () => {
    const page = await open(identity(g.s.headVan.telegramId))
    await expect.poll(() => page.locator('section.card').count()).toBe(2)
    expect(await page.locator('main').textContent()).not.toContain(g.team[0]!.fullName)
    // nobody of theirs has an approved plan: nothing to type, so no save bar either
    expect(await page.locator('#bar').isVisible()).toBe(false)
    await page.close()
    const res = await fetch(url.replace('/app/grades', '/app/api/commit'), {
      method: 'POST',
      body: JSON.stringify({
        initData: identity(g.s.headVan.telegramId),
        rows: [{ personId: g.team[2]!.personId, scores: { nd1: '5' } }],
      }),
    })
    expect(res.status).toBe(422)
    const body = (await res.json()) as { preview: { errors: Array<{ message: string }> } }
    expect(body.preview.errors[0]!.message).toContain('không thuộc')
  })
})

function screenshotPath(): string {
  mkdirSync('.tmp', { recursive: true })
  return '.tmp/webapp-grades.png'
}
