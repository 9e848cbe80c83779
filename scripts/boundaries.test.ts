// The contract's import rules, checked on the sources: only @mp/send may import ky, builders never do,
// and each package imports only what its row of the contract allows.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')

const ALLOWED: Readonly<Record<string, ReadonlyArray<string>>> = {
  core: ['valibot', 'fp-ts'],
  send: ['@mp/core', 'ky', 'fp-ts'],
  identity: ['@mp/core', '@mp/send', 'fp-ts'],
  events: ['@mp/core', '@mp/send', 'fp-ts'],
  people: ['@mp/core', '@mp/send', 'fp-ts'],
  groups: ['@mp/core', '@mp/send', 'fp-ts'],
  queue: ['@mp/core', '@mp/send', 'fp-ts'],
  mixpanel: ['@mp/core', '@mp/send', '@mp/identity', '@mp/events', '@mp/people', '@mp/groups', '@mp/queue', 'fp-ts'],
  // Exposure events are tracked events, so flags reuse @mp/events rather than rebuilding its record.
  flags: ['@mp/core', '@mp/send', '@mp/events', 'fp-ts', 'valibot', 'json-logic-js'],
  emulator: [],
  // The contract's row (core, flags, the SDK as a peer), plus @mp/events: OpenFeature's `track` maps to
  // Mixpanel's track, and @mp/flags depends on @mp/events already, so nothing new ships.
  openfeature: ['@mp/core', '@mp/flags', '@mp/events', 'fp-ts', '@openfeature/server-sdk'],
  // Database drivers (pg, PGlite) are the caller's: dev dependencies for the tests, never imported by the sources.
  outbox: ['@mp/core', '@mp/send', 'fp-ts'],
  // The command line: everything above, a CSV parser, a progress library (and Node built-ins).
  cli: ['@mp/core', '@mp/send', '@mp/events', '@mp/people', '@mp/groups', '@mp/queue', '@mp/emulator', 'fp-ts', 'csv-parse', 'cli-progress'],
}

/** Node-only packages: they may import Node built-ins (`node:…`) besides their row. */
const NODE_ONLY: ReadonlyArray<string> = ['emulator', 'cli']

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.startsWith('test-') ? [path] : []
  })

// Block comments go first: a JSDoc `@example` such as `import { alias } from '@mp/identity'` is not an
// import. A statement ends at `;` or a quote, so an `export const` above a comment cannot reach into it.
const importsIn = (source: string): string[] =>
  [...source.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s+'([^']+)'|import\('([^']+)'\)/g)]
    .map((m) => m[1] ?? m[2] ?? '')
    .filter((spec) => !spec.startsWith('.'))

const importsOf = (file: string): string[] => importsIn(readFileSync(file, 'utf8'))

describe('package boundaries', () => {
  for (const [pkg, allowed] of Object.entries(ALLOWED)) {
    it(`@mp/${pkg} imports only ${[...allowed, ...(NODE_ONLY.includes(pkg) ? ['node built-ins'] : [])].join(', ')}`, () => {
      const files = sourceFiles(join(root, 'packages', pkg, 'src'))
      expect(files.length).toBeGreaterThan(0)
      const offending = files.flatMap((file) =>
        importsOf(file)
          .filter((spec) => !allowed.includes(spec) && !(NODE_ONLY.includes(pkg) && spec.startsWith('node:')))
          .map((spec) => `${file.slice(root.length + 1)} imports ${spec}`),
      )
      expect(offending).toEqual([])
    })
  }

  it('reads imports, not examples in comments (the scanner itself works)', () => {
    const source = [
      "import { either as E } from 'fp-ts'",
      'import {\n  alias,\n  merge,\n} from \'@mp/identity\'',
      'export const formatDate = (d: Date) => d',
      '/**\n * @example\n * import { toJson } from \'@mp/core\'\n */',
      "export { send } from '@mp/send'",
      "const lazy = () => import('ky')",
    ].join('\n')
    expect(importsIn(source)).toEqual(['fp-ts', '@mp/identity', '@mp/send', 'ky'])
  })

  it('sees real imports (the scanner itself works): ky is imported by exactly one @mp/send file', () => {
    const kyImporters = Object.keys(ALLOWED)
      .flatMap((pkg) => sourceFiles(join(root, 'packages', pkg, 'src')))
      .filter((file) => importsOf(file).includes('ky'))
      .map((file) => file.slice(root.length + 1))
    expect(kyImporters).toEqual(['packages/send/src/exchange.ts'])
  })

  it('fp-ts is imported only from its root (subpaths crash in Node and Deno ESM)', () => {
    const offending = Object.keys(ALLOWED)
      .flatMap((pkg) => sourceFiles(join(root, 'packages', pkg, 'src')))
      .flatMap((file) => importsOf(file).filter((spec) => spec.startsWith('fp-ts/')).map((spec) => `${file} imports ${spec}`))
    expect(offending).toEqual([])
  })
})
