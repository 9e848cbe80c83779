// `node scripts/bench/profile.mjs <client> [events] [gzip]`: runs one benchmark client under
// `--cpu-prof` against the loopback sink and prints the functions with the most self time, with
// their file, so a missed target can be traced to library code. The .cpuprofile is kept in
// $TMPDIR/mp-bench-prof for Chrome DevTools / speedscope. Expects a build (`pnpm build`).
import { fork } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { selfSignedCert } from './cert.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const [client = 'mp-queue', events = '100000', gzip] = process.argv.slice(2)
const tls = client.includes('import')
const outDir = join(tmpdir(), 'mp-bench-prof')
mkdirSync(outDir, { recursive: true })

const sink = fork(join(here, 'sink.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
const next = (type) => new Promise((resolve) => sink.on('message', function on(m) { if (m.type === type) { sink.off('message', on); resolve(m) } }))
let { port } = await next('ready')
if (tls) {
  sink.send({ type: 'tls', ...selfSignedCert() })
  port = (await next('tls-ready')).port
}
const name = `${client}-${Date.now()}`
const params = { n: Number(events), port, ...(gzip === undefined ? {} : { gzip: gzip === 'true' }) }
const child = fork(join(here, 'clients', `${client}.mjs`), [JSON.stringify(params)], {
  execArgv: ['--cpu-prof', '--cpu-prof-dir', outDir, '--cpu-prof-name', `${name}.cpuprofile`, '--no-warnings'],
  env: tls ? { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } : process.env,
})
child.on('message', (m) => console.log(`${client}: ${Math.round((params.n / m.ms) * 1000)} events/s, CPU ${(m.cpuMs / 1000).toFixed(2)} s, delivered ${m.delivered}, errors ${m.errors}`))
await new Promise((resolve) => child.on('exit', resolve))
sink.send({ type: 'stop' })

const file = join(outDir, readdirSync(outDir).find((f) => f.startsWith(name)))
const profile = JSON.parse(readFileSync(file, 'utf8'))
const dt = new Map()
profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const where = ({ url, lineNumber }) => (url === '' ? '' : `${url.startsWith('file:') ? relative(process.cwd(), fileURLToPath(url)) : url}:${lineNumber + 1}`)
const label = (node) => `${node.callFrame.functionName || '(anonymous)'}  ${where(node.callFrame)}`
// Inclusive time: a node's own samples plus its subtree's, counted once per function per stack.
const inclusive = new Map()
const self = new Map()
const byFile = new Map()
const walk = (node, onStack) => {
  const key = label(node)
  let sum = dt.get(node.id) ?? 0
  for (const child of node.children ?? []) sum += walk(byId.get(child), new Set([...onStack, key]))
  if (!onStack.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + sum)
  self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0))
  const file = node.callFrame.url.includes('/packages/') ? node.callFrame.url.replace(/.*\/packages\//, 'packages/').replace(/\/dist\/.*/, '') : node.callFrame.url.includes('node_modules') ? node.callFrame.url.replace(/.*node_modules\/(\.pnpm\/)?([^/@]+|@[^/]+\/[^/]+).*/, 'node_modules: $2') : node.callFrame.url === '' ? node.callFrame.functionName : 'node / scripts'
  byFile.set(file, (byFile.get(file) ?? 0) + (dt.get(node.id) ?? 0))
  return sum
}
walk(profile.nodes[0], new Set())
const idle = self.get('(idle)  ') ?? 0
const busy = [...dt.values()].reduce((a, b) => a + b, 0) - idle
const pct = (us) => `${((us / busy) * 100).toFixed(1).padStart(5)}%`
const top = (map, count) => [...map].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, count)
console.log(`\nprofile: ${file}\nbusy ${(busy / 1e6).toFixed(2)} s sampled (idle excluded)\n\nself time by package:`)
for (const [k, us] of top(byFile, 12)) console.log(`  ${pct(us)}  ${k}`)
console.log('\ntop self time:')
for (const [k, us] of top(self, 20)) console.log(`  ${pct(us)}  ${k}`)
console.log('\ntop inclusive time in packages/:')
for (const [k, us] of top(new Map([...inclusive].filter(([k]) => k.includes('packages/'))), 20)) console.log(`  ${pct(us)}  ${k}`)
