/**
 * Staff and catalogue imports: Vietnamese headers in any case, with or without diacritics; a
 * preview with every row's problems as codes; a commit that is all or nothing.
 */
import { describe, expect, it } from 'vitest'
import { csv, xlsx } from './sheets.ts'
import { account, must, OWNER, refused, school, snapshot, world } from './support.ts'

async function schoolWorld() {
  const w = await world()
  await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  return { w, a: await school(w, 'THPT A', 100) }
}

describe('staff import', () => {
  it('previews every row problem with its row, column and what is expected, and commits nothing', async () => {
    const { w, a } = await schoolWorld()
    const file = csv([
      'DANH SÁCH CÁN BỘ, GIÁO VIÊN;;;;',
      'STT;HỌ VÀ TÊN;Chức vụ;TỔ;Cap hoc;Môn dạy',
      '1;Nguyễn Văn A;Giáo viên;Tổ Toán;THPT;Toán',
      '2;;giáo viên;Tổ Toán;THPT;Toán',
      '3;Trần Thị B;thủ thư trưởng;Tổ Toán;THPT;Toán',
      '4;Lê Văn C;GV;;THPT;Toán',
      '5;Phạm D;tổ trưởng;Tổ Hóa;đại học;Hóa',
      '6;nguyễn văn a;giáo viên;tổ toán;THPT;Toán',
      '7;Võ E;Phó hiệu trưởng;;;',
      '8;Đỗ F;BCĐ;;THPT;',
      '9;Hà G;nhân viên;;;',
    ])
    const before = await snapshot(w)
    const preview = must(
      await w.services.imports.previewStaff(a.admin, {
        schoolId: a.school.id,
        fileName: 'ds.csv',
        data: file,
      }),
    )
    expect(preview).toMatchObject({ format: 'csv', headerRow: 2 })
    expect(preview.columns).toEqual({
      fullName: 'HỌ VÀ TÊN',
      role: 'Chức vụ',
      department: 'TỔ',
      level: 'Cap hoc',
      subject: 'Môn dạy',
    })
    expect(preview.errors.map((e) => [e.row, e.field, e.column, e.code, e.value])).toEqual([
      [4, 'fullName', 'HỌ VÀ TÊN', 'required', ''],
      [5, 'role', 'Chức vụ', 'unknown-role', 'thủ thư trưởng'],
      [6, 'department', 'TỔ', 'department-required', ''],
      [7, 'level', 'Cap hoc', 'unknown-level', 'đại học'],
      [8, 'fullName', 'HỌ VÀ TÊN', 'duplicate-row', 'nguyễn văn a'],
    ])
    expect(preview.errors[1]!.expected).toContain('tổ trưởng')
    expect(preview.errors[3]!.expected).toEqual(['MN', 'TH', 'THCS', 'THPT', 'GDTX', 'CD', 'TCCN'])
    expect(preview.errors[4]!.firstRow).toBe(3)
    expect(preview.rows.map((r) => [r.row, r.fullName, r.role, r.department, r.level])).toEqual([
      [3, 'Nguyễn Văn A', 'teacher', 'Tổ Toán', 'THPT'],
      [9, 'Võ E', 'manager', null, null],
      [10, 'Đỗ F', 'admin', null, 'THPT'],
      [11, 'Hà G', 'staff', null, null],
    ])
    expect(
      refused(await w.services.imports.commitStaff(a.admin, { schoolId: a.school.id, preview })),
    ).toEqual({
      code: 'preview-has-errors',
      count: 5,
    })
    expect(await snapshot(w)).toBe(before)
  })

  it('commits a clean .xlsx whole, creating departments, and updates rather than duplicates on re-import', async () => {
    const { w, a } = await schoolWorld()
    const rows = [
      ['Trường THPT A — danh sách giáo viên năm học 2025-2026'],
      ['Họ và tên', 'Vai trò', 'Tổ', 'Cấp học', 'Môn'],
      ['Nguyễn Văn Hùng', 'tổ trưởng', 'Tổ Sinh', 'THPT', 'Sinh học'],
      ['Trần Thị Lan', 'giáo viên', 'Tổ Sinh', 'thpt', 'Sinh học'],
      ['Lê Minh', 'Giáo viên', 'tổ toán', 'Trung học phổ thông', 'Toán'],
      ['Phạm Hiệu Trưởng', 'hiệu trưởng', null, 'THPT', null],
    ]
    const data = await xlsx(rows)
    const preview = must(
      await w.services.imports.previewStaff(a.admin, { schoolId: a.school.id, fileName: 'GV.XLSX', data }),
    )
    expect(preview.errors).toEqual([])
    expect(preview.newDepartments).toEqual(['Tổ Sinh'])
    expect(preview.counts).toEqual({ rows: 4, create: 4, update: 0, errors: 0 })
    expect(must(await w.services.imports.commitStaff(a.admin, { schoolId: a.school.id, preview }))).toEqual({
      created: 4,
      updated: 0,
      departmentsCreated: 1,
    })
    const sinh = must(await w.services.schools.listDepartments(a.admin, { schoolId: a.school.id })).find(
      (d) => d.name === 'Tổ Sinh',
    )!
    expect(
      must(await w.services.people.list(a.admin, { schoolId: a.school.id, departmentId: sinh.id })).map(
        (p) => [p.fullName, p.role, p.level, p.subject],
      ),
    ).toEqual([
      ['Nguyễn Văn Hùng', 'head', 'THPT', 'Sinh học'],
      ['Trần Thị Lan', 'teacher', 'THPT', 'Sinh học'],
    ])
    // 'Lê Minh' went into the existing Tổ Toán
    expect(
      must(await w.services.people.list(a.admin, { schoolId: a.school.id, departmentId: a.toan.id })).map(
        (p) => p.fullName,
      ),
    ).toContain('Lê Minh')

    // the same list again, one subject changed: updates, no duplicates
    rows[3] = ['Trần Thị Lan', 'giáo viên', 'Tổ Sinh', 'THPT', 'Công nghệ']
    const again = must(
      await w.services.imports.previewStaff(a.admin, {
        schoolId: a.school.id,
        fileName: 'gv.xlsx',
        data: await xlsx(rows),
      }),
    )
    expect(again.counts).toMatchObject({ create: 0, update: 4 })
    expect(
      must(await w.services.imports.commitStaff(a.admin, { schoolId: a.school.id, preview: again })),
    ).toEqual({
      created: 0,
      updated: 4,
      departmentsCreated: 0,
    })
    const lan = must(
      await w.services.people.list(a.admin, { schoolId: a.school.id, departmentId: sinh.id }),
    )[1]!
    expect(lan.subject).toBe('Công nghệ')
    // imported people can then join by picking their name
    const invite = must(
      await w.services.invites.create(a.admin, {
        schoolId: a.school.id,
        role: 'teacher',
        departmentId: sinh.id,
        kind: 'department',
      }),
    )
    expect(
      must(await w.services.invites.inspect(await account(w, 900), invite.code)).candidates.map(
        (c) => c.fullName,
      ),
    ).toEqual(['Trần Thị Lan'])
  })

  it('refuses files it cannot use, saying why', async () => {
    const { w, a } = await schoolWorld()
    const preview = (fileName: string, data: Uint8Array) =>
      w.services.imports.previewStaff(a.admin, { schoolId: a.school.id, fileName, data })
    expect(refused(await preview('ds.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])))).toEqual({
      code: 'file-unsupported',
      fileName: 'ds.xls',
      expected: ['xlsx', 'csv'],
    })
    expect(refused(await preview('ds.xlsx', new TextEncoder().encode('not a zip')))).toEqual({
      code: 'file-unreadable',
      format: 'xlsx',
    })
    expect(refused(await preview('ds.csv', csv(['', ''])))).toEqual({ code: 'file-empty' })
    expect(refused(await preview('ds.csv', csv(['Tên,Tổ', 'A,B'])))).toEqual({
      code: 'columns-missing',
      missing: ['role'],
      expected: ['Vai trò'],
    })
    // a commit needs the preview of the same school
    const ok = must(await preview('ds.csv', csv(['Họ và tên,Vai trò', 'Nhân Viên,văn thư'])))
    expect(
      refused(await w.services.imports.commitStaff(a.admin, { schoolId: a.school.id + 1, preview: ok })),
    ).toEqual({
      code: 'preview-mismatch',
    })
  })
})

describe('catalogue import', () => {
  const header = [
    'Cấp học',
    'Mã mô đun',
    'Tên và nội dung chính của mô đun',
    'Mục tiêu bồi dưỡng',
    'Thời gian tự học',
    'Lý thuyết',
    'Thực hành',
    'Tổng số tiết',
  ]

  it('previews rows with their problems, for owners only', async () => {
    const { w, a } = await schoolWorld()
    const data = await xlsx([
      header,
      [
        'THCS',
        'THCS 1',
        'Đặc điểm tâm sinh lí của học sinh THCS\n1. Đặc điểm tâm lí\n2. Đặc điểm sinh lí',
        'Hiểu học sinh',
        10,
        2,
        3,
        15,
      ],
      ['', 'THCS 2', 'Môi trường học tập', 'Mục tiêu', 15, 0, 0, null],
      ['THCS', 'THCS 3', 'Sai tổng', '', 10, 2, 3, 20],
      ['', 'ABC', 'Không có số', '', '', '', '', 15],
      ['Đại học', 'DH 1', 'Cấp lạ', '', '', '', '', 15],
      ['THCS', '', 'Không mã', '', '', '', '', 15],
      ['THCS', 'THCS 4', 'Giờ lạ', '', 'mười', '', '', 15],
      ['THCS', 'thcs01', 'Trùng THCS 1', '', '', '', '', 15],
      ['THPT', 'THPT 17', 'Tìm kiếm, khai thác (sửa)', '', 10, 2, 3, 15],
      ['THPT', 'THCS 5', 'Cấp không khớp mã', '', '', '', '', 15],
    ])
    const before = await snapshot(w)
    // the catalogue is every school's: a school's admin is told only owners add to it
    expect(
      refused(await w.services.imports.previewCatalogue(a.admin, { fileName: 'dm.xlsx', data })),
    ).toEqual({ code: 'catalogue-owners-only' })
    const preview = must(await w.services.imports.previewCatalogue(OWNER, { fileName: 'dm.xlsx', data }))
    expect(preview.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [4, 'hoursTotal', 'hours-mismatch'],
      [5, 'code', 'invalid-code'],
      [6, 'level', 'unknown-level'],
      [7, 'code', 'required'],
      [8, 'hoursSelfStudy', 'not-a-number'],
      [9, 'code', 'duplicate-row'],
      [11, 'level', 'level-code-mismatch'],
    ])
    expect(preview.errors[0]).toMatchObject({ total: 20, sum: 15, column: 'Tổng số tiết' })
    expect(
      preview.rows.map((r) => [r.row, r.action, r.module.level, r.module.code, r.module.hoursTotal]),
    ).toEqual([
      [2, 'create', 'THCS', 'THCS 1', 15],
      [3, 'create', 'THCS', 'THCS 2', 15],
      [10, 'update', 'THPT', 'THPT 17', 15],
    ])
    expect(preview.rows[0]!.module).toMatchObject({
      title: 'Đặc điểm tâm sinh lí của học sinh THCS',
      contents: '1. Đặc điểm tâm lí\n2. Đặc điểm sinh lí',
      source: 'TT 31/2011/TT-BGDĐT',
    })
    expect(refused(await w.services.imports.commitCatalogue(OWNER, { preview }))).toMatchObject({
      code: 'preview-has-errors',
    })
    // nor may an admin save a clean preview an owner made
    expect(
      refused(await w.services.imports.commitCatalogue(a.admin, { preview: { ...preview, errors: [] } })),
    ).toEqual({ code: 'catalogue-owners-only' })
    expect(await snapshot(w)).toBe(before)
    // teachers and heads may not import
    expect(
      refused(await w.services.imports.previewCatalogue(a.teacherToan, { fileName: 'dm.xlsx', data })),
    ).toEqual({
      code: 'forbidden',
    })
    expect(
      refused(await w.services.imports.previewCatalogue(a.headToan, { fileName: 'dm.xlsx', data })),
    ).toEqual({
      code: 'forbidden',
    })
  })

  it('commits a clean catalogue; the owner may correct an existing module; search finds the new ones', async () => {
    const { w, a } = await schoolWorld()
    const data = csv([
      'Mã mô đun,Tên mô đun,Nội dung chính,Mục tiêu,Lý thuyết,Thực hành,Tổng số tiết,Thông tư',
      'THCS 1,Đặc điểm tâm sinh lí học sinh THCS,"1. Tâm lí\n2. Sinh lí",Hiểu học sinh,7,8,15,',
      'THCS 2,Môi trường học tập thân thiện,,,7,8,15,',
      'QLTrH 14,Xây dựng môi trường giáo dục tích cực trong giai đoạn đổi mới giáo dục,,,7,8,15,TT 27/2015/TT-BGDĐT',
    ])
    const byOwner = must(await w.services.imports.previewCatalogue(OWNER, { fileName: 'dm.csv', data }))
    expect(byOwner.errors).toEqual([])
    expect(byOwner.counts).toEqual({ rows: 3, create: 2, update: 1, unchanged: 0, errors: 0 })
    expect(must(await w.services.imports.commitCatalogue(OWNER, { preview: byOwner }))).toEqual({
      created: 2,
      updated: 1,
      unchanged: 0,
    })
    const found = must(await w.services.catalogue.search(a.teacherToan, { query: 'moi truong hoc tap' }))
    expect(found.items.map((m) => m.code)).toEqual(['THCS 2'])
    expect(must(await w.services.catalogue.search(undefined, { query: 'thcs01' })).items[0]).toMatchObject({
      code: 'THCS 1',
      level: 'THCS',
      contents: '1. Tâm lí\n2. Sinh lí',
      hoursTheory: 7,
      hoursPractice: 8,
      hoursSelfStudy: null,
      source: 'TT 31/2011/TT-BGDĐT',
    })
    // the same file again changes nothing
    const again = must(await w.services.imports.previewCatalogue(OWNER, { fileName: 'dm.csv', data }))
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 3 })
  })
})
