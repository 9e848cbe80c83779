// `pnpm demo`: tells mp's two identity stories against the in-process emulator, through the public
// API only, and prints every step with its Either result. Exits 0 when every step that should
// succeed did, and the deliberate bad call failed the way it should.
import { pathToFileURL } from 'node:url'
import { function as F } from 'fp-ts'
import { startEmulator } from '@mp/emulator'
import { alias, merge } from '@mp/identity'
import { track } from '@mp/events'
import { peopleSet } from '@mp/people'

const TOKEN = 'demo-project-token'
// The emulator is told which secret /import accepts; the demo never prints it.
const API_SECRET = 'demo-api-secret'

const ANON = 'anonymous_12345'
const USER = 'user_67890'
const WORK_EMAIL = 'ada@analytical-engines.example'

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`

/** `Right(receipt: /track, 1 record, 1 attempt)` or `Left(ConfigError: …)`: an Either a person can read. */
export const formatResult = (result) =>
  result._tag === 'Right'
    ? `Right(receipt: ${result.right.endpoint}, ${plural(result.right.records, 'record')}, ${plural(result.right.attempts, 'attempt')}` +
      `${result.right.imported === undefined ? '' : `, ${result.right.imported} imported`})`
    : `Left(${result.left._tag}: ${result.left.message})`

/**
 * Runs both stories against a fresh emulator and reports what happened.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<{ ok: boolean, steps: Array<{ label: string, expected: 'Right' | 'Left', result: unknown, ok: boolean }>,
 *   view: { identities: string[][], events: Record<string, Array<{ event: string, distinctId: string }>>, profile: Record<string, unknown> | undefined } }>}
 */
export const main = async ({ log = console.log } = {}) => {
  const emu = await startEmulator({ port: 0, credentials: { apiSecret: API_SECRET } })
  const steps = []
  const config = { token: TOKEN, host: emu.url }
  const withSecret = { ...config, apiSecret: API_SECRET }

  // Runs one lazy TaskEither and prints it; `expected` says which side the story needs.
  const step = async (label, task, expected = 'Right') => {
    const result = await task()
    const ok = result._tag === expected
    steps.push({ label, expected, result, ok })
    const mark = result._tag === 'Right' ? '✔' : '✘'
    const note = ok ? (expected === 'Left' ? '  (expected)' : '') : `  ← expected ${expected}`
    log(`  ${mark} ${label.padEnd(56)} ${formatResult(result)}${note}`)
    return result
  }

  try {
    log(`mp demo: emulator listening on ${emu.url}\n`)

    log('Story A: an anonymous visitor signs up')
    await step(`track "Page View" as ${ANON}`, F.pipe({ distinctId: ANON, event: 'Page View', properties: { page: '/' } }, track(config)))
    await step(`track "Page View" as ${ANON}`, F.pipe({ distinctId: ANON, event: 'Page View', properties: { page: '/pricing' } }, track(config)))
    await step(`track "Button Click" as ${ANON}`, F.pipe({ distinctId: ANON, event: 'Button Click', properties: { button: 'Sign up' } }, track(config)))
    await step(`alias ${USER} → ${ANON}`, F.pipe({ aliasId: USER, original: ANON }, alias(config)))
    await step(`track "Sign Up" as ${USER}`, F.pipe({ distinctId: USER, event: 'Sign Up', properties: { plan: 'free' } }, track(config)))
    await step(`track "Upgrade" as ${USER}`, F.pipe({ distinctId: USER, event: 'Upgrade', properties: { plan: 'pro' } }, track(config)))
    await step(
      `peopleSet ${USER} name and email`,
      F.pipe({ distinctId: USER, properties: { $name: 'Ada Lovelace', $email: 'ada@example.com' } }, peopleSet(config)),
    )

    log('\nStory B: two profiles turn out to be one person')
    await step(
      `peopleSet ${WORK_EMAIL} company`,
      F.pipe({ distinctId: WORK_EMAIL, properties: { company: 'Analytical Engines Ltd', role: 'Engineer' } }, peopleSet(config)),
    )
    await step(`track "Webinar Joined" as ${WORK_EMAIL}`, F.pipe({ distinctId: WORK_EMAIL, event: 'Webinar Joined' }, track(config)))
    await step(`merge ${USER} + ${WORK_EMAIL}`, F.pipe({ distinctId1: USER, distinctId2: WORK_EMAIL }, merge(withSecret)))

    log('\nA deliberate bad call: merge without apiSecret or serviceAccount')
    const before = emu.requests().length
    await step(`merge ${USER} + someone_else (no credentials)`, F.pipe({ distinctId1: USER, distinctId2: 'someone_else' }, merge(config)), 'Left')
    const sentAnyway = emu.requests().length !== before
    if (sentAnyway) log('  ✘ the emulator received a request for the bad call; it should have received none')

    const identities = emu.identities().map((cluster) => [...cluster])
    // Events per person: grouped by the canonical id their distinct_id resolves to now.
    const events = {}
    for (const e of emu.events()) (events[e.canonicalId] ??= []).push({ event: e.event, distinctId: e.distinctId })
    const profile = emu.profile(USER)

    log("\nThe emulator's view")
    log('  identity clusters (canonical id first):')
    for (const cluster of identities) log(`    ${cluster[0]} ⇐ ${cluster.slice(1).join(', ')}`)
    for (const [id, list] of Object.entries(events)) {
      log(`  events of person ${id} (${list.length}):`)
      for (const e of list) log(`    ${e.event.padEnd(16)} tracked as ${e.distinctId}`)
    }
    log(`  merged profile of ${USER}:`)
    for (const [key, value] of Object.entries(profile ?? {})) log(`    ${key}: ${JSON.stringify(value)}`)

    const ok = steps.every((s) => s.ok) && !sentAnyway
    log(ok ? '\nBoth stories told; every step behaved as expected.' : '\nSome steps did not behave as expected (see ← above).')
    return { ok, steps, view: { identities, events, profile } }
  } finally {
    await emu.stop()
  }
}

// Run only when executed directly (`node scripts/demo.mjs`), not when a test imports `main`.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    ({ ok }) => {
      process.exitCode = ok ? 0 : 1
    },
    (e) => {
      // Never a stack trace: the public API does not throw, so this is the emulator failing to start.
      console.error(`demo failed: ${e instanceof Error ? e.message : String(e)}`)
      process.exitCode = 1
    },
  )
}
