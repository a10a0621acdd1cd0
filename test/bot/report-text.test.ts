/** /report stays one message under Telegram's limit however many departments a school has. */
import { describe, expect, it } from 'vitest'
import { statusText } from '../../src/bot/features/report.ts'
import { createI18n } from '../../src/bot/i18n.ts'
import type { GroupStatus, StatusReport } from '../../src/services/reports.ts'

const i18n = createI18n()
const t = ((key: string, args?: Record<string, string | number>) => i18n.t('vi', key, args)) as never

function group(id: number, people: number): GroupStatus {
  return {
    departmentId: id,
    departmentName: `Tổ Ngữ văn – Lịch sử – Địa lý – Giáo dục công dân số ${id}`,
    people,
    plans: { notSubmitted: 1, submitted: 2, approved: people - 3, returned: 0 },
    grades: { complete: people - 5, missing: 2 },
    teachers: {
      Gioi: 10,
      Kha: 20,
      TrungBinh: 5,
      HoanThanh: 0,
      KhongHoanThanh: 1,
      pending: 2,
      'no-approved-plan': 3,
      total: people,
    },
    managers: { Dat: 0, KhongDat: 0, pending: 0, 'no-approved-plan': 0, total: 0 },
    certificates: { eligible: 36, ineligible: [] },
  }
}

describe('statusText', () => {
  it('summarises 80 departments of 60 people in one message and says how many it left out', () => {
    const groups = Array.from({ length: 80 }, (_, i) => group(i + 1, 60))
    const report: StatusReport = {
      schoolId: 1,
      schoolName: 'Trường THPT Nguyễn Du',
      schoolYear: { id: 1, name: '2025-2026', resultsLocked: false, profileId: 'TT26-2012' },
      regulation: ['TT 26/2012/TT-BGDĐT', 'TT 27/2015/TT-BGDĐT'],
      departmentId: null,
      total: { ...group(0, 4800), departmentId: null, departmentName: null },
      groups,
    }
    const text = statusText(t, report)
    expect(text.length).toBeLessThan(4096)
    expect(text).toContain('Tổ Ngữ văn – Lịch sử – Địa lý – Giáo dục công dân số 1</b> (60)')
    expect(text).toMatch(/… và \d+ tổ nữa/)
    expect(text).toContain('Trường THPT Nguyễn Du, cả trường (4.800 người)')
  })
})
