import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FluentBundle, FluentResource } from '@fluent/bundle'
import { describe, expect, it } from 'vitest'
import { localesDir } from '../src/bot/i18n.ts'

const load = (lang: string) => readFileSync(join(localesDir, `${lang}.ftl`), 'utf8')
const keysOf = (source: string) => new Set([...source.matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1]))

describe('locales', () => {
  it('vi.ftl and en.ftl have exactly the same keys', () => {
    const vi = keysOf(load('vi'))
    const en = keysOf(load('en'))
    expect(
      [...vi].filter((k) => !en.has(k)),
      'in vi.ftl only',
    ).toEqual([])
    expect(
      [...en].filter((k) => !vi.has(k)),
      'in en.ftl only',
    ).toEqual([])
  })

  it.each(['vi', 'en'])('%s.ftl parses without errors', (lang) => {
    const bundle = new FluentBundle(lang)
    const errors = bundle.addResource(new FluentResource(load(lang)))
    expect(errors).toEqual([])
    const resource = new FluentResource(load(lang))
    // a Fluent syntax error turns into a "junk" entry instead of a message
    expect(resource.body.length).toBe(keysOf(load(lang)).size)
  })
})
