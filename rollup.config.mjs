// Rollup configs for measuring and shipping edge bundles. Packages build with plain `tsc` into `dist/`;
// rollup only ever reads that built JS (run `pnpm build` first), so no TypeScript plugin is involved.
//
//   import { bundle, sizeConfig, workerConfig } from './rollup.config.mjs'   // from scripts
//   npx rollup -c                                                           // writes .cache/bundles/*.js
import { builtinModules } from 'node:module'
import { resolve as resolvePath } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rollup } from 'rollup'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import commonjs from '@rollup/plugin-commonjs'
import terser from '@rollup/plugin-terser'

export const ROOT = fileURLToPath(new URL('.', import.meta.url))

const VIRTUAL_PREFIX = '\0virtual:'

/**
 * Serves in-memory modules, so a size preset is a line of code instead of a file on disk.
 * Relative imports inside a virtual module resolve against the repo root.
 * @example
 * virtual({ entry: "export { track } from '@mp/events'" })
 */
export const virtual = (modules) => ({
  name: 'mp-virtual',
  resolveId: (id) => (Object.hasOwn(modules, id) ? VIRTUAL_PREFIX + id : null),
  load: (id) => (id.startsWith(VIRTUAL_PREFIX) ? modules[id.slice(VIRTUAL_PREFIX.length)] : null),
})

// The `@mp/source` condition points at `.ts` files that rollup cannot read; leaving it out of the list
// makes every workspace package resolve to its built `dist/index.js`, exactly as a consumer sees it.
const resolve = (conditions) =>
  nodeResolve({ exportConditions: conditions, mainFields: ['module', 'main'], preferBuiltins: false, rootDir: ROOT })

const onwarn = (warning, warn) => {
  // fp-ts's es6 build has a top-level `__awaiter` helper that mentions `this`: harmless once rewritten.
  if (warning.code === 'THIS_IS_UNDEFINED') return
  // A circular import inside a dependency is not ours to fix, and a size preset still measures it right.
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return
  warn(warning)
}

/** terser as the size measurement uses it: two compress passes, ES module output. */
export const minify = () => terser({ module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } })

/**
 * Input and output options for one size preset: a virtual entry bundled with every dependency
 * (ky, valibot, fp-ts, json-logic-js through the commonjs plugin) and minified.
 * @example
 * const { input, output } = sizeConfig("export { alias } from '@mp/identity'")
 */
export const sizeConfig = (code, { conditions = ['import', 'module', 'browser', 'default'] } = {}) => ({
  input: {
    input: 'entry',
    plugins: [virtual({ entry: code }), resolve(conditions), commonjs()],
    onwarn,
  },
  output: { format: 'es', plugins: [minify()] },
})

const isNodeBuiltin = (id) => id.startsWith('node:') || builtinModules.includes(id)

/**
 * A self-contained ES module worker for workerd: everything bundled, nothing Node-specific.
 * `minified: false` keeps it readable for debugging. `nodejsCompat: true` leaves Node built-ins
 * (`node:events`, `async_hooks`) to the runtime, for a worker run with the `nodejs_compat` flag.
 * @example
 * const { input, output } = workerConfig('scripts/runtimes/worker.mjs')
 */
export const workerConfig = (file, { minified = true, nodejsCompat = false } = {}) => ({
  input: {
    input: resolvePath(ROOT, file),
    plugins: [resolve(['workerd', 'worker', 'browser', 'import', 'module', 'default']), commonjs()],
    ...(nodejsCompat ? { external: isNodeBuiltin } : {}),
    onwarn,
  },
  output: { format: 'es', inlineDynamicImports: true, plugins: minified ? [minify()] : [] },
})

/**
 * Bundles one config in memory and answers the single output chunk (its `code` and the per-module
 * `modules` map rollup reports, used to explain where bytes come from). Pass the same `shared` object
 * to several calls to reuse rollup's module cache between them.
 * @example
 * const chunk = await bundle(sizeConfig("export * from '@mp/core'"))
 */
export const bundle = async ({ input, output }, shared = undefined) => {
  // `shared.cache` carries parsed modules from one build to the next (both workers share most code).
  const build = await rollup(shared?.cache === undefined ? input : { ...input, cache: shared.cache })
  if (shared !== undefined) shared.cache = build.cache
  try {
    const { output: chunks } = await build.generate(output)
    const chunk = chunks.find((c) => c.type === 'chunk' && c.isEntry)
    if (chunk === undefined) throw new Error('rollup produced no entry chunk')
    return chunk
  } finally {
    await build.close()
  }
}

/**
 * Size presets: what a user imports, and the gzip budget in bytes (null = reported, not enforced).
 * Budgets are issue 14's (ky stays; `send` is a thin layer over it). `ceiling` is set only where the
 * budget is still out of reach: the size measured with issues 13 and 14 both in (2026-12-05) plus
 * about 1 %, so CI fails a preset that grows past it and a bundle can only shrink toward its budget.
 * Issue 15 (serialising once) raised two of them by exactly what it adds: track +165 B (sealing records
 * and joining their texts), the facade +396 B (that, and importEvents' one-stringify canonical JSON).
 * Its second pass raised them again by what it adds: track +13 B (send's body writer is a parameter,
 * and a gzipped body is a Blob), the facade +253 B (the queue holds each record's JSON text instead of
 * the record, and sendTexts writes a batch straight into UTF-8 bytes): queue heap per waiting record
 * 1258 -> 523 B, and mp's queue CPU 1.38 -> 1.25 s per 100k events (scripts/bench/ab.mjs). Its last
 * step raised them by track +148 B, facade +141 B: insert ids drawn from a pool of Web Crypto bytes
 * (one getRandomValues call per 256 events) and no empty meta/ids objects per event, buildTrackPayload
 * 5.35 -> 4.72 us per event, the queue 1.28 -> 1.22 s per 100k (ab.mjs), which brings issue 15's CPU
 * ratio to the edge of its 1.2x target (1.21-1.33 across runs, docs/benchmarks.md). A review then
 * spelled out which ids the builder vouches for instead of comparing against `own ?? NaN`: +18 B
 * track, +17 B facade, bought for legibility of a check that guards what is sent.
 * Issue 15's fifth pass (2026-12-05) raised them by what it adds: alias +85 B, track +383 B, facade +738 B
 * (the queue holds records as UTF-8 bytes in one buffer and sends packed bodies, split between records
 * on a 413; plain properties take one spread into the record with a check instead of the full walk; insert
 * ids sliced from one hex string per pool; the builder's newest text in one slot before the WeakMap;
 * the limit walk without allocations). Together they took mp's queue from 1.33 to 1.04-1.12x
 * mixpanel-node's CPU per event (docs/benchmarks.md, "fifth pass"), the margin issue 15 lacked.
 * `node scripts/size.mjs --strict` holds the budgets.
 */
export const PRESETS = [
  { name: 'buildAliasPayload', code: "export { buildAliasPayload } from '@mp/identity'", budget: 1536, ceiling: 1710, noKy: true },
  { name: 'alias', code: "export { alias } from '@mp/identity'", budget: 8192, ceiling: 9655 },
  { name: 'track', code: "export { track } from '@mp/events'", budget: 8704, ceiling: 11495 },
  { name: '@mp/mixpanel (all)', code: "export * from '@mp/mixpanel'", budget: 16384, ceiling: 19910 },
  { name: 'buildTrackPayload', code: "export { buildTrackPayload } from '@mp/events'", budget: null, noKy: true },
  { name: '@mp/core (all)', code: "export * from '@mp/core'", budget: null, noKy: true },
  { name: 'send', code: "export { send } from '@mp/send'", budget: null },
  { name: 'createQueue', code: "export { createQueue } from '@mp/queue'", budget: null },
  { name: '@mp/flags (all)', code: "export * from '@mp/flags'", budget: null },
]

// `rollup -c` writes every preset and the workerd smoke worker to .cache/bundles/ for inspection.
const fileName = (name) => name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')
export default [
  ...PRESETS.map((preset) => {
    const { input, output } = sizeConfig(preset.code)
    return { ...input, output: { ...output, file: `.cache/bundles/${fileName(preset.name)}.min.js` } }
  }),
  (() => {
    const { input, output } = workerConfig('scripts/runtimes/worker.mjs', { minified: false })
    return { ...input, output: { ...output, file: '.cache/bundles/smoke-worker.js' } }
  })(),
]
