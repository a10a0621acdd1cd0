// The grade sheet page: plain DOM, no framework. Every check and every result comes from the server
// (the bot's rule engine); the page only collects what is typed and shows what the server says.
;(() => {
  const hash = new URLSearchParams(location.hash.slice(1))
  const tg = window.Telegram?.WebApp
  const initData = tg?.initData || hash.get('tgWebAppData') || ''
  const $ = (id) => document.getElementById(id)

  // Telegram's theme: the client passes it in the launch parameters
  try {
    const theme = tg?.themeParams || JSON.parse(hash.get('tgWebAppThemeParams') || 'null')
    if (theme) {
      for (const [key, value] of Object.entries(theme))
        document.documentElement.style.setProperty(`--tg-theme-${key.replace(/_/g, '-')}`, value)
      document.documentElement.dataset.themed = ''
    }
  } catch {}
  if (tg) {
    tg.ready()
    tg.expand()
  }

  let sheet = null
  let strings = {}
  let confirming = false
  let timer = 0
  let asked = 0

  async function call(path, extra) {
    const departmentId = $('department').value ? Number($('department').value) : undefined
    const res = await fetch(`api/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ initData, departmentId, ...extra }),
    })
    const json = await res.json().catch(() => ({}))
    return { status: res.status, json }
  }

  function notice(text) {
    $('notice').textContent = text || ''
  }

  /** What was typed, for every editable person whose cells differ from what is saved. */
  function rows() {
    const out = []
    for (const row of sheet.rows) {
      if (!row.editable) continue
      const scores = {}
      let typed = false
      for (const c of row.components) {
        const value = document
          .querySelector(`input[data-person="${row.personId}"][data-key="${c.key}"]`)
          .value.trim()
        if (value !== c.value) typed = true
        if (value !== '') scores[c.key] = value
      }
      if (typed) out.push({ personId: row.personId, scores })
    }
    return out
  }

  function render() {
    document.documentElement.lang = sheet.language
    document.title = strings.title
    $('title').textContent = `${strings.title} · ${sheet.year}`
    $('hint').textContent = sheet.locked ? strings.locked : strings.hint
    const main = $('rows')
    main.textContent = ''
    for (const row of sheet.rows) {
      const card = document.createElement('section')
      card.className = 'card'
      card.dataset.person = row.personId
      const h = document.createElement('h2')
      h.textContent = row.name
      card.append(h)
      if (row.department && !sheet.department) {
        const m = document.createElement('div')
        m.className = 'meta'
        m.textContent = row.department
        card.append(m)
      }
      if (row.note) {
        const m = document.createElement('div')
        m.className = 'meta'
        m.textContent = row.note
        card.append(m)
      }
      if (row.components.length > 0) {
        const cells = document.createElement('div')
        cells.className = 'cells'
        for (const c of row.components) {
          const label = document.createElement('label')
          label.textContent = c.label
          if (c.title) label.title = c.title
          const input = document.createElement('input')
          input.inputMode = 'decimal'
          input.enterKeyHint = 'next'
          input.autocomplete = 'off'
          input.value = c.value
          input.dataset.person = row.personId
          input.dataset.key = c.key
          input.disabled = !row.editable
          input.setAttribute('aria-label', `${row.name} · ${c.label}`)
          label.append(input)
          cells.append(label)
        }
        card.append(cells)
      }
      const result = document.createElement('div')
      result.className = 'result'
      result.textContent = resultText(row)
      card.append(result)
      const err = document.createElement('div')
      err.className = 'err'
      card.append(err)
      main.append(card)
    }
    const editable = sheet.rows.some((r) => r.editable)
    $('bar').hidden = !editable
    reset()
  }

  function resultText(r) {
    if (!r.verdict) return ''
    return r.average ? `${strings.average} ${r.average} — ${r.verdict}` : r.verdict
  }

  function reset() {
    confirming = false
    $('back').hidden = true
    $('action').textContent = strings.preview
    $('summary').textContent = ''
    $('action').disabled = rows().length === 0
  }

  function show(preview) {
    for (const input of document.querySelectorAll('input[data-key]')) {
      const row = sheet.rows.find((r) => r.personId === Number(input.dataset.person))
      const saved = row.components.find((c) => c.key === input.dataset.key).value
      input.classList.toggle('changed', input.value.trim() !== saved)
      input.removeAttribute('aria-invalid')
      input.title = ''
    }
    for (const card of document.querySelectorAll('.card')) card.querySelector('.err').textContent = ''
    for (const r of preview.rows) {
      const card = document.querySelector(`.card[data-person="${r.personId}"]`)
      if (card) card.querySelector('.result').textContent = resultText(r)
    }
    for (const e of preview.errors) {
      const card = e.personId && document.querySelector(`.card[data-person="${e.personId}"]`)
      if (!card) {
        notice(e.message)
        continue
      }
      const input = e.key && card.querySelector(`input[data-key="${e.key}"]`)
      if (input) {
        input.setAttribute('aria-invalid', 'true')
        input.title = e.message
      }
      const err = card.querySelector('.err')
      err.textContent = err.textContent ? `${err.textContent}\n${e.message}` : e.message
    }
    $('summary').textContent = preview.summary
    $('action').disabled = preview.errors.length > 0 || preview.changes === 0
  }

  async function check() {
    const mine = ++asked
    const { status, json } = await call('preview', { rows: rows() })
    if (mine !== asked) return // a newer keystroke's answer is coming
    if (status !== 200) return notice(json.message || strings['network-error'])
    notice('')
    show(json)
  }

  $('rows').addEventListener('input', () => {
    reset()
    clearTimeout(timer)
    timer = setTimeout(check, 250)
  })
  // Enter (the keyboard's "next") moves to the next cell
  $('rows').addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return
    event.preventDefault()
    const inputs = [...document.querySelectorAll('input[data-key]:not(:disabled)')]
    const next = inputs[inputs.indexOf(event.target) + 1]
    if (next) next.focus()
    else event.target.blur()
  })
  $('department').addEventListener('change', () => load())
  $('back').addEventListener('click', () => reset())
  $('action').addEventListener('click', async () => {
    $('action').disabled = true
    if (!confirming) {
      clearTimeout(timer)
      await check()
      if ($('action').disabled) return
      confirming = true
      $('back').textContent = strings.back
      $('back').hidden = false
      $('action').textContent = strings.save
      $('action').disabled = false
      return
    }
    $('summary').textContent = strings.saving
    const { status, json } = await call('commit', { rows: rows() })
    if (status === 422 && json.preview) {
      reset()
      return show(json.preview)
    }
    if (status !== 200) {
      reset()
      return notice(json.message || strings['network-error'])
    }
    await load()
    notice(json.message)
  })

  async function load() {
    const { status, json } = await call('sheet', {})
    if (status !== 200) {
      $('title').textContent = json.message || 'BDTX'
      $('bar').hidden = true
      $('rows').textContent = ''
      return
    }
    sheet = json
    strings = json.strings
    const select = $('department')
    const departments = new Map(
      json.rows.filter((r) => r.departmentId).map((r) => [r.departmentId, r.department]),
    )
    if (!json.department && departments.size > 1 && select.options.length === 0) {
      // an admin's whole school: one department at a time, as in the chat
      select.append(new Option(strings['all-departments'], ''))
      for (const [id, name] of departments) select.append(new Option(name, String(id)))
      select.hidden = false
    }
    render()
  }

  load().catch(() => notice(strings['network-error'] || '…'))
})()
