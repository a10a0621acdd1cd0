import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.ts'

const token = '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345'

describe('configuration', () => {
  it('runs the sandbox without a token, with the default store path', () => {
    const config = loadConfig({})
    expect(config.mode).toEqual({ kind: 'sandbox' })
    expect(config.databasePath).toBe('./data/bdtx.sqlite')
  })

  it('polls with a token, through another Bot API server when asked', () => {
    const config = loadConfig({ BOT_TOKEN: token, BOT_API_ROOT: 'http://127.0.0.1:8081' })
    expect(config.mode).toEqual({ kind: 'polling', token, apiRoot: 'http://127.0.0.1:8081' })
  })

  it('serves a webhook with a URL and a secret', () => {
    const config = loadConfig({
      BOT_TOKEN: token,
      WEBHOOK_URL: 'https://bot.example.vn/hook',
      WEBHOOK_SECRET: 'x'.repeat(20),
    })
    expect(config.mode).toMatchObject({ kind: 'webhook', url: 'https://bot.example.vn/hook', port: 8080 })
  })

  it('serves the Mini App beside an https webhook, or where WEB_APP_URL says (https only)', () => {
    const hook = {
      BOT_TOKEN: token,
      WEBHOOK_URL: 'https://bot.example.vn/hook',
      WEBHOOK_SECRET: 'x'.repeat(20),
    }
    expect(loadConfig(hook).webAppUrl).toBe('https://bot.example.vn/app/grades')
    expect(loadConfig({ BOT_TOKEN: token }).webAppUrl).toBeUndefined()
    expect(loadConfig({ BOT_TOKEN: token, WEB_APP_URL: 'https://bdtx.vn/app/grades' }).webAppUrl).toBe(
      'https://bdtx.vn/app/grades',
    )
    expect(() => loadConfig({ BOT_TOKEN: token, WEB_APP_URL: 'http://bdtx.vn/app' })).toThrow(
      /WEB_APP_URL must be an https:\/\/ URL/,
    )
  })

  it('lets a local Bot API server call a plain http webhook', () => {
    const config = loadConfig({
      BOT_TOKEN: token,
      BOT_API_ROOT: 'http://127.0.0.1:8081',
      WEBHOOK_URL: 'http://127.0.0.1:8443/hook',
      WEBHOOK_SECRET: 'x'.repeat(20),
      PORT: '8443',
    })
    expect(config.mode).toMatchObject({ kind: 'webhook', url: 'http://127.0.0.1:8443/hook', port: 8443 })
  })

  it.each([
    [
      { BOT_TOKEN: 'abc' },
      /^Configuration error: BOT_TOKEN must be a token from @BotFather.*\(got 3 characters, not shown\)$/,
    ],
    [
      { BOT_TOKEN: token, WEBHOOK_URL: 'http://x.vn' },
      /^Configuration error: WEBHOOK_URL must be an https:\/\/ URL/,
    ],
    [
      { BOT_TOKEN: token, WEBHOOK_URL: 'ftp://x.vn' },
      /^Configuration error: WEBHOOK_URL must be an https:\/\/ URL/,
    ],
    [{ BOT_TOKEN: token, WEBHOOK_URL: 'https://x.vn' }, /WEBHOOK_SECRET must be set/],
    [{ PORT: 'eighty' }, /^Configuration error: PORT must be a port number/],
    [{ OWNER_TELEGRAM_IDS: '12, abc' }, /OWNER_TELEGRAM_IDS must be a comma-separated list/],
  ])('stops with one clear line for %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message)
  })

  it('never prints a malformed token or webhook secret', () => {
    const badToken = '123456789:AAE_secret-part-of-the-token extra'
    const badSecret = 'almost-the-secret-but-with a space'
    for (const env of [
      { BOT_TOKEN: badToken },
      { BOT_TOKEN: token, WEBHOOK_URL: 'https://x.vn', WEBHOOK_SECRET: badSecret },
    ]) {
      const message = (() => {
        try {
          loadConfig(env)
        } catch (e) {
          return (e as Error).message
        }
      })()
      expect(message).toMatch(/characters, not shown\)$/)
      expect(message).not.toContain('secret-part')
      expect(message).not.toContain('almost-the-secret')
    }
  })

  it('reads owner ids', () => {
    expect(loadConfig({ OWNER_TELEGRAM_IDS: '12, 34' }).ownerTelegramIds).toEqual([12, 34])
  })
})
