#!/usr/bin/env node
// Runtime matrix: runs ONE smoke program (alias, merge, track, a small importEvents, a queue flush)
// against the emulator under Node 20 (this process's node), Node 22, Node 24, Deno, Bun and workerd,
// then each runtime's example from examples/, then the OpenFeature program (@mp/openfeature in the real
// @openfeature/server-sdk, remote and local; on workerd with nodejs_compat and local mode without
// polling, since the SDK needs node:events and a Worker has no process for timers to outlive a request),
// and on Node the outbox's smoke program (PGlite in memory). The outbox is Node-only by contract: Deno and
// Bun are not among its targets, and workerd cannot hold a database connection or a lease timer between
// requests. The emulator runs here, on 127.0.0.1, serving the OpenFeature program's flags; every runtime
// reaches it over HTTP and imports the BUILT packages (run `pnpm build` first, or pass --build).
// Runtimes come from npm, installed on demand into .cache/runtimes/<pkg>@<version>/.
//
//   node scripts/runtimes.mjs [--build] [--only node22,deno,...] [--install-only] [--verbose]
//
// Prints a pass/fail table and exits 1 if any runtime fails.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { bundle, ROOT, workerConfig } from '../rollup.config.mjs'
import { freePort } from './free-port.mjs'

const CACHE = join(ROOT, '.cache/runtimes')
const SMOKE = 'scripts/runtimes/smoke.mjs'
const OPENFEATURE = 'scripts/runtimes/openfeature.mjs'
const OUTBOX_SMOKE = 'scripts/runtimes/outbox-smoke.mjs'
const TIMEOUT_MS = 90_000

/** The matrix. `pkg` is the pinned npm package that provides the runtime (none: this process's node). */
export const RUNTIMES = [
  { name: 'node20', kind: 'node' },
  { name: 'node22', kind: 'node', pkg: 'node@22.23.3', bin: 'node' },
  { name: 'node24', kind: 'node', pkg: 'node@24.21.0', bin: 'node' },
  { name: 'deno', kind: 'deno', pkg: 'deno@2.9.6', bin: 'deno' },
  { name: 'bun', kind: 'bun', pkg: 'bun@1.4.5', bin: 'bun' },
  { name: 'workerd', kind: 'workerd', pkg: 'workerd@1.20261117.1', bin: 'workerd' },
]

const binPath = (rt) => (rt.pkg === undefined ? process.execPath : join(CACHE, rt.pkg, 'node_modules/.bin', rt.bin))

/** Runs a command; answers its exit code and output, killing it (only it) after `timeoutMs`. */
const run = (cmd, args, { env = {}, timeoutMs = TIMEOUT_MS, cwd = ROOT } = {}) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => {
      stderr += `\n(timed out after ${timeoutMs} ms)`
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({ code: -1, stdout, stderr: `${stderr}${error.message}` })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? -1, stdout, stderr })
    })
  })

const versionOf = async (rt) => {
  const { code, stdout } = await run(binPath(rt), ['--version'], { timeoutMs: 20_000 })
  // `deno 2.9.6 (stable, …)`, `1.4.5`, `workerd 2026-11-17`, `v22.23.3`: keep the version itself.
  return code === 0 ? stdout.trim().split('\n')[0].replace(/^(deno|bun|workerd) /, '').split(' ')[0] : undefined
}

/** Installs a runtime's npm package into its own cache folder unless a working binary is there. */
const ensureInstalled = async (rt) => {
  if (rt.pkg === undefined) return { ok: true, installed: false }
  if (existsSync(binPath(rt)) && (await versionOf(rt)) !== undefined) return { ok: true, installed: false }
  const prefix = join(CACHE, rt.pkg)
  mkdirSync(prefix, { recursive: true })
  const { code, stderr } = await run('npm', ['i', '--prefix', prefix, '-E', '--no-audit', '--no-fund', '--loglevel=error', rt.pkg], {
    timeoutMs: 300_000,
  })
  if (code !== 0) return { ok: false, error: `npm i ${rt.pkg} failed: ${stderr.trim().split('\n').slice(-3).join(' ')}` }
  return (await versionOf(rt)) === undefined ? { ok: false, error: `${rt.bin} --version failed after install` } : { ok: true, installed: true }
}

const waitForPort = async (port, timeoutMs) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => (socket.destroy(), resolve(true)))
      socket.once('error', () => resolve(false))
    })
    if (open) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return false
}

const until = async (check, timeoutMs) => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const result = check()
    if (result === true || Date.now() > deadline) return result
    await new Promise((r) => setTimeout(r, 50))
  }
}

// ---- what the emulator must have received ----------------------------------------------------------

/** Counts acknowledged records by event name (profile/group updates have none and are skipped). */
const receivedByEvent = (emu) => {
  const counts = {}
  for (const r of emu.requests()) {
    if (r.status < 200 || r.status > 299) continue
    for (const record of r.records) if (typeof record.event === 'string') counts[record.event] = (counts[record.event] ?? 0) + 1
  }
  return counts
}

/** Compares the emulator's state with what one smoke run must have produced; answers problems, if any. */
export const checkSmokeState = (emu, runId, { expectedRecords, smokeIds }) => {
  const problems = []
  const counts = receivedByEvent(emu)
  for (const [event, n] of Object.entries(expectedRecords))
    if (counts[event] !== n) problems.push(`${event}: emulator got ${counts[event] ?? 0} record(s), expected ${n}`)
  const ids = smokeIds(runId)
  const canonical = emu.canonicalId(ids.user)
  if (emu.canonicalId(ids.anon) !== canonical) problems.push('alias did not join anon and user ids')
  if (emu.canonicalId(ids.email) !== canonical) problems.push('merge did not join user and email ids')
  return problems
}

const smokeFrom = (stdout) => {
  const line = stdout.split('\n').find((l) => l.startsWith('SMOKE_RESULT '))
  if (line === undefined) return undefined
  try {
    return JSON.parse(line.slice('SMOKE_RESULT '.length))
  } catch {
    return undefined
  }
}

const failedSteps = (result) =>
  result.steps
    .filter((s) => !s.ok)
    .map((s) => `${s.step}: ${typeof s.detail === 'string' ? s.detail : (s.detail?._tag ?? '')} ${s.detail?.message ?? ''}`.trim())

/** Problems with what one OpenFeature run must have left in the emulator (per mode: exposures and one tracked event). */
const checkOpenFeatureState = (emu, runId, of, modes) => {
  const user = of.openFeatureUser(runId)
  const problems = []
  for (const [event, n] of Object.entries(of.OPENFEATURE_RECORDS_PER_MODE)) {
    const got = emu.events().filter((e) => e.event === event && e.distinctId === user).length
    if (got !== n * modes) problems.push(`openfeature: emulator has ${got} ${event} event(s) for ${user}, expected ${n * modes}`)
  }
  return problems
}

const openFeatureProblems = (emu, runId, of, result, modes) =>
  result === undefined ? [] : [...failedSteps(result), ...(result.ok ? checkOpenFeatureState(emu, runId, of, modes) : [])]

// A dist import must not resolve to a package's `src/` (that would test the sources, not what ships).
const sourceLeaks = (resolved = {}) => Object.entries(resolved).filter(([, file]) => !/\/dist\/index\.js$/.test(file)).map(([n, f]) => `${n} -> ${f}`)

// ---- per runtime -------------------------------------------------------------------------------------

const commandFor = (rt, file, args) => {
  const bin = binPath(rt)
  if (rt.kind === 'deno')
    // Deno reads the repo's package.json and resolves bare specifiers through node_modules (manual mode).
    return [bin, ['run', '--allow-net=127.0.0.1', `--allow-read=${ROOT}`, '--allow-env', '--no-lock', '--node-modules-dir=manual', file, ...args]]
  return [bin, [file, ...args]]
}

const runtimeEnv = { DENO_DIR: join(CACHE, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' }

const EXAMPLES = { node: 'examples/node/track.mjs', deno: 'examples/deno/track.ts', bun: 'examples/bun/track.ts' }

/** Runs the smoke program (and the runtime's example) in a child process; answers the row. */
const runProcessRuntime = async (rt, emu, smokeLib, of) => {
  const runId = `${rt.name}-${Date.now().toString(36)}`
  emu.reset()
  const [cmd, args] = commandFor(rt, SMOKE, [emu.url, runId])
  const { code, stdout, stderr } = await run(cmd, args, { env: runtimeEnv })
  const result = smokeFrom(stdout)
  const problems = []
  if (result === undefined) problems.push(`no SMOKE_RESULT (exit ${code}): ${stderr.trim().split('\n').slice(-6).join(' | ')}`)
  else {
    problems.push(...failedSteps(result))
    problems.push(...sourceLeaks(result.resolved).map((l) => `not dist: ${l}`))
    if (result.ok && code !== 0) problems.push(`exit code ${code}`)
    if (result.ok) problems.push(...checkSmokeState(emu, runId, smokeLib))
  }
  const example = await runExample(rt, emu, EXAMPLES[rt.kind])
  const outbox = rt.kind === 'node' ? await runOutboxSmoke(rt, emu) : undefined
  return { smoke: problems, example, openfeature: await runOpenFeature(rt, emu, of), outbox }
}

const runOpenFeature = async (rt, emu, of) => {
  const runId = `${rt.name}-of-${Date.now().toString(36)}`
  emu.reset()
  const [cmd, args] = commandFor(rt, OPENFEATURE, [emu.url, runId])
  const { code, stdout, stderr } = await run(cmd, args, { env: runtimeEnv })
  const result = smokeFrom(stdout)
  if (result === undefined) return [`${OPENFEATURE}: no SMOKE_RESULT (exit ${code}): ${stderr.trim().split('\n').slice(-6).join(' | ')}`]
  return [...openFeatureProblems(emu, runId, of, result, 2), ...sourceLeaks(result.resolved).map((l) => `not dist: ${l}`)]
}

/** The outbox smoke (Node only): the committed event reached the emulator, the rolled-back one did not. */
const runOutboxSmoke = async (rt, emu) => {
  const runId = `${rt.name}-outbox-${Date.now().toString(36)}`
  emu.reset()
  const { code, stdout, stderr } = await run(binPath(rt), [OUTBOX_SMOKE, emu.url, runId])
  const line = stdout.split('\n').find((l) => l.startsWith('OUTBOX_RESULT '))
  if (line === undefined) return [`no OUTBOX_RESULT (exit ${code}): ${stderr.trim().split('\n').slice(-4).join(' | ')}`]
  const { ok, result, resolved } = JSON.parse(line.slice('OUTBOX_RESULT '.length))
  const problems = []
  if (!ok) problems.push(`outbox: ${JSON.stringify(result).slice(0, 300)}`)
  if (!/\/dist\/index\.js$/.test(resolved)) problems.push(`outbox: not dist: ${resolved}`)
  const events = emu.events().filter((e) => e.distinctId === `${runId}-user`).map((e) => e.event)
  if (JSON.stringify(events) !== '["outbox_committed"]') problems.push(`outbox: emulator stored ${JSON.stringify(events)}, expected only outbox_committed`)
  return problems
}

const runExample = async (rt, emu, file) => {
  if (file === undefined) return undefined
  const user = `example-${rt.name}-${Date.now().toString(36)}`
  emu.reset()
  const [cmd, args] = commandFor(rt, file, [])
  const { code, stderr } = await run(cmd, args, {
    env: { ...runtimeEnv, MIXPANEL_TOKEN: 'example-token', MIXPANEL_HOST: emu.url, EXAMPLE_USER: user },
  })
  if (code !== 0) return [`${file} exited ${code}: ${stderr.trim().split('\n').slice(-4).join(' | ')}`]
  return emu.events().some((e) => e.distinctId === user) ? [] : [`${file}: emulator has no event for ${user}`]
}

const capnpString = (s) => JSON.stringify(s)

/** Bundles both workers, serves them with `workerd serve`, calls them over HTTP. */
const runWorkerd = async (rt, emu, smokeLib, of) => {
  const dir = join(CACHE, 'workerd-app')
  mkdirSync(dir, { recursive: true })
  const shared = {}
  for (const [file, out, nodejsCompat] of [
    ['scripts/runtimes/worker.mjs', 'smoke-worker.js', false],
    ['examples/cloudflare-worker/worker.mjs', 'example-worker.js', false],
    ['scripts/runtimes/openfeature-worker.mjs', 'openfeature-worker.js', true],
  ])
    // Unminified: terser adds seconds on a busy machine and proves nothing more about the runtime.
    writeFileSync(join(dir, out), (await bundle(workerConfig(file, { minified: false, nodejsCompat }), shared)).code)
  const [smokePort, examplePort, openFeaturePort] = [await freePort(), await freePort(), await freePort()]
  // `local` lets the workers reach the emulator on 127.0.0.1; by default workerd only allows public addresses.
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "smoke", worker = .smokeWorker),
    (name = "example", worker = .exampleWorker),
    (name = "openfeature", worker = .openFeatureWorker),
    (name = "loopback", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [
    (name = "smoke", address = ${capnpString(`127.0.0.1:${smokePort}`)}, http = (), service = "smoke"),
    (name = "example", address = ${capnpString(`127.0.0.1:${examplePort}`)}, http = (), service = "example"),
    (name = "openfeature", address = ${capnpString(`127.0.0.1:${openFeaturePort}`)}, http = (), service = "openfeature"),
  ],
);
const smokeWorker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "smoke-worker.js")],
  compatibilityDate = "2025-09-01",
  globalOutbound = "loopback",
);
const openFeatureWorker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "openfeature-worker.js")],
  compatibilityDate = "2025-09-01",
  compatibilityFlags = ["nodejs_compat"],
  globalOutbound = "loopback",
);
const exampleWorker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "example-worker.js")],
  compatibilityDate = "2025-09-01",
  globalOutbound = "loopback",
  bindings = [
    (name = "MIXPANEL_TOKEN", text = "example-token"),
    (name = "MIXPANEL_HOST", text = ${capnpString(emu.url)}),
  ],
);
`
  writeFileSync(join(dir, 'config.capnp'), config)
  const child = spawn(binPath(rt), ['serve', join(dir, 'config.capnp')], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  child.stdout.on('data', (d) => (stderr += d))
  try {
    if (!(await waitForPort(smokePort, 20_000)) || !(await waitForPort(examplePort, 5_000)) || !(await waitForPort(openFeaturePort, 5_000)))
      return { smoke: [`workerd did not start: ${stderr.trim().split('\n').slice(-4).join(' | ')}`], example: ['workerd did not start'], openfeature: ['workerd did not start'] }
    const runId = `workerd-${Date.now().toString(36)}`
    emu.reset()
    const problems = []
    try {
      const response = await fetch(`http://127.0.0.1:${smokePort}/?url=${encodeURIComponent(emu.url)}&run=${runId}`, {
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
      const text = await response.text()
      const result = (() => {
        try {
          return JSON.parse(text)
        } catch {
          return undefined
        }
      })()
      if (result === undefined) problems.push(`worker answered ${response.status}: ${text.slice(0, 200)} ${stderr.slice(-300)}`)
      else {
        problems.push(...failedSteps(result))
        if (result.ok) problems.push(...checkSmokeState(emu, runId, smokeLib))
      }
    } catch (error) {
      problems.push(`calling the worker failed: ${error.message}`)
    }
    // The example answers at once and delivers in ctx.waitUntil, so the event lands a little later.
    const user = `example-workerd-${Date.now().toString(36)}`
    emu.reset()
    const example = []
    try {
      const response = await fetch(`http://127.0.0.1:${examplePort}/signup?user=${user}`, { signal: AbortSignal.timeout(10_000) })
      if (!response.ok) example.push(`example worker answered ${response.status}: ${(await response.text()).slice(0, 200)}`)
      else if (!/^mp_device=[\w-]+;/.test(response.headers.get('set-cookie') ?? ''))
        example.push('examples/cloudflare-worker: no mp_device cookie in the answer')
      else if ((await until(() => emu.events().some((e) => e.distinctId === user && typeof e.properties['$device_id'] === 'string'), 10_000)) !== true)
        example.push(`examples/cloudflare-worker: emulator has no event for ${user} (waitUntil lost it?) ${stderr.slice(-300)}`)
    } catch (error) {
      example.push(`calling the example worker failed: ${error.message}`)
    }
    return { smoke: problems, example, openfeature: await callOpenFeatureWorker(openFeaturePort, emu, of, () => stderr) }
  } finally {
    child.kill('SIGTERM')
  }
}

// Remote and local (without polling) in one request; the worker answers the program's result as JSON.
const callOpenFeatureWorker = async (port, emu, of, stderr) => {
  const runId = `workerd-of-${Date.now().toString(36)}`
  emu.reset()
  try {
    const response = await fetch(`http://127.0.0.1:${port}/?url=${encodeURIComponent(emu.url)}&run=${runId}`, { signal: AbortSignal.timeout(TIMEOUT_MS) })
    const text = await response.text()
    let result
    try {
      result = JSON.parse(text)
    } catch {
      return [`openfeature worker answered ${response.status}: ${text.slice(0, 200)} ${stderr().slice(-300)}`]
    }
    return openFeatureProblems(emu, runId, of, result, 2)
  } catch (error) {
    return [`calling the openfeature worker failed: ${error.message}`]
  }
}

// ---- main --------------------------------------------------------------------------------------------

const missingDist = () =>
  readdirSync(join(ROOT, 'packages')).filter((p) => !existsSync(join(ROOT, 'packages', p, 'dist/index.js')))

const table = (rows) => {
  const header = ['runtime', 'version', 'smoke', 'example', 'openfeature', 'outbox', 'seconds']
  const cells = rows.map((r) => [r.name, r.version ?? '-', r.smoke, r.example, r.openfeature ?? '-', r.outbox ?? '-', r.seconds])
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i]).length)))
  const line = (c) => c.map((x, i) => String(x).padEnd(widths[i])).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n')
}

const main = async (argv) => {
  const started = performance.now()
  const flag = (name) => argv.includes(name)
  const onlyArg = argv.find((a, i) => argv[i - 1] === '--only' || a.startsWith('--only='))
  const only = onlyArg?.replace(/^--only=/, '').split(',')
  const runtimes = only === undefined ? RUNTIMES : RUNTIMES.filter((rt) => only.includes(rt.name))
  if (runtimes.length === 0) throw new Error(`--only matched no runtime; known: ${RUNTIMES.map((r) => r.name).join(', ')}`)

  if (flag('--build')) {
    const { code } = await run('pnpm', ['build'], { timeoutMs: 600_000 })
    if (code !== 0) throw new Error('pnpm build failed')
  }

  // Installs are network-bound: run them side by side.
  const installStart = performance.now()
  const installs = await Promise.all(runtimes.map(ensureInstalled))
  const installSeconds = ((performance.now() - installStart) / 1000).toFixed(1)
  const fresh = runtimes.filter((_, i) => installs[i].installed).map((rt) => rt.pkg)
  console.log(`runtimes: ${fresh.length > 0 ? `installed ${fresh.join(', ')}` : 'all cached'} in ${installSeconds} s (${CACHE})`)
  if (flag('--install-only')) {
    const failed = installs.filter((i) => !i.ok)
    for (const f of failed) console.error(f.error)
    process.exitCode = failed.length > 0 ? 1 : 0
    return
  }

  const missing = missingDist()
  if (missing.length > 0) throw new Error(`not built: ${missing.join(', ')} (run \`pnpm build\` or pass --build)`)
  const smokeLib = await import('./runtimes/smoke-lib.mjs')
  const of = await import('./runtimes/openfeature-lib.mjs')
  const { startEmulator } = await import('@mp/emulator')
  const { evaluateFlag, toWireVariant } = await import('@mp/flags')
  const flags = { definitions: of.OPENFEATURE_FLAGS, evaluate: (definition, context) => toWireVariant(evaluateFlag(definition, context)) }
  // The smoke program links ids with alias and merge, which only Original ID Merge honours.
  const emu = await startEmulator({ port: 0, flags, idMerge: 'original' })
  const rows = []
  try {
    for (const [i, rt] of runtimes.entries()) {
      const t0 = performance.now()
      const row = { name: rt.name }
      if (!installs[i].ok) Object.assign(row, { smoke: 'FAIL', example: '-', openfeature: '-', problems: [installs[i].error] })
      else {
        // workerd prints its compatibility date; the npm version says more.
        row.version = rt.pkg === undefined ? process.version : rt.kind === 'workerd' ? rt.pkg.split('@')[1] : await versionOf(rt)
        const { smoke, example, openfeature, outbox } =
          rt.kind === 'workerd' ? await runWorkerd(rt, emu, smokeLib, of) : await runProcessRuntime(rt, emu, smokeLib, of)
        row.smoke = smoke.length === 0 ? 'pass' : 'FAIL'
        row.outbox = outbox === undefined ? '-' : outbox.length === 0 ? 'pass' : 'FAIL'
        row.example = example === undefined ? '-' : example.length === 0 ? 'pass' : 'FAIL'
        row.openfeature = openfeature.length === 0 ? 'pass' : 'FAIL'
        row.problems = [...smoke, ...(example ?? []), ...openfeature, ...(outbox ?? [])]
      }
      row.seconds = ((performance.now() - t0) / 1000).toFixed(1)
      rows.push(row)
      if (flag('--verbose') || row.problems.length > 0) for (const p of row.problems) console.log(`  ${rt.name}: ${p}`)
    }
  } finally {
    await emu.stop()
  }
  console.log(`\n${table(rows)}`)
  const failed = rows.filter((r) => r.smoke !== 'pass' || r.example === 'FAIL' || r.openfeature === 'FAIL' || r.outbox === 'FAIL')
  console.log(`\nruntimes: ${rows.length - failed.length}/${rows.length} passed in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  if (failed.length > 0) process.exitCode = 1
}

if (import.meta.url === `file://${process.argv[1]}`)
  await main(process.argv.slice(2)).catch((error) => {
    console.error(`runtimes: ${error.message}`)
    process.exitCode = 1
  })
