// Telegram's HTML parse mode as the fake implements it, checked against the cases of tdlib's own
// test suite (test/message_entities.cpp): the same error messages at the same byte offsets, the
// same text and entities (offsets in UTF-16 units) on success.
import type { MessageEntity } from 'grammy/types'
import { describe, expect, it } from 'vitest'
import { commandEntities, parseHtml, trimFormatted } from '../../src/emulator/format.ts'

const e = (type: string, offset: number, length: number, extra = {}) =>
  ({ type, offset, length, ...extra }) as MessageEntity

describe('parseHtml (tdlib parity)', () => {
  it.each([
    ['🏟 🏟&lt;<abacaba', 'Unclosed start tag at byte offset 13'],
    ['🏟 🏟&lt;<abac aba>', 'Unsupported start tag "abac" at byte offset 13'],
    ['🏟 🏟&lt;<abac>', 'Unsupported start tag "abac" at byte offset 13'],
    ['🏟 🏟&lt;<i   =aba>', 'Empty attribute name in the tag "i" at byte offset 13'],
    [
      '🏟 🏟&lt;<i    aba>',
      'Expected equal sign in declaration of an attribute of the tag "i" at byte offset 13',
    ],
    ['🏟 🏟&lt;<i    aba  =  ', 'Unclosed start tag "i" at byte offset 13'],
    ['🏟 🏟&lt;<i    aba  =  190azAz-.,', 'Unexpected end of name token at byte offset 27'],
    ['🏟 🏟&lt;<i    aba  =  "&lt;&gt;&quot;>', 'Unclosed start tag at byte offset 13'],
    ["🏟 🏟&lt;<i    aba  =  '&lt;&gt;&quot;>", 'Unclosed start tag at byte offset 13'],
    ['🏟 🏟&lt;</', 'Unexpected end tag at byte offset 13'],
    ['🏟 🏟&lt;<b></b></', 'Unexpected end tag at byte offset 20'],
    ['🏟 🏟&lt;<i>a</i   ', 'Unclosed end tag at byte offset 17'],
    ['🏟 🏟&lt;<i>a</em   >', 'Unmatched end tag at byte offset 17, expected "</i>", found "</em>"'],
    [
      '&#57311;',
      'Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units',
    ],
    ['<tg-emoji emoji-id="abc">x</tg-emoji>', 'Invalid custom emoji identifier specified'],
  ])('refuses %j', (html, message) => {
    expect(() => parseHtml(html)).toThrow(message)
  })

  it.each<[string, string, MessageEntity[]]>([
    ['', '', []],
    ['&lt;&gt;&amp;&quot;&laquo;&raquo;&#12345678;', '<>&"&laquo;&raquo;&#12345678;', []],
    ['➡️ ➡️<i>➡️ ➡️</i><b>➡️ ➡️</b>', '➡️ ➡️➡️ ➡️➡️ ➡️', [e('italic', 5, 5), e('bold', 10, 5)]],
    ['🏟 🏟<i>🏟 &lt🏟</i>', '🏟 🏟🏟 <🏟', [e('italic', 5, 6)]],
    ['🏟 🏟<i>🏟 &gt;<b aba   =   caba>&lt🏟</b></i>', '🏟 🏟🏟 ><🏟', [e('italic', 5, 7), e('bold', 9, 3)]],
    ['🏟 🏟&lt;<i    aba  =  190azAz-.   >a</i>', '🏟 🏟<a', [e('italic', 6, 1)]],
    ["🏟 🏟&lt;<i    aba  =  '&lt;&gt;&quot;'>a</>", '🏟 🏟<a', [e('italic', 6, 1)]],
    ['🏟 🏟&lt;<i>🏟 🏟&lt;</>', '🏟 🏟<🏟 🏟<', [e('italic', 6, 6)]],
    ['🏟 🏟&lt;<b></b>', '🏟 🏟<', []],
    ['<a href=telegram.org> </a>', ' ', [e('text_link', 0, 1, { url: 'http://telegram.org/' })]],
    [
      "<a   href=  'telegram.org?&lt;'   > </a>",
      ' ',
      [e('text_link', 0, 1, { url: 'http://telegram.org/?%3C' })],
    ],
    ['<a> </a>', ' ', []],
    ['<a>telegram.org </a>', 'telegram.org ', []],
    ['<a>telegram.org</a>', 'telegram.org', [e('text_link', 0, 12, { url: 'http://telegram.org/' })]],
    [
      '<code><i><b> </b></i></code><i><b><code> </code></b></i>',
      '  ',
      [
        e('code', 0, 1),
        e('bold', 0, 1),
        e('italic', 0, 1),
        e('code', 1, 1),
        e('bold', 1, 1),
        e('italic', 1, 1),
      ],
    ],
    ['<i><b> </b> <code> </code></i>', '   ', [e('italic', 0, 3), e('bold', 0, 1), e('code', 2, 1)]],
    ['🏟 🏟&lt;<pre><code>🏟 🏟&lt;</code></>', '🏟 🏟<🏟 🏟<', [e('pre', 6, 6), e('code', 6, 6)]],
    [
      '🏟 🏟&lt;<pre><code class="language-fift">🏟 🏟&lt;</></>',
      '🏟 🏟<🏟 🏟<',
      [e('pre', 6, 6, { language: 'fift' })],
    ],
    [
      '🏟 🏟&lt;<code class="language-fift"><pre>🏟 🏟&lt;</></>',
      '🏟 🏟<🏟 🏟<',
      [e('pre', 6, 6, { language: 'fift' })],
    ],
    [
      '🏟 🏟&lt;<pre><code class="language-fift">🏟 🏟&lt;</> </>',
      '🏟 🏟<🏟 🏟< ',
      [e('pre', 6, 7), e('code', 6, 6)],
    ],
    [
      '<blockquote expandable>a</blockquote><tg-spoiler>b</tg-spoiler>',
      'ab',
      [e('expandable_blockquote', 0, 1), e('spoiler', 1, 1)],
    ],
  ])('parses %j', (html, text, entities) => {
    expect(parseHtml(html)).toMatchObject({ text, entities })
  })
})

describe('text helpers', () => {
  it('trims like Telegram and moves entities along', () => {
    expect(trimFormatted('\n  <b>', [e('bold', 1, 4)])).toEqual({ text: '<b>', entities: [e('bold', 0, 2)] })
  })

  it('marks bot commands the way a client does', () => {
    expect(commandEntities('/cefr ielts 6.5')).toEqual([e('bot_command', 0, 5)])
    expect(commandEntities('/start@bdtx_test_bot CODE')).toEqual([e('bot_command', 0, 20)])
    expect(commandEntities('a/b 1/2 /need')).toEqual([e('bot_command', 8, 5)])
  })
})
