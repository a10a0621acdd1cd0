/**
 * A Telegram message's formatting (its entities) written back as HTML, so that a message an admin
 * composed — bold, italics, links — can be stored and sent again to many people as they wrote it.
 * Entity offsets are in UTF-16 code units, as JavaScript strings are.
 *
 *   entitiesToHtml('Họp tổ 8h', [{ type: 'bold', offset: 0, length: 6 }])  // '<b>Họp tổ</b> 8h'
 */
import type { MessageEntity } from 'grammy/types'
import { escapeHtml } from './i18n.ts'

function tags(entity: MessageEntity): [string, string] | null {
  switch (entity.type) {
    case 'bold':
      return ['<b>', '</b>']
    case 'italic':
      return ['<i>', '</i>']
    case 'underline':
      return ['<u>', '</u>']
    case 'strikethrough':
      return ['<s>', '</s>']
    case 'spoiler':
      return ['<tg-spoiler>', '</tg-spoiler>']
    case 'code':
      return ['<code>', '</code>']
    case 'pre':
      return ['<pre>', '</pre>']
    case 'blockquote':
    case 'expandable_blockquote':
      return ['<blockquote>', '</blockquote>']
    case 'text_link':
      return [`<a href="${escapeHtml(entity.url).replace(/"/g, '&quot;')}">`, '</a>']
    default:
      return null
  }
}

interface Span {
  start: number
  end: number
  open: string
  close: string
}

export function entitiesToHtml(text: string, entities: ReadonlyArray<MessageEntity> = []): string {
  // outer entities first, so that the tags nest properly
  const spans: Span[] = entities
    .flatMap((e) => {
      const pair = tags(e)
      return pair && e.length > 0
        ? [{ start: e.offset, end: e.offset + e.length, open: pair[0], close: pair[1] }]
        : []
    })
    .sort((a, b) => a.start - b.start || b.end - a.end)
  const stack: Span[] = []
  let next = 0
  let out = ''
  for (let i = 0; i <= text.length; i++) {
    // Entities may overlap (bold 0-10, italic 5-15); HTML must nest. Closing one closes those
    // opened inside it too, and the ones that go on are opened again right after.
    const ending = stack.findIndex((s) => s.end <= i)
    if (ending >= 0) {
      const above = stack.splice(ending)
      for (const s of [...above].reverse()) out += s.close
      for (const s of above.filter((s) => s.end > i)) {
        out += s.open
        stack.push(s)
      }
    }
    for (; next < spans.length && spans[next]!.start === i; next++) {
      out += spans[next]!.open
      stack.push(spans[next]!)
    }
    if (i < text.length) out += escapeHtml(text[i]!)
  }
  return out
}
