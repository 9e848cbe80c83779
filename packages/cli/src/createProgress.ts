import cliProgress from 'cli-progress'
import { formatNumbers } from './formatNumbers.ts'

/** What the progress display shows, read whenever it redraws. */
export interface ProgressSnapshot {
  readonly read: number
  readonly sent: number
  readonly imported: number
  readonly rejected: number
  readonly dryRun: boolean
  /** Bytes of input read (as stored: compressed bytes for .gz). */
  readonly bytes: number
  /** Total input size when every input is a file; undefined for stdin. */
  readonly totalBytes: number | undefined
  readonly elapsedMs: number
  /** Shown at the end of the line, e.g. while stopping after Ctrl-C. */
  readonly status: string | undefined
}

/** A running progress display. */
export interface Progress {
  start(): void
  /** Draws the final state and releases the terminal (cursor shown, line ended). */
  stop(): void
}

const { count, bytes } = formatNumbers

const rate = (s: ProgressSnapshot): string => `${count(s.elapsedMs > 0 ? (s.read / s.elapsedMs) * 1000 : 0)} records/s`
const size = (s: ProgressSnapshot): string => (s.totalBytes === undefined ? bytes(s.bytes) : `${bytes(s.bytes)} of ${bytes(s.totalBytes)}`)

const counters = (s: ProgressSnapshot, separator: string): string =>
  [
    `read ${count(s.read)}`,
    ...(s.dryRun ? [] : [`sent ${count(s.sent)}`, `imported ${count(s.imported)}`]),
    `rejected ${count(s.rejected)}`,
    rate(s),
    size(s),
  ].join(separator)

// Seconds as the bar shows them: 7s, 3m 20s, 1h 05m.
const eta = (seconds: number): string => (Number.isFinite(seconds) && seconds >= 0 ? formatNumbers.duration(seconds * 1000).replace(/\.\d s$/, 's') : '…')

const BAR_WIDTH = 24
const BAR_LEAST = 8

/**
 * One line of the bar that fits `width` columns: figures are left out least important first
 * (bytes, sent, records/s, read, ETA) and the bar narrows; when even imported and rejected would
 * not fit beside the bar, the bar goes. Every character used is one column wide.
 */
const barLine = (s: ProgressSnapshot, progress: number, seconds: number, width: number): string => {
  const known = s.totalBytes !== undefined && s.totalBytes > 0
  // [text, group, importance (higher stays longer)]
  const parts: Array<[string, number, number]> = [
    [`read ${count(s.read)}`, 1, 5],
    ...(s.dryRun ? [] : ([[`sent ${count(s.sent)}`, 1, 2], [`imported ${count(s.imported)}`, 1, 9]] as Array<[string, number, number]>)),
    [`rejected ${count(s.rejected)}`, 1, 8],
    [rate(s), 2, 3],
    [size(s), 3, 1],
    ...(known ? ([[`ETA ${eta(seconds)}`, 4, 6]] as Array<[string, number, number]>) : []),
    ...(s.status === undefined ? [] : ([[s.status, 5, 10]] as Array<[string, number, number]>)),
  ]
  const percent = known ? `${String(Math.floor(progress * 100)).padStart(3)}%` : ''
  const render = (kept: ReadonlyArray<[string, number, number]>): string => {
    const groups = [...new Set(kept.map(([, group]) => group))].map((group) => kept.filter(([, g]) => g === group).map(([text]) => text).join(' · '))
    return [percent, ...groups].filter((text) => text !== '').join(' │ ')
  }
  const fit = (limit: number): ReadonlyArray<[string, number, number]> => {
    let kept = parts
    while (render(kept).length > limit && kept.length > 1) {
      const least = kept.reduce((low, part) => (part[2] < low[2] ? part : low))
      kept = kept.filter((part) => part !== least)
    }
    return kept
  }
  // The bar gets room only while imported and rejected still fit beside it.
  const beside = known ? fit(width - BAR_LEAST - 1) : []
  if (!known || parts.some((part) => part[2] >= 8 && !beside.includes(part))) return render(fit(width))
  const text = render(beside)
  const room = Math.min(BAR_WIDTH, width - text.length - 1)
  const done = Math.round(progress * room)
  return `${'█'.repeat(done)}${'░'.repeat(room - done)} ${text}`
}

/**
 * The progress display of `mp import`, on stderr:
 * - `bar` (stderr is a terminal): a cli-progress bar over the bytes read, redrawn up to 10 times a
 *   second, with records read / sent / imported / rejected, records per second, bytes and an ETA
 *   when the total size is known, fitted to the terminal's width (least important figures first out);
 * - `lines` (stderr is a file or pipe): the same figures as a plain line every `intervalMs`;
 * - `none` (`--quiet`, `--json` to a terminal is not affected).
 * Timers are unref'd: a display never keeps the process alive.
 * @example
 * const progress = createProgress('lines', process.stderr, 10_000, () => snapshot)
 * progress.start(); …; progress.stop()
 */
export const createProgress = (
  mode: 'bar' | 'lines' | 'none',
  stream: NodeJS.WritableStream,
  intervalMs: number,
  snapshot: () => ProgressSnapshot,
): Progress => {
  if (mode === 'none') return { start: () => undefined, stop: () => undefined }
  if (mode === 'lines') {
    let timer: ReturnType<typeof setInterval> | undefined
    const line = (): void => {
      const s = snapshot()
      const percent = s.totalBytes === undefined || s.totalBytes === 0 ? '' : `${Math.floor((s.bytes / s.totalBytes) * 100)}% · `
      stream.write(`mp: ${percent}${counters(s, ' · ')}${s.status === undefined ? '' : ` · ${s.status}`}\n`)
    }
    return {
      start: () => {
        timer = setInterval(line, intervalMs)
        timer.unref()
      },
      stop: () => {
        clearInterval(timer)
      },
    }
  }
  const bar = new cliProgress.SingleBar({
    stream,
    fps: 10,
    hideCursor: true,
    linewrap: false,
    // Ctrl-C is ours: the bar keeps drawing while the chunks in flight finish.
    gracefulExit: false,
    etaBuffer: 50,
    format: (_options, params, payload: ProgressSnapshot) => barLine(payload, params.progress, params.eta, params.maxWidth - 1),
  })
  let timer: ReturnType<typeof setInterval> | undefined
  const update = (): void => {
    const s = snapshot()
    if (s.totalBytes !== undefined) bar.setTotal(Math.max(s.totalBytes, 1))
    bar.update(s.bytes, s)
  }
  return {
    start: () => {
      const s = snapshot()
      bar.start(Math.max(s.totalBytes ?? 0, 1), s.bytes, s)
      timer = setInterval(update, 100)
      timer.unref()
    },
    stop: () => {
      clearInterval(timer)
      update()
      bar.stop()
    },
  }
}
