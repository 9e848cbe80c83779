#!/usr/bin/env node
// Size budgets for edge bundles. Bundles each preset of rollup.config.mjs from the BUILT packages
// (run `pnpm build` first, or pass --build), minifies it with terser and prints min, gzip (level 9)
// and brotli (quality 11) bytes. Exits 1 when a preset is over its enforced limit or when a preset that
// must be free of ky contains ky code. The enforced limit is the preset's budget, or, for a budget that
// is out of reach for now, its `ceiling`: the size it had when the budget was found out of reach, so
// the bundle can only shrink until the budget is met (`--strict` enforces the budgets themselves).
// Two reference rows put the budgets in scale: ky on its own, and the least `alias` ky allows
// (scripts/size/alias-floor.mjs).
//
//   node scripts/size.mjs [--build] [--strict] [--json] [--explain] [--write] [--ky-as-fetch]
//     --build    run `pnpm build` first
//     --strict   fail on every budget, ceilings or not (the issue's done state)
//     --json     print the results as JSON instead of a table
//     --explain  list the biggest modules of every preset (always shown for a failing one)
//     --write    also write each minified bundle to .cache/bundles/
//     --ky-as-fetch  what-if: measure with ky replaced by a bare fetch call (ky's share; never for CI)
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { bundle, PRESETS, ROOT, sizeConfig } from '../rollup.config.mjs'

export { PRESETS }

// ky is @mp/send's dependency, not the root's: reference rows reach it through that package.
const KY_ENTRY = () => createRequire(join(ROOT, 'packages/send/package.json')).resolve('ky')

/** Reference rows: not our shipped code, measured to show what the budgets are up against. */
export const REFERENCES = [
  { name: 'ref: ky alone', code: "export { default } from 'ky'", budget: null, reference: true },
  { name: 'ref: least alias with ky', code: "export { alias } from './scripts/size/alias-floor.mjs'", budget: null, reference: true },
]

/** Resolves a bare `ky` to the copy @mp/send installs, for the reference rows. */
export const kyFromSend = () => ({ name: 'ky-from-send', resolveId: (id) => (id === 'ky' ? KY_ENTRY() : null) })

// Option names only ky's source spells out; none survive minification as identifiers, all survive as
// property keys or strings, so any of them in a bundle means ky came along.
export const KY_MARKERS = ['throwHttpErrors', 'prefixUrl', 'beforeRetry', 'afterResponse', 'onDownloadProgress']

/** min, gzip and brotli byte counts of a piece of code. */
export const measure = (code) => {
  const bytes = Buffer.from(code)
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  }
}

/** The ky markers found in a piece of code (empty when it carries no ky). */
export const kyMarkersIn = (code) => KY_MARKERS.filter((marker) => code.includes(marker))

/** Rendered (pre-minification) code per module of a bundle, biggest first. */
export const breakdown = (modules) =>
  Object.entries(modules)
    .filter(([, info]) => info.renderedLength > 0)
    .map(([id, info]) => ({ id: owner(id), rendered: info.renderedLength, code: info.code ?? '' }))
    .sort((a, b) => b.rendered - a.rendered)

// terser comes with @rollup/plugin-terser; reach it through that package rather than adding a dependency.
const loadTerser = async () => {
  const require = createRequire(createRequire(import.meta.url).resolve('@rollup/plugin-terser'))
  return import(pathToFileURL(require.resolve('terser')).href)
}

/**
 * What each module weighs on its own: its rendered code minified (top-level names kept, as the module
 * is a fragment) and gzipped alone. The parts add up to more than the bundle (gzip shares a dictionary
 * across modules), but they rank the causes: the biggest rows are what to cut.
 */
export const weigh = async (rows) => {
  const { minify } = await loadTerser()
  const weighed = []
  for (const row of rows) {
    const out = await minify(row.code, { module: true, toplevel: false, compress: { passes: 2, unused: false }, mangle: { toplevel: false } }).catch(() => ({ code: row.code }))
    weighed.push({ id: row.id, rendered: row.rendered, ...measure(out.code ?? '') })
  }
  return weighed.sort((a, b) => b.gzip - a.gzip)
}

const owner = (id) => {
  const pnpm = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(id)
  if (pnpm) return `${pnpm[1]}/${pnpm[2]}`
  if (id.startsWith('\0')) return id.slice(1)
  return relative(ROOT, id)
}

/**
 * A what-if plugin: `ky` becomes a one-line `fetch` call. Shows what ky's own bytes are in each preset;
 * since issue 14 ky does `send`'s retrying and timeouts, so the what-if bundles no longer retry.
 */
export const kyAsFetch = () => ({
  name: 'ky-as-fetch',
  resolveId: (id) => (id === 'ky' ? '\0ky-as-fetch' : null),
  load: (id) => (id === '\0ky-as-fetch' ? 'export default (url, options) => (options.fetch ?? fetch)(url, options)' : null),
})

/** Bundles and measures one preset; a preset whose entry does not resolve yet is an error row. */
export const measurePreset = async (preset, { plugins = [], shared = undefined, strict = false } = {}) => {
  try {
    const config = sizeConfig(preset.code)
    const chunk = await bundle({ ...config, input: { ...config.input, plugins: [...plugins, ...config.input.plugins] } }, shared)
    const sizes = measure(chunk.code)
    // ky is present if a ky module is in the graph or one of its option names made it into the code.
    const kyModules = Object.keys(chunk.modules).filter((id) => /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?ky\//.test(id))
    const ky = [...kyModules.map((id) => owner(id)), ...kyMarkersIn(chunk.code)]
    const overBudget = preset.budget !== null && sizes.gzip > preset.budget
    const limit = strict ? preset.budget : (preset.ceiling ?? preset.budget)
    const overLimit = limit !== null && sizes.gzip > limit
    const kyLeak = preset.noKy === true && ky.length > 0
    return { ...preset, ...sizes, ky, ok: !overLimit && !kyLeak, overBudget, overLimit, kyLeak, code: chunk.code, modules: breakdown(chunk.modules) }
  } catch (error) {
    return { ...preset, ok: false, error: error instanceof Error ? error.message.split('\n')[0] : String(error) }
  }
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`
const pad = (s, n, right = false) => (right ? String(s).padStart(n) : String(s).padEnd(n))

/** The results as a plain-text table, one row per preset. */
export const table = (results) => {
  const header = ['preset', 'min', 'gzip', 'brotli', 'budget (gzip)', 'ky', 'result']
  const verdict = (r) => {
    if (r.kyLeak) return `FAIL: ky (${r.ky.slice(0, 3).join(', ')})`
    if (r.overLimit) return r.overBudget && r.ceiling !== undefined && r.gzip <= r.ceiling ? `FAIL: +${r.gzip - r.budget} B (--strict)` : r.ceiling !== undefined && r.gzip > r.ceiling ? `FAIL: +${r.gzip - r.ceiling} B over ceiling ${r.ceiling}` : `FAIL: +${r.gzip - r.budget} B`
    if (r.overBudget) return `over budget +${r.gzip - r.budget} B; under ceiling ${r.ceiling}`
    if (r.reference === true) return 'reference'
    return r.budget === null && r.noKy !== true ? 'info' : 'ok'
  }
  const rows = results.map((r) =>
    r.error !== undefined
      ? [r.name, '-', '-', '-', r.budget === null ? '-' : kb(r.budget), '-', `ERROR ${r.error.replace(ROOT, '')}`]
      : [
          r.name,
          r.min,
          r.gzip,
          r.brotli,
          r.budget === null ? '-' : `${kb(r.budget)} (${r.budget})`,
          r.ky.length > 0 ? 'yes' : 'no',
          verdict(r),
        ],
  )
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)))
  const line = (row) => row.map((cell, i) => pad(cell, widths[i], i >= 1 && i <= 3)).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

const explain = async (r, limit) => {
  const rows = await weigh(r.modules)
  const byPackage = new Map()
  for (const row of rows) {
    const pkg = /^(@mp\/\w+|packages\/\w+|(?:@[^/]+\/)?[^/]+)/.exec(row.id)[1].replace(/^packages\//, '@mp/')
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + row.gzip)
  }
  return [
    `  ${r.name} (${r.gzip} B gzip): each module minified and gzipped alone`,
    `    by package: ${[...byPackage].sort((a, b) => b[1] - a[1]).map(([p, n]) => `${p} ${n}`).join(', ')}`,
    `    ${pad('gzip', 6, true)} ${pad('min', 7, true)}  module`,
    ...rows.slice(0, limit).map((row) => `    ${pad(row.gzip, 6, true)} ${pad(row.min, 7, true)}  ${row.id}`),
  ].join('\n')
}

const main = async (args) => {
  if (args.includes('--build')) execFileSync('pnpm', ['build'], { cwd: ROOT, stdio: 'inherit' })
  const results = []
  const whatIf = args.includes('--ky-as-fetch')
  const strict = args.includes('--strict')
  if (whatIf) console.log('what-if: ky replaced by a bare fetch call (--ky-as-fetch); not the shipped code\n')
  // One rollup cache for all presets: ky, valibot and fp-ts are parsed once.
  const shared = {}
  for (const preset of PRESETS) results.push(await measurePreset(preset, { plugins: whatIf ? [kyAsFetch()] : [], shared, strict }))
  for (const preset of REFERENCES) results.push(await measurePreset(preset, { plugins: [whatIf ? kyAsFetch() : kyFromSend()], shared }))
  if (args.includes('--write')) {
    mkdirSync(join(ROOT, '.cache/bundles'), { recursive: true })
    for (const r of results) if (r.code) writeFileSync(join(ROOT, '.cache/bundles', `${r.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.min.js`), r.code)
  }
  if (args.includes('--json')) {
    console.log(JSON.stringify(results.map(({ code, modules, ...r }) => r), null, 2))
  } else {
    console.log(table(results))
    const toExplain = results.filter((r) => r.modules !== undefined && (args.includes('--explain') || !r.ok))
    const limit = args.includes('--explain') ? 40 : 15
    for (const r of toExplain) console.log(`\n${await explain(r, limit)}`)
  }
  const failed = results.filter((r) => !r.ok)
  if (failed.length > 0) {
    console.error(`\nsize: ${failed.length} preset(s) failed: ${failed.map((r) => r.name).join(', ')}`)
    process.exitCode = 1
  } else {
    const over = results.filter((r) => r.overBudget)
    console.log(
      over.length === 0
        ? `\nsize: all ${results.length} presets within budget`
        : `\nsize: no preset grew past its limit; ${over.length} still over budget: ${over.map((r) => `${r.name} ${r.gzip} B > ${r.budget} B`).join(', ')}`,
    )
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2))
