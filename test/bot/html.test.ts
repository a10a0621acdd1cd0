import { describe, expect, it } from 'vitest'
import { entitiesToHtml } from '../../src/bot/html.ts'
import { parseHtml } from '../../src/emulator/format.ts'

describe('entitiesToHtml', () => {
  it('writes formatting back as HTML, escaping the text', () => {
    expect(
      entitiesToHtml('Họp tổ 8h <gấp> & đủ', [
        { type: 'bold', offset: 0, length: 6 },
        { type: 'italic', offset: 4, length: 2 },
        { type: 'text_link', offset: 7, length: 2, url: 'https://a.vn/?x=1&y="2"' },
      ]),
    ).toBe('<b>Họp <i>tổ</i></b> <a href="https://a.vn/?x=1&amp;y=&quot;2&quot;">8h</a> &lt;gấp&gt; &amp; đủ')
  })

  it('round-trips through Telegram-style parsing', () => {
    const text = 'Nộp hồ sơ trước 15/4 😀 nhé'
    const entities = [
      { type: 'bold' as const, offset: 0, length: 9 },
      { type: 'underline' as const, offset: 17, length: 4 },
    ]
    const parsed = parseHtml(entitiesToHtml(text, entities))
    expect(parsed.text).toBe(text)
    expect(parsed.entities.map(({ type, offset, length }) => ({ type, offset, length }))).toEqual(entities)
    expect(parsed.warnings).toEqual([])
  })
})

describe('overlapping formatting', () => {
  it('is written as well-nested HTML that Telegram accepts, each character keeping its styles', () => {
    const text = 'Họp tổ chuyên môn sáng thứ Sáu'
    const entities = [
      { type: 'bold' as const, offset: 0, length: 10 },
      { type: 'italic' as const, offset: 4, length: 13 },
      { type: 'underline' as const, offset: 7, length: 15 },
    ]
    const html = entitiesToHtml(text, entities)
    const parsed = parseHtml(html)
    expect(parsed.warnings).toEqual([])
    expect(parsed.text).toBe(text)
    const styles = (list: ReadonlyArray<{ type: string; offset: number; length: number }>) =>
      [...text].map((_, i) =>
        list
          .filter((e) => e.offset <= i && i < e.offset + e.length)
          .map((e) => e.type)
          .sort()
          .join('+'),
      )
    expect(styles(parsed.entities)).toEqual(styles(entities))
  })
})
