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

const counters = (s: ProgressSnapshot, separator: string): string =>
  [
    `read ${count(s.read)}`,
    ...(s.dryRun ? [] : [`sent ${count(s.sent)}`, `imported ${count(s.imported)}`]),
    `rejected ${count(s.rejected)}`,
    `${count(s.elapsedMs > 0 ? (s.read / s.elapsedMs) * 1000 : 0)} records/s`,
    s.totalBytes === undefined ? bytes(s.bytes) : `${bytes(s.bytes)} of ${bytes(s.totalBytes)}`,
  ].join(separator)

// Seconds as the bar shows them: 7s, 3m 20s, 1h 05m.
const eta = (seconds: number): string => (Number.isFinite(seconds) && seconds > 0 ? formatNumbers.duration(seconds * 1000).replace(/\.\d s$/, 's') : '…')

/**
 * The progress display of `mp import`, on stderr:
 * - `bar` (stderr is a terminal): a cli-progress bar over the bytes read, redrawn up to 10 times a
 *   second, with records read / sent / imported / rejected, records per second, bytes and an ETA
 *   when the total size is known;
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
    barsize: 24,
    hideCursor: true,
    linewrap: false,
    // Ctrl-C is ours: the bar keeps drawing while the chunks in flight finish.
    gracefulExit: false,
    etaBuffer: 50,
    format: (options, params, payload: ProgressSnapshot) => {
      const known = payload.totalBytes !== undefined && payload.totalBytes > 0
      const head = known ? `${cliProgress.Format.BarFormat(params.progress, options)} ${String(Math.floor(params.progress * 100)).padStart(3)}% │ ` : ''
      const tail = known ? ` │ ETA ${eta(params.eta)}` : ''
      return `${head}${counters(payload, ' · ')}${tail}${payload.status === undefined ? '' : ` │ ${payload.status}`}`
    },
    barCompleteChar: '█',
    barIncompleteChar: '░',
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
