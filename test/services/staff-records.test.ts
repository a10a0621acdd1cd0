/**
 * Staff records (issue 15): the import (every error by row, nothing saved half-way, the template
 * read back as it was written), one person from the chat, who may see and change what, the CEFR
 * level a certificate shows; /standards' gaps by standard with their source, and the ratios.
 */
import { describe, expect, it } from 'vitest'
import { Stores } from '../../src/store/stores.ts'
import { xlsx } from './sheets.ts'
import { must, OWNER, refused, school, snapshot, world } from './support.ts'

async function schoolWorld() {
  const w = await world()
  await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  return { w, a: await school(w, 'THPT A', 100) }
}

const HEADER = [
  'Họ và tên',
  'Tổ',
  'Trình độ chuyên môn',
  'Chuyên ngành',
  'Lý luận chính trị',
  'Chứng chỉ QLGD',
  'Tin học',
  'Quy hoạch',
  'Chứng chỉ ngoại ngữ',
  'Điểm',
  'Ngày cấp',
]

describe('staff records import', () => {
  it('lists every bad row with its column and saves nothing, then saves the fixed file whole', async () => {
    const { w, a } = await schoolWorld()
    const bad = await xlsx([
      HEADER,
      [
        'Admin THPT A',
        null,
        'thạc sĩ',
        'Quản lý giáo dục',
        'trung cấp',
        'có',
        'ứng dụng quản lý',
        'không',
        'IELTS',
        '6,5',
        '12/05/2023',
      ],
      ['Teacher Toán', 'Tổ Toán', 'tiến sĩ toán', 'Toán', null, null, 'cơ bản', 'có', 'IELTS', '6.3', null],
      ['Người Lạ', null, 'đại học', null, null, null, null, null, null, null, null],
      ['Teacher Văn', 'Tổ Toán', 'đại học', null, null, null, null, null, null, null, null],
      [
        'Head Văn',
        'Tổ Văn',
        'đại học',
        'Ngữ văn',
        'sơ cấp',
        'chưa',
        'cơ bản',
        'có',
        'TOEIC',
        '850 170 160',
        '31/02/2024',
      ],
    ])
    const before = await snapshot(w)
    const preview = must(
      await w.services.staff.previewImport(a.admin, {
        schoolId: a.school.id,
        fileName: 'hs.xlsx',
        data: bad,
      }),
    )
    expect(preview.errors.map((e) => [e.row, e.column, e.code, e.value])).toEqual([
      [3, 'Trình độ chuyên môn', 'unknown-value', 'tiến sĩ toán'],
      [3, 'Điểm', 'bad-score', '6.3'],
      [4, 'Họ và tên', 'person-unknown', 'Người Lạ'],
      [5, 'Tổ', 'person-other-department', 'Tổ Toán'],
      [6, 'Ngày cấp', 'bad-date', '31/02/2024'],
    ])
    expect(preview.errors[3]!.expected).toEqual(['Tổ Văn'])
    expect(preview.counts).toMatchObject({ rows: 5, create: 1, errors: 5 })
    const refusal = refused(await w.services.staff.commitImport(a.admin, { schoolId: a.school.id, preview }))
    expect(refusal).toEqual({ code: 'preview-has-errors', count: 5 })
    expect(await snapshot(w)).toBe(before)

    const good = await xlsx([
      HEADER,
      [
        'Admin THPT A',
        null,
        'thạc sĩ',
        'Quản lý giáo dục',
        'trung cấp',
        'có',
        'ứng dụng quản lý',
        'không',
        'IELTS',
        '6,5',
        '12/05/2023',
      ],
      ['Teacher Toán', 'Tổ Toán', 'tiến sĩ', 'Toán', null, null, 'cơ bản', 'có', null, null, null],
      [
        'Head Văn',
        'Tổ Văn',
        'đại học',
        'Ngữ văn',
        'sơ cấp',
        'chưa',
        'cơ bản',
        'có',
        'TOEIC',
        '850 170 160',
        '2024-02-29',
      ],
    ])
    const fixed = must(
      await w.services.staff.previewImport(a.admin, {
        schoolId: a.school.id,
        fileName: 'hs.xlsx',
        data: good,
      }),
    )
    expect(fixed.errors).toEqual([])
    expect(
      must(await w.services.staff.commitImport(a.admin, { schoolId: a.school.id, preview: fixed })),
    ).toEqual({
      created: 3,
      updated: 0,
      certificates: 2,
    })
    const admin = must(await w.services.staff.mine(a.admin))
    expect(admin.record).toMatchObject({
      qualification: 'thac-si',
      politicalTheory: 'trung-cap',
      it: 'management',
    })
    expect(
      admin.certificates.map((c) => [c.exam, c.score, c.takenOn, c.cefr.kind === 'level' && c.cefr.level]),
    ).toEqual([['ielts', '6.5', '2023-05-12', 'C1']])
    const head = must(await w.services.staff.mine(a.headVan))
    // TOEIC: the lowest part decides (Writing 160 < 165 for C1) — B2
    expect(head.certificates[0]?.cefr).toMatchObject({ kind: 'level', level: 'B2' })

    // the same file again adds no second certificate
    const again = must(
      await w.services.staff.previewImport(a.admin, {
        schoolId: a.school.id,
        fileName: 'hs.xlsx',
        data: good,
      }),
    )
    expect(again.counts).toMatchObject({ create: 0, update: 3 })
    must(await w.services.staff.commitImport(a.admin, { schoolId: a.school.id, preview: again }))
    expect(must(await w.services.staff.mine(a.admin)).certificates).toHaveLength(1)
  })

  it('reads its own template back without an error and without a change', async () => {
    const { w, a } = await schoolWorld()
    must(
      await w.services.staff.update(a.admin, {
        schoolId: a.school.id,
        fields: {
          fullName: 'Teacher Văn',
          qualification: 'thạc sĩ',
          subject: 'Ngữ văn',
          exam: 'toefl ibt',
          score: '95',
          takenOn: '1/6/2024',
        },
      }),
    )
    const file = must(await w.services.staff.template(a.admin, { schoolId: a.school.id }))
    const preview = must(
      await w.services.staff.previewImport(a.admin, {
        schoolId: a.school.id,
        fileName: file.fileName,
        data: file.data,
      }),
    )
    expect(preview.errors).toEqual([])
    expect(preview.rows).toHaveLength(5)
    const van = preview.rows.find((r) => r.fullName === 'Teacher Văn')
    expect(van).toMatchObject({
      action: 'update',
      data: { qualification: 'thac-si', qualificationSubject: 'Ngữ văn' },
    })
    expect(van?.certificate).toEqual({ exam: 'toefl', score: '95', takenOn: '2024-06-01' })
  })
})

describe('one record from the chat, and who may see it', () => {
  it('changes only the fields given, refuses a bad value whole, and tells two namesakes apart by department', async () => {
    const { w, a } = await schoolWorld()
    const set = must(
      await w.services.staff.update(a.admin, {
        schoolId: a.school.id,
        fields: { fullName: 'teacher toan', qualification: 'ThS', subject: 'Toán', pipeline: 'có' },
      }),
    )
    expect(set.record).toMatchObject({ qualification: 'thac-si', pipeline: true, politicalTheory: null })
    const before = await snapshot(w)
    const bad = refused(
      await w.services.staff.update(a.admin, {
        schoolId: a.school.id,
        fields: { fullName: 'Teacher Toán', politicalTheory: 'cao cấp', it: 'giỏi' },
      }),
    )
    expect(bad).toMatchObject({
      code: 'record-invalid',
      errors: [{ field: 'it', code: 'unknown-value', value: 'giỏi' }],
    })
    expect(await snapshot(w)).toBe(before)
    const kept = must(
      await w.services.staff.update(a.admin, {
        schoolId: a.school.id,
        fields: { fullName: 'Teacher Toán', it: 'cơ bản' },
      }),
    )
    expect(kept.record).toMatchObject({ qualification: 'thac-si', pipeline: true, it: 'basic' })

    await w.app.db
      .updateTable('people')
      .set({ full_name: 'Teacher Toán', name_key: 'teacher toan' })
      .where('id', '=', a.teacherVan.personId)
      .execute()
    expect(
      refused(
        await w.services.staff.update(a.admin, {
          schoolId: a.school.id,
          fields: { fullName: 'Teacher Toán', it: 'không' },
        }),
      ),
    ).toEqual({ code: 'person-ambiguous', name: 'Teacher Toán', departments: ['Tổ Toán', 'Tổ Văn'] })
    const van = must(
      await w.services.staff.update(a.admin, {
        schoolId: a.school.id,
        fields: { fullName: 'Teacher Toán', department: 'tổ văn', it: 'không' },
      }),
    )
    expect(van.person.id).toBe(a.teacherVan.personId)
  })

  it('a head sees their department only and cannot change a record; a teacher sees only their own', async () => {
    const { w, a } = await schoolWorld()
    const seen = must(await w.services.staff.list(a.headToan, { schoolId: a.school.id }))
    expect(seen.scope).toBe('department')
    expect(seen.people.map((p) => p.person.fullName).sort()).toEqual(['Head Toán', 'Teacher Toán'])
    const before = await snapshot(w)
    expect(
      refused(
        await w.services.staff.update(a.headToan, {
          schoolId: a.school.id,
          fields: { fullName: 'Teacher Toán', it: 'cơ bản' },
        }),
      ),
    ).toEqual({ code: 'forbidden' })
    expect(refused(await w.services.staff.template(a.headToan, { schoolId: a.school.id }))).toEqual({
      code: 'forbidden',
    })
    const file = await xlsx([
      ['Họ và tên', 'Tin học'],
      ['Teacher Toán', 'cơ bản'],
    ])
    expect(
      refused(
        await w.services.staff.previewImport(a.headToan, {
          schoolId: a.school.id,
          fileName: 'a.xlsx',
          data: file,
        }),
      ),
    ).toEqual({ code: 'forbidden' })
    expect(refused(await w.services.staff.list(a.teacherToan, { schoolId: a.school.id }))).toEqual({
      code: 'forbidden',
    })
    expect(await snapshot(w)).toBe(before)
  })
})

describe('/standards and the ratios', () => {
  it('groups the gaps by standard, each with its source, and counts who still needs a master’s', async () => {
    const { w, a } = await schoolWorld()
    const now = new Date().toISOString()
    // 21 more teachers: 25 in all, so THPT's 12 % is exactly 3 people, and 0.3 % still 1
    await new Stores(w.app.db).people.createMany(
      Array.from({ length: 21 }, (_, i) => ({
        schoolId: a.school.id,
        fullName: `GV ${i + 1}`,
        role: 'teacher' as const,
        departmentId: a.toan.id,
        level: 'THPT' as const,
        subject: 'Toán',
      })),
      now,
    )
    const update = (fields: Record<string, string>) =>
      w.services.staff.update(a.admin, { schoolId: a.school.id, fields: { ...fields } })
    must(
      await update({
        fullName: 'Admin THPT A',
        qualification: 'đại học',
        politicalTheory: 'sơ cấp',
        educationManagement: 'có',
        it: 'ứng dụng quản lý',
      }),
    )
    must(await update({ fullName: 'Teacher Toán', qualification: 'thạc sĩ', it: 'cơ bản' }))
    must(
      await update({
        fullName: 'GV 1',
        qualification: 'thạc sĩ',
        it: 'cơ bản',
        pipeline: 'có',
        politicalTheory: 'trung cấp',
      }),
    )
    must(
      await update({ fullName: 'Head Toán', qualification: 'đại học', it: 'cơ bản', ttcmTraining: 'không' }),
    )

    const gaps = must(await w.services.standards.gaps(a.admin, { schoolId: a.school.id }))
    expect(gaps).toMatchObject({ kind: 'THPT', judged: 4, withoutRecord: 22, meetingAll: 1 })
    expect(gaps.groups.map((g) => [g.standard, g.source, g.people.map((p) => p.fullName)])).toEqual([
      ['political-theory', 'KH đào tạo, bồi dưỡng 2013–2015 của Sở GDĐT TP.HCM, mục II.4', ['Admin THPT A']],
      ['management-certificate', 'KH đào tạo, bồi dưỡng 2013–2015 của Sở GDĐT TP.HCM, mục II.1', ['GV 1']],
      ['ttcm-training', 'KH đào tạo, bồi dưỡng 2013–2015 của Sở GDĐT TP.HCM, mục II.1', ['Head Toán']],
    ])
    expect(gaps.groups[0]!.people[0]).toMatchObject({ required: 'trung-cap', has: 'so-cap' })

    const ratios = must(await w.services.standards.ratios(a.admin, { schoolId: a.school.id }))
    expect(ratios.kind).toBe('THPT')
    expect(ratios.withoutRecord).toEqual({ managers: 0, teachers: 22 })
    const line = (group: string, measure: string) =>
      ratios.lines.find((l) => l.group === group && l.measure === measure)!
    expect(line('teachers', 'thac-si')).toMatchObject({
      count: 2,
      total: 25,
      target: 1200,
      meets: false,
      shortBy: 1,
      share: 800,
    })
    expect(line('teachers', 'tien-si')).toMatchObject({ count: 0, total: 25, target: 30, shortBy: 1 })
    expect(line('managers', 'thac-si')).toMatchObject({ count: 0, total: 1, target: 3300, shortBy: 1 })
    expect(refused(await w.services.standards.gaps(a.headToan, { schoolId: a.school.id }))).toEqual({
      code: 'forbidden',
    })
  })
})
