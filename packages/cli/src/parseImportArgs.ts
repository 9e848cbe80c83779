import { parseArgs } from 'node:util'
import { either as E } from 'fp-ts'
import { parseCsvTypes } from './parseCsvTypes.ts'
import { readCredentials } from './readCredentials.ts'
import type { Format, ImportPlan, Kind } from './types.ts'

const OPTIONS = {
  format: { type: 'string' },
  checkpoint: { type: 'string' },
  rejects: { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
  concurrency: { type: 'string' },
  retries: { type: 'string' },
  'progress-interval': { type: 'string' },
  operation: { type: 'string' },
  'id-column': { type: 'string' },
  'group-key': { type: 'string' },
  'event-column': { type: 'string' },
  'distinct-id-column': { type: 'string' },
  'time-column': { type: 'string' },
  'insert-id-column': { type: 'string' },
  'csv-types': { type: 'string' },
  token: { type: 'string' },
  'api-secret': { type: 'string' },
  'service-account-username': { type: 'string' },
  'service-account-secret': { type: 'string' },
  'project-id': { type: 'string' },
  region: { type: 'string' },
  host: { type: 'string' },
} as const

/** The flags that hold secrets: left out of anything printed. */
export const SECRET_FLAGS: ReadonlyArray<string> = ['--api-secret', '--service-account-secret']

const FORMATS: ReadonlyArray<string> = ['ndjson', 'json', 'csv']

/** Operations per kind, in the order the help lists them. */
export const OPERATIONS: Readonly<Record<Exclude<Kind, 'events'>, ReadonlyArray<string>>> = {
  profiles: ['set', 'set_once', 'add', 'append', 'union', 'remove', 'unset', 'delete'],
  groups: ['set', 'set_once', 'union', 'remove', 'unset', 'delete'],
}

// Flags that only make sense for some kinds: giving them elsewhere is a mistake worth reporting.
const ONLY_FOR: Readonly<Record<string, ReadonlyArray<Kind>>> = {
  operation: ['profiles', 'groups'],
  'id-column': ['profiles', 'groups'],
  'group-key': ['groups'],
  'event-column': ['events'],
  'distinct-id-column': ['events'],
  'time-column': ['events'],
  'insert-id-column': ['events'],
}

const wholeNumber = (flag: string, text: string | undefined, fallback: number, least: number, most: number): E.Either<string, number> => {
  if (text === undefined) return E.right(fallback)
  const n = Number(text)
  return /^\d+$/.test(text.trim()) && n >= least && n <= most ? E.right(n) : E.left(`${flag}: expected a whole number from ${least} to ${most}, got '${text}'`)
}

const seconds = (text: string | undefined): E.Either<string, number> => {
  if (text === undefined) return E.right(10_000)
  const n = Number(text)
  return Number.isFinite(n) && n > 0 ? E.right(Math.round(n * 1000)) : E.left(`--progress-interval: expected seconds greater than 0, got '${text}'`)
}

/**
 * Reads `mp import <kind> <file…|-> [flags]` (argv after `import`) and the environment into an
 * `ImportPlan`, or the usage error to print (exit code 2): unknown flags, flags for another kind,
 * malformed values, missing inputs or credentials. The secret is needed only for a real events import.
 * @example
 * parseImportArgs(['events', 'a.ndjson', '--dry-run'], { MP_TOKEN: 't' })
 * // Right({ plan: { kind: 'events', inputs: ['a.ndjson'], dryRun: true, … }, warnings: [] })
 */
export const parseImportArgs = (
  argv: ReadonlyArray<string>,
  env: Readonly<Record<string, string | undefined>>,
): E.Either<string, { readonly plan: ImportPlan; readonly warnings: ReadonlyArray<string> }> => {
  const [kind, ...rest] = argv
  if (kind !== 'events' && kind !== 'profiles' && kind !== 'groups') {
    return E.left(kind === undefined ? 'mp import: say what to import: events, profiles or groups' : `mp import: unknown kind '${kind}' (events, profiles or groups)`)
  }
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>
  try {
    parsed = parseArgs({ args: [...rest], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    return E.left(`mp import ${kind}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
  }
  const { values: v, positionals: inputs } = parsed
  const fail = (message: string) => E.left(`mp import ${kind}: ${message}`)
  const misplaced = Object.keys(ONLY_FOR).find((flag) => v[flag as keyof typeof v] !== undefined && !ONLY_FOR[flag]?.includes(kind))
  if (misplaced !== undefined) return fail(`--${misplaced} is for ${ONLY_FOR[misplaced]?.join(' and ')} only`)
  if (inputs.length === 0) return fail('no input: give one or more files, or - for stdin')
  if (inputs.filter((i) => i === '-').length > 1) return fail('stdin (-) can be read only once')
  if (v.checkpoint !== undefined && inputs.includes('-')) return fail('--checkpoint needs files: stdin cannot be read again from where it stopped')
  if (v.format !== undefined && !FORMATS.includes(v.format)) return fail(`--format must be ndjson, json or csv, got '${v.format}'`)
  const operations = kind === 'events' ? [] : OPERATIONS[kind]
  const operation = v.operation ?? 'set'
  if (kind !== 'events' && !operations.includes(operation)) return fail(`--operation must be one of ${operations.join(', ')}, got '${operation}'`)
  if (kind === 'groups' && (v['group-key'] === undefined || v['group-key'].trim() === '')) return fail('--group-key is required: the group key the ids belong to, such as company_id')
  const concurrency = wholeNumber('--concurrency', v.concurrency, 4, 1, 64)
  const retries = wholeNumber('--retries', v.retries, 5, 0, 20)
  const interval = seconds(v['progress-interval'])
  const csvTypes = parseCsvTypes(v['csv-types'])
  if (E.isLeft(concurrency)) return fail(concurrency.left)
  if (E.isLeft(retries)) return fail(retries.left)
  if (E.isLeft(interval)) return fail(interval.left)
  if (E.isLeft(csvTypes)) return fail(csvTypes.left)
  const credentials = readCredentials(
    {
      token: v.token,
      apiSecret: v['api-secret'],
      serviceAccountUsername: v['service-account-username'],
      serviceAccountSecret: v['service-account-secret'],
      projectId: v['project-id'],
      region: v.region,
      host: v.host,
    },
    env,
    // Mixpanel's guidance for bulk imports: back off from 2 s, doubling up to 60 s.
    { gzip: kind === 'events', retry: { limit: retries.right, baseDelayMs: 2000, maxDelayMs: 60_000 } },
  )
  if (E.isLeft(credentials)) return fail(credentials.left)
  const dryRun = v['dry-run'] === true
  if (kind === 'events' && !dryRun && !credentials.right.hasSecret) {
    return fail('/import needs a secret: set MP_API_SECRET, or MP_SERVICE_ACCOUNT_USERNAME, MP_SERVICE_ACCOUNT_SECRET and MP_PROJECT_ID')
  }
  const plan: ImportPlan = {
    kind,
    inputs,
    format: v.format as Format | undefined,
    checkpoint: v.checkpoint,
    rejects: v.rejects,
    dryRun,
    json: v.json === true,
    quiet: v.quiet === true,
    concurrency: concurrency.right,
    progressIntervalMs: interval.right,
    operation,
    idColumn: v['id-column'],
    groupKey: v['group-key']?.trim(),
    columns: {
      event: v['event-column'] ?? 'event',
      distinctId: v['distinct-id-column'] ?? 'distinct_id',
      time: v['time-column'] ?? 'time',
      insertId: v['insert-id-column'] ?? '$insert_id',
    },
    csvTypes: csvTypes.right,
    config: credentials.right.config,
    hasSecret: credentials.right.hasSecret,
    argv: ['import', ...argv],
  }
  return E.right({ plan, warnings: credentials.right.warnings })
}
