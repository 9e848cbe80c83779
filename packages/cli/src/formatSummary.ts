import { formatNumbers } from './formatNumbers.ts'
import type { ImportSummary } from './summaryTypes.ts'

const { count, bytes, duration } = formatNumbers

const headline = (s: ImportSummary): string => {
  const what = s.command === 'events' ? 'events' : s.command === 'profiles' ? 'profile updates' : 'group updates'
  const speed = `in ${duration(s.durationMs)} (${count(s.recordsPerSecond)} records/s)`
  switch (s.outcome) {
    case 'imported':
      return `Imported ${count(s.imported)} ${what} ${speed}.`
    case 'validated':
      return `Dry run: ${count(s.valid)} of ${count(s.read)} records would be sent, ${count(s.rejected)} rejected; nothing was sent ${speed}.`
    case 'rejected':
      return `Imported ${count(s.imported)} ${what}, rejected ${count(s.rejected)} ${speed}.`
    case 'failed':
      return `Delivery failed: ${s.error ?? 'unknown error'}`
    case 'interrupted':
      return `Interrupted: ${count(s.imported)} ${what} imported; nothing acknowledged is lost.`
  }
}

const table = (s: ImportSummary): string[] => {
  const rows = s.files.map((f) => [
    f.file,
    f.format === undefined ? '' : `${f.format}${f.gzip === true ? '.gz' : ''}`,
    count(f.read),
    count(s.dryRun ? f.valid : f.imported),
    count(f.rejected),
    count(f.skipped),
  ])
  const header = ['file', 'format', 'read', s.dryRun ? 'valid' : 'imported', 'rejected', 'skipped']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)))
  const line = (cells: string[]): string => `  ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ')}`.trimEnd()
  return [line(header), ...rows.map(line)]
}

/**
 * The summary `mp import` prints on stderr when it ends: a headline that says how it went, one
 * row per input, the totals, where the rejections are (or the first few), and how to resume.
 * @example
 * process.stderr.write(formatSummary(summary))
 * // Imported 199,990 events in 8.4 s (23,810 records/s).
 * //   file           format     read  imported  rejected  skipped
 * //   …
 */
export const formatSummary = (s: ImportSummary): string => {
  const lines = [headline(s), ...table(s)]
  lines.push(
    `  total: read ${count(s.read)} records (${bytes(s.bytes)}), ${s.dryRun ? `${count(s.valid)} valid` : `sent ${count(s.sent)} in ${count(s.requests)} requests (${count(s.attempts)} attempts), imported ${count(s.imported)}`}, rejected ${count(s.rejected)}${s.skipped > 0 ? `, skipped ${count(s.skipped)} done earlier` : ''}`,
  )
  if (s.rejected > 0) {
    if (s.rejects !== undefined) lines.push(`  rejected records and reasons: ${s.rejects}`)
    else {
      lines.push('  first rejections (add --rejects FILE for all of them):')
      for (const r of s.firstRejections) lines.push(`    ${r.file}:${r.line}  ${r.reason}`)
    }
  }
  if (s.checkpoint !== undefined && !s.dryRun) lines.push(`  checkpoint: ${s.checkpoint}`)
  if (s.resume !== undefined) lines.push(`  to resume: ${s.resume}`)
  return `${lines.join('\n')}\n`
}
