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

export function entitiesToHtml(text: string, entities: ReadonlyArray<MessageEntity> = []): string {
  const opens = new Map<number, string[]>()
  const closes = new Map<number, string[]>()
  // outer entities first, so that the tags nest properly
  const sorted = [...entities].sort((a, b) => a.offset - b.offset || b.length - a.length)
  for (const entity of sorted) {
    const pair = tags(entity)
    if (!pair) continue
    opens.set(entity.offset, [...(opens.get(entity.offset) ?? []), pair[0]])
    const end = entity.offset + entity.length
    closes.set(end, [pair[1], ...(closes.get(end) ?? [])])
  }
  let out = ''
  for (let i = 0; i <= text.length; i++) {
    out += (closes.get(i) ?? []).join('') + (opens.get(i) ?? []).join('')
    if (i < text.length) out += escapeHtml(text[i]!)
  }
  return out
}
