/**
 * The documents every threshold, table cell and verdict cites, spelled once. An answer carries one
 * of these strings in its `source` field so the bot can say "theo TT 26/2012/TT-BGDĐT Điều 13".
 *
 * Article numbers are those the seeds give: seed 004 §V cites TT 26/2012 Điều 12–14 for teachers
 * and TT 27/2015 Điều 7 khoản 2 for managers; seed 000 §II.5 marks its CEFR cells (*), (**), (***).
 */
export type Citation = string

export const SOURCES = {
  /** Score scale 0–10 per component, ĐTB formula, rounding to one decimal. */
  tt26Scoring: 'TT 26/2012/TT-BGDĐT Điều 12',
  /** Completion (every content studied, every component ≥ 5) and the G / K / TB classes. */
  tt26Classes: 'TT 26/2012/TT-BGDĐT Điều 13',
  /** Managers: đạt yêu cầu when ĐTB and every component ≥ 5. */
  tt27Managers: 'TT 27/2015/TT-BGDĐT Điều 7 khoản 2',
  /** 120 tiết a year: ND1 30, ND2 30, ND3 60 (the programmes; restated by the 2017-2018 school plan). */
  programmeHours: 'TT 26/2012/TT-BGDĐT; chương trình BDTX (TT 30/2011/TT-BGDĐT, TT 27/2015/TT-BGDĐT)',
  /** No certificate for a teacher who did not complete the plan or a manager không đạt (seed 004 §V 4.2). */
  certificate: 'TT 26/2012/TT-BGDĐT Điều 14; KH BDTX của trường, mục V.4.2',
  /** Module catalogues per level. */
  catalogueMN: 'TT 36/2011/TT-BGDĐT',
  catalogueTH: 'TT 32/2011/TT-BGDĐT',
  catalogueTHCS: 'TT 31/2011/TT-BGDĐT',
  catalogueTHPT: 'TT 30/2011/TT-BGDĐT',
  catalogueGDTX: 'TT 33/2011/TT-BGDĐT',
  catalogueQL: 'TT 27/2015/TT-BGDĐT',
  /** TT 19/2019: each content scored on 10, "đạt" from 5 (stored legal pages; article not seen). */
  tt19Scoring: 'TT 19/2019/TT-BGDĐT (đánh giá kết quả BDTX: thang điểm 10, đạt từ 5 điểm)',
  /** 120 tiết: programme 01 about 40, 02 about 40 (the province may shift them), 03 = 40. */
  tt19Hours: 'TT 19/2019/TT-BGDĐT; TT 17/2019/TT-BGDĐT (chương trình BDTX: 40 + 40 + 40 tiết)',
  /** A year's setting of a point the regulation leaves open (docs/regulations.md). */
  bySchoolGuidance: 'áp dụng theo hướng dẫn của trường',
  /** Whatever no source found settles: the school's (Sở's) guidance, a setting of the year. */
  tt19SchoolGuidance: 'TT 19/2019/TT-BGDĐT; theo hướng dẫn của trường',
  /** "A teacher's plan for the next school year is approved before 31 May" (BDTX.md, "Later regulations"). */
  tt19PlanApproval:
    'TT 19/2019/TT-BGDĐT Điều 8 (kế hoạch BDTX của năm học sau được phê duyệt trước ngày 31 tháng 5)',
  /** "Schools report their plan upward in June" (same line). */
  tt19PlanUpward: 'TT 19/2019/TT-BGDĐT Điều 8 (nhà trường báo cáo kế hoạch BDTX lên cấp trên trong tháng 6)',
  tt19CataloguePT: 'TT 17/2019/TT-BGDĐT (GVPT 01–15, theo chuẩn TT 20/2018/TT-BGDĐT)',
  tt19CatalogueMN: 'TT 12/2019/TT-BGDĐT',
  tt19CatalogueQL: 'TT 18/2019/TT-BGDĐT',
  /** CEFR cells marked (*) in seed 000. */
  tt05: 'TT 05/2012/TT-BGDĐT Điều 3 khoản 1 điểm a',
  /** CEFR cells marked (**) in seed 000. */
  cv1311: 'Công văn 1311/BGDĐT-ĐANN (2013) Điều 4 điểm a',
  /** The 6-level framework, bậc 1–6 matching CEFR A1–C2. */
  framework: 'TT 01/2014/TT-BGDĐT (Khung năng lực ngoại ngữ 6 bậc dùng cho Việt Nam)',
  /** VSTEP.3-5 on 0–10: from 4.0 bậc 3 (B1), from 6.0 bậc 4 (B2), from 8.5 bậc 5 (C1). */
  vstep: 'QĐ 729/QĐ-BGDĐT (11/3/2015), định dạng đề thi VSTEP.3-5',
  /** The FCE column, marked (***) in seed 000. */
  cv901: 'Công văn 901/CV-CESOL',
  /** Unmarked CEFR cells, and the English standard per post: the Sở's 2013–2015 plan (seed 000). */
  soPlan: 'KH đào tạo, bồi dưỡng 2013–2015 của Sở GDĐT TP.HCM, mục II.5',
  /** Two framework levels above the level taught, as restated by the Sở's plan. */
  englishTeachers:
    'QĐ 1400/QĐ-TTg (2008), Đề án Ngoại ngữ quốc gia 2020; KH 2013–2015 của Sở GDĐT TP.HCM, mục II.5',
  /**
   * The teacher professional titles of 2021 (MN, TH, THCS, THPT), issued 02/02/2021, in force
   * 20/03/2021: a teacher needs only "khả năng sử dụng ngoại ngữ … trong một số nhiệm vụ cụ thể
   * được giao", no language certificate (docs/regulations.md quotes the pages).
   */
  teacherTitles2021:
    'TT 01/2021, TT 02/2021, TT 03/2021, TT 04/2021/TT-BGDĐT (chức danh nghề nghiệp giáo viên MN, TH, THCS, THPT; hiệu lực 20/3/2021)',
  /** The test owners' own rule, not a Vietnamese regulation: results count two years from the test day. */
  ieltsValidity: 'British Council, IDP (IELTS): Test Report Form có giá trị khuyến nghị 2 năm',
  toeflValidity: 'ETS (TOEFL iBT): điểm có giá trị 2 năm kể từ ngày thi',
  toeicValidity: 'ETS Global (TOEIC): điểm có giá trị 2 năm kể từ ngày thi',
  /** Cambridge English certificates carry no expiry date (restated by public pages; Cambridge's own page not found). */
  fceValidity: 'Cambridge Assessment English: chứng chỉ không ghi thời hạn',
  /** Certificates on the 6-level framework (VSTEP and others): the body that uses them sets how long they count. */
  frameworkValidity:
    'TT 23/2017/TT-BGDĐT Điều 3; Công văn 3755/BGDĐT-GDTX (2016), mục 1: thời hạn áp dụng do đơn vị sử dụng chứng chỉ quyết định',
  /** Officials in the leadership pipeline: the standard of their post. */
  pipeline: 'QĐ 5033/QĐ-UBND (21/10/2011) của UBND TP.HCM; KH 2013–2015 của Sở GDĐT TP.HCM, mục II.5',
} as const satisfies Record<string, Citation>
