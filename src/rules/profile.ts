/**
 * Regulations as data. A school year names the profile it is judged by; every function that
 * judges takes the profile as a parameter, so a later regulation (TT 19/2019) is a new object
 * here, not new code in the bot. Each threshold sits next to the text that sets it.
 *
 *   classifyTeacher(scores, PROFILES['tt26-2012'])   // same as classifyTeacher(scores)
 */
import { type RegulationCalendar, SEED_004_CALENDAR, TT19_CALENDAR } from './calendar.ts'
import { hundredths, type Score, type Tenths, tenths } from './score.ts'
import { type Citation, SOURCES } from './sources.ts'

/** School levels (cấp học). CĐ and TCCN have an English standard but no BDTX catalogue here. */
export type Level = 'MN' | 'TH' | 'THCS' | 'THPT' | 'GDTX' | 'CD' | 'TCCN'
export const LEVELS: ReadonlyArray<Level> = ['MN', 'TH', 'THCS', 'THPT', 'GDTX', 'CD', 'TCCN']
/** A catalogue: a level's, or 'QL' for the managers' (TT 27/2015, "QLTrH n"). */
export type CatalogueId = Level | 'QL'

/**
 * TT 26/2012 grades a completed plan Giỏi / Khá / Trung bình; TT 19/2019 as found knows only
 * "hoàn thành kế hoạch" (HoanThanh) and its opposite.
 */
export type TeacherGrade = 'Gioi' | 'Kha' | 'TrungBinh' | 'HoanThanh' | 'KhongHoanThanh'
/** The classes a teacher can reach; KhongHoanThanh is "every other case". */
export type TeacherClass = Exclude<TeacherGrade, 'KhongHoanThanh'>
/** TT 26/2012's classes, best first; a profile lists its own in `teacher.classes`. */
export const TEACHER_CLASSES: ReadonlyArray<TeacherClass> = ['Gioi', 'Kha', 'TrungBinh']
export type ManagerVerdict = 'Dat' | 'KhongDat'

export interface ClassRule {
  readonly grade: TeacherClass
  /** lower bound of the ĐTB band, after rounding; the upper bound is the next class's lower bound */
  readonly minimumAverage: Tenths
  /** "không có điểm thành phần nào dưới …" */
  readonly minimumComponent: Score
  readonly source: Citation
}

export interface Hours {
  readonly hours: number
  readonly source: Citation
}

export interface RegulationProfile {
  readonly id: string
  /** the first school year (its starting calendar year) this profile is the default for */
  readonly defaultFrom: number
  /** the texts this profile restates, for a footer or an "according to" line */
  readonly documents: ReadonlyArray<Citation>
  readonly scale: { readonly min: Score; readonly max: Score; readonly source: Citation }
  /** ĐTB = (ND1 + ND2 + mean of ND3 modules) / 3, rounded half up to one decimal */
  readonly average: { readonly source: Citation }
  readonly teacher: {
    /** best first; a teacher gets the first class whose two conditions are both met */
    readonly classes: ReadonlyArray<ClassRule>
    /** completing the plan: every planned content studied, every component at least this */
    readonly completion: { readonly minimumComponent: Score; readonly source: Citation }
  }
  readonly manager: {
    readonly minimumAverage: Tenths
    readonly minimumComponent: Score
    readonly source: Citation
  }
  readonly hours: { readonly nd1: Hours; readonly nd2: Hours; readonly nd3: Hours; readonly total: Hours }
  /** points no source found settles: the bot cites "theo hướng dẫn của trường" for them */
  readonly unverified: ReadonlyArray<string>
  /** where each catalogue is defined; null where this profile knows no BDTX catalogue */
  readonly catalogues: Readonly<Record<CatalogueId, Citation | null>>
  /** the school levels whose managers the managers' programme (catalogue QL) is written for */
  readonly managerProgramme: { readonly levels: ReadonlyArray<Level>; readonly source: Citation }
  /** the year's calendar: the days the regulation sets, the school's (seed 004's shape) for the rest */
  readonly calendar: RegulationCalendar
}

/** TT 26/2012 (teachers) with TT 27/2015 (managers): the regulation the seeds specify. */
export const TT26_2012: RegulationProfile = {
  id: 'tt26-2012',
  defaultFrom: 2012,
  documents: ['TT 26/2012/TT-BGDĐT', 'TT 27/2015/TT-BGDĐT'],
  scale: { min: hundredths(0), max: hundredths(1000), source: SOURCES.tt26Scoring },
  average: { source: SOURCES.tt26Scoring },
  teacher: {
    classes: [
      {
        grade: 'Gioi',
        minimumAverage: tenths(90),
        minimumComponent: hundredths(700),
        source: SOURCES.tt26Classes,
      },
      {
        grade: 'Kha',
        minimumAverage: tenths(70),
        minimumComponent: hundredths(600),
        source: SOURCES.tt26Classes,
      },
      {
        grade: 'TrungBinh',
        minimumAverage: tenths(50),
        minimumComponent: hundredths(500),
        source: SOURCES.tt26Classes,
      },
    ],
    completion: { minimumComponent: hundredths(500), source: SOURCES.tt26Classes },
  },
  manager: { minimumAverage: tenths(50), minimumComponent: hundredths(500), source: SOURCES.tt27Managers },
  hours: {
    nd1: { hours: 30, source: SOURCES.programmeHours },
    nd2: { hours: 30, source: SOURCES.programmeHours },
    nd3: { hours: 60, source: SOURCES.programmeHours },
    total: { hours: 120, source: SOURCES.programmeHours },
  },
  catalogues: {
    MN: SOURCES.catalogueMN,
    TH: SOURCES.catalogueTH,
    THCS: SOURCES.catalogueTHCS,
    THPT: SOURCES.catalogueTHPT,
    GDTX: SOURCES.catalogueGDTX,
    CD: null,
    TCCN: null,
    QL: SOURCES.catalogueQL,
  },
  // "cán bộ quản lý trường THCS, trường THPT và trường phổ thông có nhiều cấp học": not MN, not TH
  managerProgramme: { levels: ['THCS', 'THPT'], source: SOURCES.catalogueQL },
  // TT 26/2012 sets no calendar: every year keeps seed 004's (one school's 2017-2018 plan)
  calendar: SEED_004_CALENDAR,
  unverified: [],
}

/**
 * TT 19/2019 (as amended by TT 17/2022), from what the stored legal pages give (docs/regulations.md):
 * 120 tiết a year, 40 + 40 + 40, each content scored on 10, "đạt" from 5. No Giỏi / Khá / Trung
 * bình was found, so a teacher who completes the plan is "hoàn thành" and nothing finer; the
 * exact completion rule is not in any source found, so the one threshold that is found (every
 * component đạt, i.e. at least 5) is applied and the answer cites the school's guidance for the rest.
 */
export const TT19_2019: RegulationProfile = {
  id: 'tt19-2019',
  defaultFrom: 2019,
  documents: ['TT 19/2019/TT-BGDĐT', 'TT 17/2022/TT-BGDĐT'],
  scale: { min: hundredths(0), max: hundredths(1000), source: SOURCES.tt19Scoring },
  average: { source: SOURCES.tt19SchoolGuidance },
  teacher: {
    classes: [
      {
        grade: 'HoanThanh',
        minimumAverage: tenths(50),
        minimumComponent: hundredths(500),
        source: SOURCES.tt19Scoring,
      },
    ],
    completion: { minimumComponent: hundredths(500), source: SOURCES.tt19Scoring },
  },
  manager: { minimumAverage: tenths(50), minimumComponent: hundredths(500), source: SOURCES.tt19Scoring },
  hours: {
    nd1: { hours: 40, source: SOURCES.tt19Hours },
    nd2: { hours: 40, source: SOURCES.tt19Hours },
    nd3: { hours: 40, source: SOURCES.tt19Hours },
    total: { hours: 120, source: SOURCES.tt19Hours },
  },
  catalogues: {
    MN: SOURCES.tt19CatalogueMN,
    TH: SOURCES.tt19CataloguePT,
    THCS: SOURCES.tt19CataloguePT,
    THPT: SOURCES.tt19CataloguePT,
    GDTX: SOURCES.tt19CataloguePT,
    CD: null,
    TCCN: null,
    QL: SOURCES.tt19CatalogueQL,
  },
  // "cán bộ quản lý cơ sở giáo dục phổ thông": TH, THCS and THPT schools; not MN
  managerProgramme: { levels: ['TH', 'THCS', 'THPT'], source: SOURCES.tt19CatalogueQL },
  // plans approved by 31 May of the year before, sent upward in June (Điều 8); the rest is the school's
  calendar: TT19_CALENDAR,
  unverified: [
    'completion-rule',
    'average',
    'classes',
    'final-evaluator',
    'certificate',
    'module-hours',
    'catalogue-titles',
  ],
}

/** Every profile by id; a school year stores the id. */
export const PROFILES = { 'tt26-2012': TT26_2012, 'tt19-2019': TT19_2019 } as const satisfies Readonly<
  Record<string, RegulationProfile>
>

export type ProfileId = keyof typeof PROFILES

/**
 * What a school year settles of its profile's open points, by its Sở's or school's guidance
 * (TT 19/2019 only; TT 26/2012 leaves nothing open):
 * - classes: 'completion' (hoàn thành / không hoàn thành, the default) or 'tt26' (a completed plan
 *   graded Giỏi / Khá / Trung bình with TT 26/2012's thresholds, as some Sở guidance still asks);
 * - nd1 / nd2: the split of programmes 01 and 02's 80 tiết, which the province may shift (40 + 40).
 */
export interface YearSettings {
  readonly classes: 'completion' | 'tt26'
  readonly nd1: number
  readonly nd2: number
}

/** The settings a profile carries (its defaults, for a profile read without any). */
export function settingsOf(profile: RegulationProfile): YearSettings {
  return {
    classes: profile.teacher.classes.length > 1 ? 'tt26' : 'completion',
    nd1: profile.hours.nd1.hours,
    nd2: profile.hours.nd2.hours,
  }
}

/** Why settings are refused: a profile with nothing open, or hours that do not add up. */
export type SettingsError = 'not-open' | 'hours'

/**
 * The profile with a year's settings applied; its id carries them ("tt19-2019?classes=tt26&nd1=30&nd2=50"),
 * so that a school year, a notice or a button that stores the id judges by the same rules.
 */
export function withSettings(
  base: RegulationProfile,
  settings: Partial<YearSettings>,
): { ok: true; value: RegulationProfile } | { ok: false; error: SettingsError } {
  const root = PROFILES[programmeId(base.id) as ProfileId] ?? base
  const wanted = { ...settingsOf(base), ...settings }
  const defaults = settingsOf(root)
  if (root.unverified.length === 0) {
    const same =
      wanted.classes === defaults.classes && wanted.nd1 === defaults.nd1 && wanted.nd2 === defaults.nd2
    return same ? { ok: true, value: root } : { ok: false, error: 'not-open' }
  }
  const { nd1, nd2 } = wanted
  const ok = (n: number) => Number.isInteger(n) && n >= 0 && n <= defaults.nd1 + defaults.nd2
  if (!ok(nd1) || !ok(nd2) || nd1 + nd2 !== defaults.nd1 + defaults.nd2) return { ok: false, error: 'hours' }
  const query = new URLSearchParams()
  if (wanted.classes !== defaults.classes) query.set('classes', wanted.classes)
  if (nd1 !== defaults.nd1 || nd2 !== defaults.nd2) {
    query.set('nd1', String(nd1))
    query.set('nd2', String(nd2))
  }
  if (query.size === 0) return { ok: true, value: root }
  const bySchool = (source: Citation): Citation => `${source} (${SOURCES.bySchoolGuidance})`
  const classes =
    wanted.classes === 'tt26'
      ? TT26_2012.teacher.classes.map((rule) => ({ ...rule, source: bySchool(rule.source) }))
      : root.teacher.classes
  return {
    ok: true,
    value: {
      ...root,
      id: `${root.id}?${query}`,
      teacher: { ...root.teacher, classes },
      hours: {
        ...root.hours,
        nd1: { hours: nd1, source: bySchool(root.hours.nd1.source) },
        nd2: { hours: nd2, source: bySchool(root.hours.nd2.source) },
      },
    },
  }
}

/**
 * Whether a manager of a school of this level has the profile's managers' programme: TT 27/2015 is
 * written for THCS and THPT managers only, TT 18/2019 for phổ thông (not preschool) managers.
 */
export function managerProgrammeCovers(profile: RegulationProfile, level: Level | null): boolean {
  return level === null || profile.managerProgramme.levels.includes(level)
}

/** The regulation a profile id names, without a year's settings: 'tt19-2019?classes=tt26' → 'tt19-2019'. */
export function programmeId(profileId: string): string {
  return profileId.split('?', 1)[0]!
}

/** The profile a stored id names (with the year's settings it carries), or undefined for an id this version does not know. */
export function profileById(id: string): RegulationProfile | undefined {
  const [baseId = '', query] = id.split('?', 2)
  const base = Object.hasOwn(PROFILES, baseId) ? PROFILES[baseId as ProfileId] : undefined
  if (!base || query === undefined) return base
  const params = new URLSearchParams(query)
  const classes = params.get('classes')
  const settings: Partial<{ -readonly [K in keyof YearSettings]: YearSettings[K] }> = {}
  if (classes === 'tt26' || classes === 'completion') settings.classes = classes
  else if (classes !== null) return undefined
  for (const key of ['nd1', 'nd2'] as const) {
    const value = params.get(key)
    if (value !== null) settings[key] = /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN
  }
  const applied = withSettings(base, settings)
  return applied.ok ? applied.value : undefined
}

/**
 * The profile a new school year gets unless its admin switches it: the newest regulation in force
 * when the year starts. `startYear` is the year's first calendar year (2026 for 2026-2027).
 */
export function defaultProfileFor(startYear: number): RegulationProfile {
  return startYear >= TT19_2019.defaultFrom ? TT19_2019 : TT26_2012
}
