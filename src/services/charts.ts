/**
 * Charts as PNG pictures for the chat (issue 12): horizontal stacked bars drawn by Chart.js on a
 * Skia canvas (@napi-rs/canvas, prebuilt binaries, no system libraries), in DejaVu Sans (the
 * dejavu-fonts-ttf package: every Vietnamese letter with its marks, e.g. "Tổ Toán – Tin", "Không
 * hoàn thành"). Sized for a phone: 1080 pixels wide, text of 26–34 pixels, one bar per row, each
 * segment with its count written on it when it is wide enough.
 *
 *   const png = await stackedBarsPng({
 *     title: 'Xếp loại BDTX 2025-2026',
 *     rows: ['Cả trường (13)', 'Tổ Toán – Tin (8)'],
 *     series: [{ label: 'Giỏi', color: '#2e7d32', values: [3, 2] }, …],
 *   })
 *
 * Bars are shares of their row (0–100 %), so a department of 5 and the school of 300 can be read
 * side by side; the counts are the labels. Nothing here decides a figure: callers pass counts that
 * the rule engine and the store gave.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Canvas } from '@napi-rs/canvas'
import type { Chart, ChartConfiguration, Plugin } from 'chart.js'

export const CHART_FONT = 'DejaVu Sans'
const WIDTH = 1080

/**
 * Skia and Chart.js, loaded on the first chart rather than at start (together ~30 MB that a
 * process answering messages never needs: issue 14, `start.rss_mb`), with Chart.js's bar parts
 * registered and the shipped TTFs loaded once (the package's own files, so CI and production draw
 * the same).
 */
let drawing: Promise<{ createCanvas: (w: number, h: number) => Canvas; Chart: typeof Chart }> | undefined
function loadDrawing() {
  drawing ??= (async () => {
    const [{ createCanvas, GlobalFonts }, chartJs] = await Promise.all([
      import('@napi-rs/canvas'),
      import('chart.js'),
    ])
    const { BarController, BarElement, CategoryScale, Chart, LinearScale, Legend, Title } = chartJs
    Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title)
    const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
    for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'])
      if (!GlobalFonts.registerFromPath(join(dir, file), CHART_FONT))
        throw new Error(`chart font not loaded: ${join(dir, file)}`)
    return { createCanvas, Chart }
  })()
  return drawing
}

export interface BarSeries {
  label: string
  /** CSS colour of the segment */
  color: string
  /** one count per row */
  values: readonly number[]
  /** the colour of the count written on the segment (default white) */
  textColor?: string
}

export interface StackedBars {
  title: string
  /** a second line under the title (e.g. the school and the date) */
  subtitle?: string
  /** a row's name; a long one is put on two lines; an array is its lines as given */
  rows: ReadonlyArray<string | readonly string[]>
  series: readonly BarSeries[]
}

/** characters of a row name on one line; the axis may take at most half the picture */
const LINE_CHARS = 30

/** A long name on two lines at a space (the second cut with "…" if still too long). */
export function wrapLabel(label: string, max = LINE_CHARS): string | string[] {
  if ([...label].length <= max) return label
  const cut = label.lastIndexOf(' ', max)
  const at = cut > 0 ? cut : max
  const rest = [...label.slice(at).trim()]
  return [label.slice(0, at), rest.length > max ? `${rest.slice(0, max - 1).join('')}…` : rest.join('')]
}

/** Writes each segment's count on it, when the segment is wide enough to hold it. */
const countLabels: Plugin<'bar'> = {
  id: 'countLabels',
  afterDatasetsDraw(chart) {
    const ctx = chart.ctx
    ctx.save()
    ctx.font = `bold 24px "${CHART_FONT}"`
    ctx.textAlign = 'center'
    ctx.textBaseline = 'middle'
    for (const [d, dataset] of chart.data.datasets.entries()) {
      const counts = (dataset as unknown as { counts: number[] }).counts
      const color = (dataset as unknown as { textColor: string }).textColor
      for (const [i, bar] of chart.getDatasetMeta(d).data.entries()) {
        const count = counts[i] ?? 0
        const { x, base, y } = bar as unknown as { x: number; base: number; y: number }
        const text = String(count)
        if (count === 0 || Math.abs(x - base) < ctx.measureText(text).width + 12) continue
        ctx.fillStyle = color
        ctx.fillText(text, (x + base) / 2, y)
      }
    }
    ctx.restore()
  },
}

/** A white background under the chart (Telegram's dark theme would show a transparent PNG black). */
const whiteBackground: Plugin<'bar'> = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const ctx = chart.ctx
    ctx.save()
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, chart.width, chart.height)
    ctx.restore()
  },
}

/** Rows of 100 % stacked bars as a PNG. */
export async function stackedBarsPng(spec: StackedBars): Promise<Buffer> {
  const { createCanvas, Chart } = await loadDrawing()
  const height = 230 + 78 * spec.rows.length + 44 * Math.ceil(spec.series.length / 3)
  const canvas: Canvas = createCanvas(WIDTH, height)
  const totals = spec.rows.map((_, i) => spec.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0))
  const share = (count: number, i: number) => (totals[i] ? (count * 100) / totals[i]! : 0)
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: spec.rows.map((r) => (typeof r === 'string' ? wrapLabel(r) : [...r])),
      datasets: spec.series.map((s) => ({
        label: s.label,
        data: s.values.map(share),
        backgroundColor: s.color,
        borderColor: '#ffffff',
        borderWidth: 1,
        counts: [...s.values],
        textColor: s.textColor ?? '#ffffff',
      })),
    },
    options: {
      indexAxis: 'y',
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      layout: { padding: { left: 16, right: 32, top: 12, bottom: 12 } },
      plugins: {
        title: {
          display: true,
          text: spec.subtitle ? [spec.title, spec.subtitle] : spec.title,
          font: { family: CHART_FONT, size: 32, weight: 'bold' },
          color: '#1a1a1a',
          padding: { bottom: 12 },
        },
        legend: {
          position: 'top',
          labels: { font: { family: CHART_FONT, size: 26 }, color: '#1a1a1a', boxWidth: 30, padding: 18 },
        },
      },
      scales: {
        x: {
          stacked: true,
          min: 0,
          max: 100,
          ticks: {
            font: { family: CHART_FONT, size: 22 },
            color: '#444444',
            stepSize: 20,
            maxRotation: 0,
            callback: (v) => `${v}%`,
          },
          grid: { color: '#e0e0e0' },
        },
        y: {
          stacked: true,
          ticks: { font: { family: CHART_FONT, size: 26 }, color: '#1a1a1a' },
          grid: { display: false },
        },
      },
    },
    plugins: [whiteBackground, countLabels],
  }
  const chart = new Chart(canvas.getContext('2d') as never, config)
  try {
    return await canvas.encode('png')
  } finally {
    chart.destroy()
  }
}
