/**
 * The chart pictures and texts (issue 12) without the chat: a TT 19/2019 year's "Hoàn thành" class
 * is drawn and counted (it has no Giỏi / Khá); a province of 40 schools draws the first bars and
 * says in the caption how many more there are, under Telegram's 1,024 characters; long names go on
 * two lines; the late list of 500 people stays in one message with "và N người khác".
 */
import { createCanvas, loadImage } from '@napi-rs/canvas'
import { describe, expect, it } from 'vitest'
import { statusText } from '../../src/bot/features/report.ts'
import { lateBlock, withLate } from '../../src/bot/features/report-more.ts'
import { createI18n } from '../../src/bot/i18n.ts'
import { wrapLabel } from '../../src/services/charts.ts'
import type { LateList } from '../../src/services/late.ts'
import { type ClassRow, classChart, MAX_BARS } from '../../src/services/report-charts.ts'
import type { GroupStatus } from '../../src/services/reports.ts'

const i18n = createI18n()
const t = (key: string, args?: Record<string, string | number>) => i18n.t('vi', key, args)

function teachers(counts: Partial<GroupStatus['teachers']>): GroupStatus['teachers'] {
  const c = {
    Gioi: 0,
    Kha: 0,
    TrungBinh: 0,
    HoanThanh: 0,
    KhongHoanThanh: 0,
    pending: 0,
    'no-approved-plan': 0,
    ...counts,
  }
  const total = Object.values(c).reduce((a, b) => a + b, 0)
  return { ...c, total }
}

async function colours(png: Buffer): Promise<Set<string>> {
  const image = await loadImage(png)
  const canvas = createCanvas(image.width, image.height)
  const ctx = canvas.getContext('2d')
  ctx.drawImage(image, 0, 0)
  const data = ctx.getImageData(0, 0, image.width, image.height).data
  const out = new Set<string>()
  for (let i = 0; i < data.length; i += 4) out.add(`${data[i]},${data[i + 1]},${data[i + 2]}`)
  return out
}

describe('classChart', () => {
  it("draws and counts the classes of the year's regulation: TT 19's Hoàn thành, TT 26's Giỏi, Khá, Trung bình", async () => {
    const tt19 = await classChart(t, {
      title: 'Xếp loại',
      subtitle: 'THCS Kim Đồng · 2025-2026',
      rows: [{ name: 'Cả trường', teachers: teachers({ HoanThanh: 7, KhongHoanThanh: 1, pending: 2 }) }],
      classes: ['HoanThanh'],
    })
    // TT 19 has no Giỏi / Khá / Trung bình: neither drawn nor counted
    expect(tt19.caption).toContain('Cả trường (10): Hoàn thành 7 · Không hoàn thành 1 · chưa có kết quả 2')
    expect(await colours(tt19.png)).toContain('0,137,123')
    const tt26 = await classChart(t, {
      title: 'Xếp loại',
      subtitle: 'THPT · 2025-2026',
      rows: [{ name: 'Cả trường', teachers: teachers({ Gioi: 3, Kha: 2 }) }],
      classes: ['Gioi', 'Kha', 'TrungBinh'],
    })
    expect(tt26.caption).toContain(
      'Cả trường (5): Giỏi 3 · Khá 2 · Trung bình 0 · Không hoàn thành 0 · chưa có kết quả 0',
    )
    expect(tt26.caption).not.toContain('Hoàn thành')
    expect(await colours(tt26.png)).not.toContain('0,137,123')
  })

  it('draws at most MAX_BARS bars of 40 schools and keeps the caption under 1,024 characters', async () => {
    const rows: ClassRow[] = Array.from({ length: 40 }, (_, i) => ({
      name: `Trường THCS Nguyễn Thị Minh Khai số ${i + 1}`,
      teachers: teachers({ Gioi: i, Kha: 2, pending: 1 }),
    }))
    const chart = await classChart(t, { title: 'Xếp loại', subtitle: '40 trường', rows })
    expect([...chart.caption].length).toBeLessThanOrEqual(1024)
    expect(chart.caption).toContain(`Biểu đồ vẽ ${MAX_BARS} cột đầu; ${40 - MAX_BARS} cột nữa`)
    expect(chart.caption).toMatch(/… và \d+ dòng nữa: xem bảng \.xlsx\./)
    const image = await loadImage(chart.png)
    expect(image.width).toBe(1080)
    expect(image.height).toBeLessThan(2000)
  })

  it('puts a long name on two lines', () => {
    expect(wrapLabel('Tổ Toán – Tin (8)')).toBe('Tổ Toán – Tin (8)')
    expect(wrapLabel('Tổ Khoa học tự nhiên và công nghệ thông tin (12)')).toEqual([
      'Tổ Khoa học tự nhiên và công',
      'nghệ thông tin (12)',
    ])
  })
})

describe('the late list under /report', () => {
  const late = (n: number): LateList => ({
    deadline: {
      id: 1,
      schoolYearId: 1,
      key: 'plan-writing',
      titleVi: 'Giáo viên viết và nộp kế hoạch BDTX cá nhân',
      titleEn: 'Write and submit your personal BDTX plan',
      opensOn: null,
      dueDate: '2025-09-07',
      dueTime: null,
      roles: ['teacher'],
      departmentIds: null,
      task: 'plan-submitted',
      sortOrder: 1,
      createdAt: '',
      updatedAt: '',
      removedAt: null,
      schoolId: 1,
      endsAt: '2025-09-07T16:59:59.999Z',
      passed: false,
      daysLeft: 1,
    },
    people: Array.from({ length: n }, (_, i) => ({
      personId: i + 1,
      fullName: `Nguyễn Thị Phương Thảo <${i + 1}>`,
      departmentName: 'Tổ Ngữ văn – Lịch sử – Địa lý – Giáo dục công dân',
      linked: i % 2 === 0,
    })),
  })

  it('names at most ten of 500, escaped, and counts the rest', () => {
    const block = lateBlock(t as never, 'vi', late(500), 4000)
    expect(block.shown).toHaveLength(10)
    expect(block.lines[0]).toContain('hạn 07/09/2025 (ngày mai): 500 người')
    expect(block.lines[1]).toBe(
      '1. Nguyễn Thị Phương Thảo &lt;1&gt; — Tổ Ngữ văn – Lịch sử – Địa lý – Giáo dục công dân',
    )
    expect(block.lines.at(-1)).toBe('… và 490 người khác.')
  })

  it('fits under a status that already fills most of the message', () => {
    const status = 'x'.repeat(3850)
    const { text, shown } = withLate(t as never, 'vi', status, late(500))
    expect(text.length).toBeLessThan(4096)
    expect(text).toContain('… và 500 người khác.')
    expect(shown).toEqual([])
  })

  it('gives up the list rather than the limit when the status leaves no room', () => {
    const full = withLate(t as never, 'vi', 'x'.repeat(3990), late(500))
    expect(full.text).toBe('x'.repeat(3990))
    expect(full.shown).toEqual([])
  })

  it('shows the TT 19 class in the status line only when someone has it', () => {
    const g = (ht: number): GroupStatus => ({
      departmentId: null,
      departmentName: null,
      people: 10,
      plans: { notSubmitted: 0, submitted: 0, approved: 10, returned: 0 },
      grades: { complete: 10, missing: 0 },
      teachers: teachers({ HoanThanh: ht, KhongHoanThanh: 10 - ht }),
      managers: { Dat: 0, KhongDat: 0, pending: 0, 'no-approved-plan': 0, total: 0 },
      certificates: { eligible: ht, ineligible: [] },
    })
    const report = (ht: number) =>
      statusText(t as never, {
        schoolId: 1,
        schoolName: 'Trường THPT Nguyễn Du',
        schoolYear: { id: 1, name: '2025-2026', resultsLocked: false, profileId: 'tt19-2019' },
        regulation: ['TT 19/2019/TT-BGDĐT'],
        departmentId: null,
        total: g(ht),
        groups: [],
      })
    expect(report(9)).toContain('Trung bình 0 · Hoàn thành 9 · Không hoàn thành 1')
    expect(report(0)).toContain('Trung bình 0 · Không hoàn thành 10')
  })
})
