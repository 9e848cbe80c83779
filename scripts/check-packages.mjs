#!/usr/bin/env node
// Publishing check for every packages/*/package.json, in the spirit of publint (no extra dependency):
// what `npm pack` would ship is read from `npm pack --dry-run --json`, then checked against the metadata
// and against the imports of the built files. Run after `pnpm build` (or pass --build).
//
//   node scripts/check-packages.mjs [--build] [--json] [--no-types]
//     --no-types  skip the consumer typecheck of the shipped .d.ts (the slow part: ~10-30 s)
//
// Errors (exit 1): `type` not "module"; `sideEffects` not false; an `exports` entry without `types`
// before `default`; an exports/main/types target that is not in the package (including the `@mp/source`
// condition: the published package.json must not point at unpublished `src/`); `files` without dist; test
// files shipped; a relative import in dist that does not resolve to a shipped file; a bare import that is
// not a declared dependency; an `fp-ts/…` subpath import (breaks Node ESM and Deno); ky outside @mp/send;
// a `node:` built-in outside Node-only packages; a dist entry that does not load in plain Node ESM; a
// consumer (NodeNext, strict, no custom condition, no Node types for edge packages) that cannot typecheck
// `import * as x from '@mp/…'` against the shipped .d.ts; a `bin` that is not shipped or has no #! line.
// Warnings: a declared dependency the shipped code never imports.
import { execFile, execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, posix } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

const ROOT = new URL('..', import.meta.url).pathname
const SOURCE_CONDITION = '@mp/source'
/** Packages allowed to import Node built-ins: they are Node-only by design. */
export const NODE_ONLY = new Set(['@mp/emulator', '@mp/outbox', '@mp/cli'])
/**
 * Edge packages whose peer dependency's types need Node's: @openfeature/server-sdk's .d.ts imports
 * `node:events`, so a consumer of @mp/openfeature has Node types (@types/node, or Deno's and Bun's own)
 * anyway. Their own code is still refused `node:` imports; only the consumer typecheck adds Node types.
 */
export const NODE_TYPES_FROM_PEER = new Set(['@mp/openfeature'])
/** Packages allowed to import ky: the single HTTP boundary. */
export const KY_ALLOWED = new Set(['@mp/send'])

const builtins = new Set(builtinModules)

/** Every module specifier a JS or .d.ts file imports, re-exports or dynamically imports (comments ignored). */
export const specifiersOf = (code) => {
  const stripped = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
  const found = new Set()
  const patterns = [
    /^\s*(?:import|export)\s+(?:type\s+)?[\w*{}\s,$]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ]
  for (const pattern of patterns) for (const match of stripped.matchAll(pattern)) found.add(match[1])
  return [...found]
}

/** The package name a bare specifier refers to (`@scope/name/sub` → `@scope/name`). */
export const packageNameOf = (specifier) => {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/** Every (path in exports, condition chain, target) of an exports field. */
export const exportTargets = (exports, path = [], prefix = '.') => {
  if (typeof exports === 'string') return [{ subpath: prefix, conditions: path, target: exports }]
  if (exports === null || typeof exports !== 'object') return []
  return Object.entries(exports).flatMap(([key, value]) =>
    key.startsWith('.') ? exportTargets(value, [], key) : exportTargets(value, [...path, key], prefix),
  )
}

/** The package.json a publish with pnpm would write: `publishConfig` fields replace the top-level ones. */
const published = (pkg) => {
  const { publishConfig = {}, ...rest } = pkg
  const overridable = ['exports', 'main', 'module', 'types', 'typings', 'bin', 'browser']
  return { ...rest, ...Object.fromEntries(Object.entries(publishConfig).filter(([k]) => overridable.includes(k))) }
}

const normal = (target) => posix.normalize(target).replace(/^\.\//, '')

/** Checks one package directory against its own `npm pack` file list; answers errors and warnings. */
export const checkPackage = ({ dir, pkg: rawPkg, packed }) => {
  const errors = []
  const warnings = []
  const pkg = published(rawPkg)
  const name = pkg.name
  const shipped = new Set(packed)

  if (typeof name !== 'string' || !name.startsWith('@mp/')) errors.push(`name: expected @mp/…, got ${JSON.stringify(name)}`)
  if (typeof pkg.version !== 'string' || !/^\d+\.\d+\.\d+/.test(pkg.version)) errors.push('version: missing or not semver')
  if (typeof pkg.license !== 'string') errors.push('license: missing')
  if (pkg.type !== 'module') errors.push(`type: expected "module", got ${JSON.stringify(pkg.type)}`)
  if (pkg.sideEffects !== false) errors.push(`sideEffects: expected false, got ${JSON.stringify(pkg.sideEffects)}`)
  if (!Array.isArray(pkg.files) || !pkg.files.some((f) => /^(\.\/)?dist\/?$/.test(f))) errors.push('files: must list "dist"')
  if (pkg.private === true) errors.push('private: true (would never publish)')

  // exports: the root entry, types first, every target shipped.
  const exports = pkg.exports
  if (exports === undefined || typeof exports !== 'object' || exports === null || exports['.'] === undefined) errors.push('exports: missing the "." entry')
  else {
    for (const [subpath, entry] of Object.entries(exports)) {
      if (typeof entry !== 'object' || entry === null) continue
      const keys = Object.keys(entry)
      const typesAt = keys.indexOf('types')
      const runtimeAt = keys.findIndex((k) => ['default', 'import', 'require', 'node'].includes(k))
      if (typesAt === -1) errors.push(`exports["${subpath}"]: no "types" condition`)
      if (!keys.includes('default') && !keys.includes('import')) errors.push(`exports["${subpath}"]: no "default" (or "import") condition`)
      if (typesAt !== -1 && runtimeAt !== -1 && typesAt > runtimeAt) errors.push(`exports["${subpath}"]: "types" must come before "${keys[runtimeAt]}"`)
      if (keys.includes('default') && keys.indexOf('default') !== keys.length - 1) errors.push(`exports["${subpath}"]: "default" must be the last condition`)
    }
    for (const { subpath, conditions, target } of exportTargets(exports)) {
      const at = `exports["${subpath}"]${conditions.map((c) => `["${c}"]`).join('')}`
      if (!target.startsWith('./')) errors.push(`${at}: target ${target} must start with ./`)
      else if (!shipped.has(normal(target))) {
        errors.push(
          conditions.includes(SOURCE_CONDITION)
            ? `${at} → ${target} is not published: the @mp/source condition leaks into the published package.json ` +
                `(a consumer resolving it gets a missing file). Ship the sources (files: "src", "!src/**/*.test.ts", "!src/**/test-*.ts") ` +
                `or drop the condition via publishConfig.exports`
            : `${at} → ${target} is not in the package (not built, or excluded by "files")`,
        )
      }
    }
  }
  for (const field of ['main', 'module', 'types', 'typings'])
    if (typeof pkg[field] === 'string' && !shipped.has(normal(pkg[field]))) errors.push(`${field}: ${pkg[field]} is not in the package`)

  // Executables: shipped, and started by a #! line (npm links them as they are).
  const bins = typeof pkg.bin === 'string' ? { [name]: pkg.bin } : (pkg.bin ?? {})
  for (const [command, target] of Object.entries(bins)) {
    if (!shipped.has(normal(target))) errors.push(`bin["${command}"] → ${target} is not in the package (not built, or excluded by "files")`)
    else if (!readFileSync(join(dir, normal(target)), 'utf8').startsWith('#!')) errors.push(`bin["${command}"] → ${target} does not start with a #! line`)
  }
  for (const file of packed)
    if (/(^|\/)test-[^/]*$|\.test\.[^/]*$|\.test-d\.[^/]*$/.test(file)) errors.push(`ships a test file: ${file}`)
  if (!packed.some((f) => f.startsWith('dist/'))) errors.push('ships no dist/ files (not built?)')

  // Imports of the shipped code.
  const deps = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})])
  const used = new Set()
  for (const file of packed.filter((f) => /\.(m?js|d\.m?ts)$/.test(f))) {
    const code = readFileSync(join(dir, file), 'utf8')
    for (const specifier of specifiersOf(code)) {
      const at = `${file}: import "${specifier}"`
      if (specifier.startsWith('.')) {
        const resolved = posix.normalize(posix.join(posix.dirname(file), specifier))
        // TypeScript maps `./x.js` and `./x.ts` in a declaration file to `./x.d.ts`; runtimes need the real file.
        const isTypes = file.endsWith('.ts')
        const candidates = isTypes ? [resolved, resolved.replace(/\.m?[jt]s$/, '.d.ts')] : [resolved]
        if (!(isTypes ? /\.(m?[jt]s|json)$/ : /\.(m?js|json)$/).test(specifier))
          errors.push(`${at}: relative import without a ${isTypes ? '.js/.ts' : '.js'} extension (Node ESM and Deno need it)`)
        else if (!candidates.some((c) => shipped.has(c))) errors.push(`${at}: resolves to ${resolved}, which is not in the package`)
        if (/(^|\/)src\//.test(resolved)) errors.push(`${at}: reaches into src/`)
        continue
      }
      if (specifier.startsWith('node:') || builtins.has(specifier)) {
        if (!NODE_ONLY.has(name)) errors.push(`${at}: Node built-in in an edge package (breaks workerd and browsers)`)
        continue
      }
      const dep = packageNameOf(specifier)
      used.add(dep)
      if (dep === 'fp-ts' && specifier !== 'fp-ts') errors.push(`${at}: fp-ts subpath import (fails in Node ESM and Deno; use the root 'fp-ts')`)
      if (dep === 'ky' && !KY_ALLOWED.has(name)) errors.push(`${at}: only @mp/send may import ky`)
      if (!deps.has(dep) && dep !== name) errors.push(`${at}: "${dep}" is not in dependencies or peerDependencies`)
    }
  }
  if (packed.some((f) => f.startsWith('dist/')))
    for (const dep of deps) if (!used.has(dep)) warnings.push(`dependency "${dep}" is never imported by the shipped code`)
  return { name, errors, warnings }
}

/** Loads a package's root entry in this (plain Node ESM) process; answers an error message or the export count. */
const loadInNode = async (dir, pkg) => {
  const target = exportTargets(published(pkg).exports ?? {}).find((t) => t.subpath === '.' && t.conditions.at(-1) === 'default')?.target
  if (target === undefined) return { error: 'no default export target to load' }
  try {
    const mod = await import(pathToFileURL(join(dir, target)).href)
    const names = Object.keys(mod)
    return names.length === 0 ? { error: `${target} loads but exports nothing` } : { exports: names.length }
  } catch (error) {
    return { error: `${target} does not load in Node ESM: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` }
  }
}

/** What `npm pack` would put in each package's tarball, from one npm process for all of them. */
const packLists = async (dirs) => {
  const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', ...dirs], { cwd: ROOT, maxBuffer: 1 << 26 })
  return JSON.parse(stdout).map((entry) => entry.files.map((f) => f.path))
}

/**
 * Typechecks a consumer that imports every package by name with no custom condition, so it sees the
 * shipped `.d.ts` (with `skipLibCheck: false`): edge packages with DOM/ES libs only and no Node types
 * (those in NODE_TYPES_FROM_PEER with them), Node-only packages with @types/node. Answers tsc's complaints per file, empty when clean.
 */
const checkConsumerTypes = async (packages) => {
  const dir = join(ROOT, '.cache/consumer-types')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n')
  const source = (names) =>
    `${names.map((n, i) => `import * as m${i} from '${n}'`).join('\n')}\nexport const all = [${names.map((_, i) => `m${i}`).join(', ')}]\n`
  const variants = [
    { file: 'edge.ts', names: packages.filter((n) => !NODE_ONLY.has(n) && !NODE_TYPES_FROM_PEER.has(n)), types: [], skipLibCheck: false },
    // Strict like the edge check, with Node types for the peer's sake (what a consumer of these has).
    { file: 'edge-node-types.ts', names: packages.filter((n) => NODE_TYPES_FROM_PEER.has(n)), types: ['node'], skipLibCheck: false },
    // Checking all of @types/node takes longer than everything else here; the Node-only packages' own
    // .d.ts still have to resolve for the import to typecheck.
    { file: 'node.ts', names: packages.filter((n) => NODE_ONLY.has(n)), types: ['node'], skipLibCheck: true },
  ].filter((v) => v.names.length > 0)
  const problems = []
  for (const { file, names, types, skipLibCheck } of variants) {
    writeFileSync(join(dir, file), source(names))
    const tsconfig = {
      compilerOptions: {
        module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        strict: true, exactOptionalPropertyTypes: true, noEmit: true, skipLibCheck, types, typeRoots: [join(ROOT, 'node_modules/@types')],
      },
      files: [file],
    }
    const config = join(dir, `tsconfig.${file.replace('.ts', '')}.json`)
    writeFileSync(config, JSON.stringify(tsconfig, null, 2))
    try {
      await promisify(execFile)(join(ROOT, 'node_modules/.bin/tsc'), ['-p', config], { cwd: dir, maxBuffer: 1 << 24 })
    } catch (error) {
      const out = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim()
      problems.push(`${file} (${names.join(', ')}):\n${out.split('\n').slice(0, 20).map((l) => `         ${l}`).join('\n')}`)
    }
  }
  return problems
}

const main = async (args) => {
  if (args.includes('--build')) execFileSync('pnpm', ['build'], { cwd: ROOT, stdio: 'inherit' })
  const dirs = readdirSync(join(ROOT, 'packages'))
    .map((d) => join(ROOT, 'packages', d))
    .filter((d) => existsSync(join(d, 'package.json')))
  const packed = await packLists(dirs)
  const results = await Promise.all(
    dirs.map(async (dir, i) => {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      const result = checkPackage({ dir, pkg, packed: packed[i] })
      const load = await loadInNode(dir, pkg)
      if (load.error !== undefined) result.errors.push(load.error)
      return { ...result, exports: load.exports }
    }),
  )
  const built = results.filter((r) => r.exports !== undefined).map((r) => r.name)
  const typeProblems = args.includes('--no-types') ? [] : await checkConsumerTypes(built)
  if (args.includes('--json')) console.log(JSON.stringify({ results, typeProblems }, null, 2))
  else
    for (const r of results) {
      console.log(`${r.errors.length === 0 ? 'ok  ' : 'FAIL'} ${r.name}${r.exports === undefined ? '' : ` (${r.exports} exports load in Node ESM)`}`)
      for (const e of r.errors) console.log(`       error: ${e}`)
      for (const w of r.warnings) console.log(`       warn:  ${w}`)
    }
  if (!args.includes('--json')) {
    if (args.includes('--no-types')) console.log('skip consumer typecheck of the shipped .d.ts (--no-types)')
    else console.log(`${typeProblems.length === 0 ? 'ok  ' : 'FAIL'} consumer typecheck of the shipped .d.ts (${built.join(', ') || 'nothing built'})`)
    for (const p of typeProblems) console.log(`       error: ${p}`)
  }
  const failed = results.filter((r) => r.errors.length > 0)
  console.log(`\ncheck-packages: ${results.length - failed.length}/${results.length} packages clean, consumer types ${typeProblems.length === 0 ? 'ok' : 'FAIL'}`)
  if (failed.length > 0 || typeProblems.length > 0) process.exitCode = 1
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2))
