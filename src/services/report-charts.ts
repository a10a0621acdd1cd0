/**
 * The two charts of /report (issue 12), each a PNG (./charts.ts) with a caption that says the same
 * figures in words for people who cannot see the picture:
 *
 * - classes: the teachers' classes (Giỏi, Khá, Trung bình, Không hoàn thành, not yet classified)
 *   of the whole scope, then one bar per department — or per school, for the owner;
 * - progress: plans submitted, plans approved and grades complete, each against the calendar's
 *   deadline for it; what is still open after a deadline passed is shown as late (red).
 *
 * Captions stay under Telegram's 1,024 characters: past a few rows they say how many more there
 * are and point to the sheet.
 */
import type { TeacherGrade } from '../rules/index.ts'
import { CalendarStore, type Deadline, type Task } from '../store/calendar.ts'
import type { Stores } from '../store/stores.ts'
import { type BarSeries, stackedBarsPng } from './charts.ts'
import type { GroupStatus } from './reports.ts'
import type { Translate } from './results-sheet.ts'
import { deadlineEndsAt, vietnameseDate } from './vietnam-days.ts'

export interface ChartPicture {
  png: Buffer
  /** plain text (no HTML), ≤ 1,024 characters */
  caption: string
}

/** A bar of the class chart: a name and its teachers' counts. */
export interface ClassRow {
  name: string
  teachers: GroupStatus['teachers']
}

const CAPTION_MAX = 1024
/** bars in one picture; more would not be readable on a phone */
export const MAX_BARS = 16

const CLASSES = [
  ['Gioi', '#2e7d32', '#ffffff'],
  ['Kha', '#1e88e5', '#ffffff'],
  ['TrungBinh', '#f9a825', '#1a1a1a'],
  // TT 19/2019 has no finer class than "hoàn thành"
  ['HoanThanh', '#00897b', '#ffffff'],
  ['KhongHoanThanh', '#e53935', '#ffffff'],
] as const

const notYet = (c: GroupStatus['teachers']) => c.pending + c['no-approved-plan']

/** Lines joined while they fit, then "… và N nữa". */
function fitCaption(t: Translate, head: string[], lines: string[]): string {
  const out = [...head]
  let length = out.join('\n').length
  for (const [i, line] of lines.entries()) {
    if (length + line.length + 80 > CAPTION_MAX) {
      out.push(t('chart-caption-more', { count: lines.length - i }))
      break
    }
    out.push(line)
    length += line.length + 1
  }
  return out.join('\n')
}

/**
 * The class distribution: the first row is the whole (school, department or province). `classes`:
 * the classes of the year's regulation (TT 26: Giỏi, Khá, Trung bình; TT 19: Hoàn thành), drawn
 * even at 0; any other class is drawn only when someone has it. Không hoàn thành and "no result
 * yet" are always there.
 */
export async function classChart(
  t: Translate,
  input: { title: string; subtitle: string; rows: ClassRow[]; classes?: readonly TeacherGrade[] },
): Promise<ChartPicture> {
  const rows = input.rows.slice(0, MAX_BARS)
  const drawn = CLASSES.filter(
    ([key]) =>
      key === 'KhongHoanThanh' || input.classes?.includes(key) || input.rows.some((r) => r.teachers[key] > 0),
  )
  const series: BarSeries[] = [
    ...drawn.map(([key, color, textColor]) => ({
      label: t(`sheet-class-${key}`),
      color,
      textColor,
      values: rows.map((r) => r.teachers[key]),
    })),
    {
      label: t('chart-not-yet'),
      color: '#bdbdbd',
      textColor: '#1a1a1a',
      values: rows.map((r) => notYet(r.teachers)),
    },
  ]
  const png = await stackedBarsPng({
    title: input.title,
    subtitle: input.subtitle,
    rows: rows.map((r) => `${r.name} (${r.teachers.total})`),
    series,
  })
  const line = (r: ClassRow) =>
    t('chart-class-line', {
      name: r.name,
      total: r.teachers.total,
      counts: drawn.map(([key]) => `${t(`sheet-class-${key}`)} ${r.teachers[key]}`).join(' · '),
      pending: notYet(r.teachers),
    })
  const hidden = input.rows.length - rows.length
  const head = [`${input.title} — ${input.subtitle}`]
  if (hidden > 0) head.push(t('chart-bars-capped', { shown: rows.length, count: hidden }))
  return { png, caption: fitCaption(t, head, input.rows.map(line)) }
}

/** One task of the progress chart: how many of how many are done, and its deadline (if any). */
interface ProgressRow {
  key: 'plans-submitted' | 'plans-approved' | 'grades-complete'
  done: number
  total: number
  deadline: Deadline | null
}

const TASK_OF: Record<ProgressRow['key'], Task> = {
  'plans-submitted': 'plan-submitted',
  'plans-approved': 'plan-approved-by-school',
  'grades-complete': 'grades-entered',
}

/** Plans and grades against the calendar's deadlines, for one scope's totals. */
export async function progressChart(
  stores: Stores,
  now: Date,
  t: Translate,
  input: { title: string; subtitle: string; schoolYearId: number; total: GroupStatus },
): Promise<ChartPicture> {
  const deadlines = await new CalendarStore(stores.db).listDeadlines(input.schoolYearId)
  const g = input.total
  const rows: ProgressRow[] = (
    [
      ['plans-submitted', g.plans.submitted + g.plans.approved],
      ['plans-approved', g.plans.approved],
      ['grades-complete', g.grades.complete],
    ] as const
  ).map(([key, done]) => ({
    key,
    done,
    total: g.people,
    deadline: deadlines.find((d) => d.task === TASK_OF[key]) ?? null,
  }))
  const at = now.toISOString()
  const passed = (r: ProgressRow) => r.deadline !== null && at >= deadlineEndsAt(r.deadline)
  const label = (r: ProgressRow) =>
    r.deadline
      ? t('chart-progress-row', { task: t(`chart-task-${r.key}`), date: vietnameseDate(r.deadline.dueDate) })
      : t(`chart-task-${r.key}`)
  const png = await stackedBarsPng({
    title: input.title,
    subtitle: input.subtitle,
    rows: rows.map((r) =>
      r.deadline
        ? [t(`chart-task-${r.key}`), t('chart-due', { date: vietnameseDate(r.deadline.dueDate) })]
        : t(`chart-task-${r.key}`),
    ),
    series: [
      { label: t('chart-done'), color: '#2e7d32', values: rows.map((r) => r.done) },
      {
        label: t('chart-open'),
        color: '#bdbdbd',
        textColor: '#1a1a1a',
        values: rows.map((r) => (passed(r) ? 0 : r.total - r.done)),
      },
      {
        label: t('chart-late'),
        color: '#e53935',
        values: rows.map((r) => (passed(r) ? r.total - r.done : 0)),
      },
    ],
  })
  const lines = rows.map((r) =>
    t(passed(r) && r.done < r.total ? 'chart-progress-line-late' : 'chart-progress-line', {
      row: label(r),
      done: r.done,
      total: r.total,
      open: r.total - r.done,
    }),
  )
  return { png, caption: fitCaption(t, [`${input.title} — ${input.subtitle}`], lines) }
}
