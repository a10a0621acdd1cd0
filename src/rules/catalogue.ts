/**
 * The ND3 modules seed 004 (a THPT school's 2017-2018 plan) lists, as catalogue data. The full
 * catalogues are in the programme circulars (TT 30/2011 for THPT, TT 27/2015 for managers, …);
 * these rows are the ones the seeds prove, enough for the school of the seed and for the tests.
 *
 *   validatePlan({ level: 'THPT', isManager: false, moduleCodes: ['THPT 17', 'THPT 19', 'THPT 31', 'THPT 34'] },
 *     SEED_CATALOGUE).valid   // true, 60 tiết
 */
import type { CatalogueModule } from './plan.ts'
import { SOURCES } from './sources.ts'

/** 7 theory + 8 practice = 15 tiết each (TT 27/2015). */
const manager = (code: string, title: string): CatalogueModule => ({
  code,
  level: 'QL',
  title,
  hours: 15,
  theoryHours: 7,
  practiceHours: 8,
  source: SOURCES.catalogueQL,
})

/** THPT modules: self-study + concentrated theory + concentrated practice (TT 30/2011). */
const thpt = (
  code: string,
  title: string,
  selfStudy: number,
  theory: number,
  practice: number,
): CatalogueModule => ({
  code,
  level: 'THPT',
  title,
  hours: selfStudy + theory + practice,
  selfStudyHours: selfStudy,
  theoryHours: theory,
  practiceHours: practice,
  source: SOURCES.catalogueTHPT,
})

export const SEED_CATALOGUE: ReadonlyArray<CatalogueModule> = [
  manager('QLTrH 2', 'Xu hướng chuyển đổi mô hình giáo dục của thế kỷ 21'),
  manager('QLTrH 6', 'Quản lý dạy và học tích cực trong trường trung học'),
  manager(
    'QLTrH 12',
    'Quản lý cơ sở vật chất và thiết bị dạy học ở trường trung học đáp ứng yêu cầu đổi mới giáo dục',
  ),
  // Seed 004 leaves this row's total blank; 7 + 8 = 15, like the other three.
  manager('QLTrH 14', 'Xây dựng môi trường giáo dục tích cực trong giai đoạn đổi mới giáo dục'),
  thpt('THPT 17', 'Tìm kiếm, khai thác, xử lí thông tin phục vụ bài giảng', 10, 2, 3),
  thpt('THPT 19', 'Dạy học với công nghệ thông tin', 10, 2, 3),
  thpt('THPT 20', 'Sử dụng các thiết bị dạy học', 10, 2, 3),
  thpt('THPT 22', 'Sử dụng một số phần mềm dạy học', 10, 2, 3),
  thpt('THPT 31', 'Lập kế hoạch công tác chủ nhiệm', 15, 0, 0),
  thpt('THPT 34', 'Tổ chức hoạt động giáo dục ngoài giờ lên lớp (GDNGLL) ở trường THPT', 15, 0, 0),
]
