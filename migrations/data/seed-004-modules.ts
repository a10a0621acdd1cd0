/**
 * The ND3 modules seed 004 lists (a THPT school's BDTX plan for 2017-2018), copied from its two
 * tables: the managers' modules of TT 27/2015 ("QLTrH n": theory + practice) and the teachers'
 * modules of TT 30/2011 ("THPT n": self-study + concentrated theory + concentrated practice).
 * Titles, contents and goals are the seed's own words; the numbered lines of "Tên và nội dung
 * chính" after the title are the contents.
 *
 * Frozen with migration 0002: a later change to the catalogue is a new migration or an import.
 */

export interface SeedModule {
  level: 'THPT' | 'QL'
  code: string
  title: string
  contents: string
  goals: string
  area: string
  hours_total: number
  hours_self_study: number | null
  hours_theory: number
  hours_practice: number
  source: string
}

const QL_SOURCE = 'TT 27/2015/TT-BGDĐT'
const THPT_SOURCE = 'TT 30/2011/TT-BGDĐT'

export const SEED_004_MODULES: SeedModule[] = [
  {
    level: 'QL',
    code: 'QLTrH 2',
    title: 'Xu hướng chuyển đổi mô hình giáo dục của thế kỷ 21',
    contents: [
      '1. Mô hình hợp tác quốc tế giáo dục.',
      '2. Mô hình hợp tác giữa trường đại học với trường trung học.',
      '3. Mô hình tăng cường năng lực tư duy, khả năng tự học, tự nghiên cứu, kỹ năng tìm kiếm thông tin và giải quyết vấn đề cho người học.',
    ].join('\n'),
    goals: [
      '- Hiểu và lựa chọn được mô hình phù hợp để phát triển nhà trường;',
      '- Xây dựng được mục tiêu, tầm nhìn, kế hoạch và tổ chức thực hiện kế hoạch phát triển nhà trường đáp ứng yêu cầu hội nhập quốc tế và đổi mới giáo dục và đào tạo.',
    ].join('\n'),
    area: 'I. Những vấn đề chung về quản lý giáo dục trung học theo yêu cầu đổi mới căn bản, toàn diện giáo dục và đào tạo',
    hours_total: 15,
    hours_self_study: null,
    hours_theory: 7,
    hours_practice: 8,
    source: QL_SOURCE,
  },
  {
    level: 'QL',
    code: 'QLTrH 6',
    title: 'Quản lý dạy và học tích cực trong trường trung học',
    contents: [
      '1. Một số vấn đề cơ bản về dạy và học tích cực.',
      '2. Triển khai dạy và học tích cực trong nhà trường.',
    ].join('\n'),
    goals: [
      '- Hiểu được tầm quan trọng của dạy và học tích cực ở trường trung học;',
      '- Hiểu được nội dung cơ bản của một số phương pháp và kỹ thuật dạy học tích cực phát huy năng lực của học sinh;',
      '- Triển khai được dạy học tích cực phù hợp với đặc trưng của môn học.',
    ].join('\n'),
    area: 'III. Năng lực quản lý hoạt động dạy học và giáo dục',
    hours_total: 15,
    hours_self_study: null,
    hours_theory: 7,
    hours_practice: 8,
    source: QL_SOURCE,
  },
  {
    level: 'QL',
    code: 'QLTrH 12',
    title: 'Quản lý cơ sở vật chất và thiết bị dạy học ở trường trung học đáp ứng yêu cầu đổi mới giáo dục',
    contents: [
      '1. Những yêu cầu về cơ sở vật chất, thiết bị dạy học thực hiện đổi mới giáo dục.',
      '2. Các kỹ năng quản lý cơ sở vật chất và thiết bị trường học.',
      '3. Quản lý thiết bị trường học theo xu hướng số hóa.',
    ].join('\n'),
    goals: [
      '- Hiểu được những yêu cầu và kỹ năng quản lý cơ sở vật chất, thiết bị dạy học theo xu hướng số hóa phục vụ việc thực hiện đổi mới giáo dục;',
      '- Vận dụng được các kỹ năng vào quản lý cơ sở vật chất và thiết bị dạy học theo xu hướng số hóa trong trường trung học đáp ứng được yêu cầu đổi mới căn bản, toàn diện giáo dục và đào tạo.',
    ].join('\n'),
    area: 'IV. Năng lực quản lý tài chính, tài sản nhà trường',
    hours_total: 15,
    hours_self_study: null,
    hours_theory: 7,
    hours_practice: 8,
    source: QL_SOURCE,
  },
  {
    level: 'QL',
    code: 'QLTrH 14',
    title: 'Xây dựng môi trường giáo dục tích cực trong giai đoạn đổi mới giáo dục',
    contents: [
      '1. Xây dựng trường học thân thiện, học sinh tích cực, nhà giáo sáng tạo.',
      '2. Xây dựng môi trường văn hóa quản lý.',
    ].join('\n'),
    goals: '- Xây dựng được môi trường làm việc và học tập thân thiện và tích cực.',
    area: 'V. Năng lực phát triển môi trường giáo dục',
    // seed 004 leaves this row's total blank; 7 + 8 = 15, like the other three managers' modules
    hours_total: 15,
    hours_self_study: null,
    hours_theory: 7,
    hours_practice: 8,
    source: QL_SOURCE,
  },
  {
    level: 'THPT',
    code: 'THPT 17',
    title: 'Tìm kiếm, khai thác, xử lí thông tin phục vụ bài giảng',
    contents: [
      '1. Những thông tin cơ bản phục vụ bài giảng',
      '2. Các bước cơ bản trong thực hiện phương pháp tìm kiếm thông tin phục vụ bài giảng',
      '3. Khai thác, xử lí thông tin phục vụ bài giảng',
    ].join('\n'),
    goals: 'Sử dụng được các phương pháp, kĩ thuật tìm kiếm, khai thác, xử lí thông tin phục vụ bài giảng',
    area: 'VI. Tăng cường năng lực dạy học',
    hours_total: 15,
    hours_self_study: 10,
    hours_theory: 2,
    hours_practice: 3,
    source: THPT_SOURCE,
  },
  {
    level: 'THPT',
    code: 'THPT 19',
    title: 'Dạy học với công nghệ thông tin',
    contents: [
      '1. Vai trò của công nghệ thông tin trong dạy học',
      '2. Ứng dụng công nghệ thông tin trong dạy học',
    ].join('\n'),
    goals: 'Có biện pháp để nâng cao hiệu quả dạy học nhờ sự hỗ trợ của công nghệ thông tin',
    area: 'VI. Tăng cường năng lực dạy học',
    hours_total: 15,
    hours_self_study: 10,
    hours_theory: 2,
    hours_practice: 3,
    source: THPT_SOURCE,
  },
  {
    level: 'THPT',
    code: 'THPT 20',
    title: 'Sử dụng các thiết bị dạy học',
    contents: [
      '1. Vai trò của thiết bị dạy học trong đổi mới phương pháp dạy học',
      '2. Thiết bị dạy học theo môn học cấp THPT',
      '3. Sử dụng thiết bị dạy học; kết hợp sử dụng các thiết bị dạy học truyền thống với thiết bị dạy học hiện đại để làm tăng hiệu quả dạy học',
    ].join('\n'),
    goals: 'Sử dụng được các thiết bị dạy học môn học (theo danh mục thiết bị dạy học tối thiểu cấp THPT)',
    area: 'VII. Tăng cường năng lực sử dụng thiết bị dạy học và ứng dụng công nghệ thông tin trong dạy học',
    hours_total: 15,
    hours_self_study: 10,
    hours_theory: 2,
    hours_practice: 3,
    source: THPT_SOURCE,
  },
  {
    level: 'THPT',
    code: 'THPT 22',
    title: 'Sử dụng một số phần mềm dạy học',
    contents: [
      '1. Một số phần mềm dạy học chung và phần mềm dạy học theo môn học',
      '2. Sử dụng hiệu quả một số phần mềm dạy học',
    ].join('\n'),
    goals: 'Sử dụng được một số phần mềm dạy học',
    area: 'VII. Tăng cường năng lực sử dụng thiết bị dạy học và ứng dụng công nghệ thông tin trong dạy học',
    hours_total: 15,
    hours_self_study: 10,
    hours_theory: 2,
    hours_practice: 3,
    source: THPT_SOURCE,
  },
  {
    level: 'THPT',
    code: 'THPT 31',
    title: 'Lập kế hoạch công tác chủ nhiệm',
    contents: [
      '1. Vị trí, vai trò của giáo viên chủ nhiệm lớp',
      '2. Mục tiêu, nội dung công tác giáo viên chủ nhiệm ở trường THPT',
      '3. Lập kế hoạch công tác chủ nhiệm',
    ].join('\n'),
    goals: 'Có kĩ năng lập kế hoạch công tác chủ nhiệm',
    area: 'XI. Tăng cường năng lực làm công tác chủ nhiệm',
    hours_total: 15,
    hours_self_study: 15,
    hours_theory: 0,
    hours_practice: 0,
    source: THPT_SOURCE,
  },
  {
    level: 'THPT',
    code: 'THPT 34',
    title: 'Tổ chức hoạt động giáo dục ngoài giờ lên lớp (GDNGLL) ở trường THPT',
    contents: [
      '1. Vai trò, mục tiêu của hoạt động GDNGLL ở trường THPT',
      '2. Nội dung tổ chức hoạt động GDNGLL ở trường THPT',
      '3. Phương pháp tổ chức hoạt động GDNGLL ở trường THPT',
    ].join('\n'),
    goals: 'Có kĩ năng tổ chức các hoạt động GDNGLL ở trường THPT',
    area: 'XII. Phát triển năng lực tổ chức các hoạt động giáo dục',
    hours_total: 15,
    hours_self_study: 15,
    hours_theory: 0,
    hours_practice: 0,
    source: THPT_SOURCE,
  },
]
