/**
 * The module catalogue rows migration 0080 ships, each tagged with the regulation profile it
 * belongs to. Only what a source settles is here (docs/regulations.md, "Catalogues"): the titles,
 * contents and hours of the TT 26-era programmes for MN, TH, THCS and GDTX and of TT 12/2019 and
 * TT 18/2019 were not found in any source searched, so none of their modules is shipped.
 *
 * TT 17/2019 (programme 03 of phổ thông teachers) — GVPT 01, 11 and 13: 20 tiết each, 8 theory +
 * 12 practice; GVPT 10: 40 tiết, no split given (lawnet.vn's pages on the programme's Section 3,
 * quoted in docs/regulations.md). The other eleven GVPT modules' tiết were not found.
 * The official Vietnamese module titles were found only in English translation, so the title is
 * the name of the TT 20/2018 criterion the module trains for, as that standard words it, and says
 * so. The programme is one for the three phổ thông levels, so each row is shipped for TH, THCS
 * and THPT (a plan picks from its owner's level).
 *
 * Frozen with migration 0080: a later change is a new migration or a school's import.
 */

export interface CatalogueRow {
  level: 'TH' | 'THCS' | 'THPT'
  profile: 'tt19-2019'
  code: string
  title: string
  contents: string
  goals: string
  area: string
  hours_total: number
  hours_self_study: number | null
  hours_theory: number | null
  hours_practice: number | null
  source: string
}

const TT17_2019 = 'TT 17/2019/TT-BGDĐT (chương trình BDTX giáo viên cơ sở giáo dục phổ thông, mục 3)'
const UNVERIFIED_TITLE =
  'Tên mô đun nguyên văn tiếng Việt của TT 17/2019 chưa được kiểm chứng; tên hiển thị là tiêu chuẩn (và tiêu chí) của chuẩn nghề nghiệp giáo viên (TT 20/2018/TT-BGDĐT) mà mô đun bồi dưỡng.'

/** 20 tiết: 8 theory + 12 practice (GVPT 01, 11, 13); 40 tiết with no split found (GVPT 10). */
type Hours = { total: 20; theory: 8; practice: 12 } | { total: 40; theory: null; practice: null }
const H20: Hours = { total: 20, theory: 8, practice: 12 }
const H40: Hours = { total: 40, theory: null, practice: null }

/** One TT 17/2019 module for each phổ thông level; `english` is the title as lawnet.vn translates it. */
const gvpt = (code: string, title: string, english: string, hours: Hours) =>
  (['TH', 'THCS', 'THPT'] as const).map(
    (level): CatalogueRow => ({
      level,
      profile: 'tt19-2019',
      code,
      title,
      contents: `${UNVERIFIED_TITLE}\nTên theo bản dịch tiếng Anh (lawnet.vn): ${english}.`,
      goals: '',
      area: 'Chương trình bồi dưỡng 03 (TT 17/2019/TT-BGDĐT)',
      hours_total: hours.total,
      hours_self_study: null,
      hours_theory: hours.theory,
      hours_practice: hours.practice,
      source: TT17_2019,
    }),
  )

const STANDARD_4 = 'Tiêu chuẩn 4. Phát triển mối quan hệ giữa nhà trường, gia đình và xã hội (TT 20/2018)'

export const CATALOGUE_0080: CatalogueRow[] = [
  ...gvpt(
    'GVPT 01',
    'Tiêu chuẩn 1. Phẩm chất nhà giáo — Tiêu chí 1. Đạo đức nhà giáo (TT 20/2018)',
    "Improvement of the teacher's ethical qualities in the current context",
    H20,
  ),
  ...gvpt(
    'GVPT 10',
    'Tiêu chuẩn 3. Xây dựng môi trường giáo dục (TT 20/2018)',
    'Implementing and building safe schools, preventing school violence in general education institutions',
    H40,
  ),
  ...gvpt(
    'GVPT 11',
    STANDARD_4,
    'Establishing cooperative relationships with parents and stakeholders in teaching and educating students in general education institutions',
    H20,
  ),
  ...gvpt(
    'GVPT 13',
    STANDARD_4,
    'Coordination between school, family, and society to implement moral and lifestyle education for students',
    H20,
  ),
]
