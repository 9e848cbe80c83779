// `pnpm demo`: tells mp's identity stories against in-process emulators, through the public API only,
// and prints every step with its Either result. First an Original ID Merge project (alias, merge), then
// the same signup the Simplified ID Merge way (what a new Mixpanel project gets), and what an alias does
// there. Exits 0 when every step that should succeed did, and every deliberate bad call failed the way
// it should.
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
const PHONE = 'phone_24680'

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`

/** `Right(receipt: /track, 1 record, 1 attempt)` or `Left(ConfigError: …)`: an Either a person can read. */
export const formatResult = (result) =>
  result._tag === 'Right'
    ? `Right(receipt: ${result.right.endpoint}, ${plural(result.right.records, 'record')}, ${plural(result.right.attempts, 'attempt')}` +
      `${result.right.imported === undefined ? '' : `, ${result.right.imported} imported`})`
    : `Left(${result.left._tag}: ${result.left.message})`

// What one emulated project holds once its story is told: clusters, events per person, a profile.
const viewOf = (emu, profileId) => {
  const identities = emu.identities().map((cluster) => [...cluster])
  // Events per person: grouped by the canonical id their distinct_id resolves to now.
  const events = {}
  for (const e of emu.events()) (events[e.canonicalId] ??= []).push({ event: e.event, distinctId: e.distinctId })
  const ignored = emu.ignoredIdentityEvents().map(({ endpoint, event, reason }) => ({ endpoint, event, reason }))
  return { idMerge: emu.idMerge, identities, events, profile: emu.profile(profileId), ignored }
}

const printView = (log, view, profileId) => {
  log(`  identity clusters (canonical id first):${view.identities.length === 0 ? ' none' : ''}`)
  for (const cluster of view.identities) log(`    ${cluster[0]} ⇐ ${cluster.slice(1).join(', ')}`)
  for (const [id, list] of Object.entries(view.events)) {
    log(`  events of person ${id} (${list.length}):`)
    for (const e of list) log(`    ${e.event.padEnd(16)} tracked as ${e.distinctId}`)
  }
  log(`  profile of ${profileId}:`)
  for (const [key, value] of Object.entries(view.profile ?? {})) log(`    ${key}: ${JSON.stringify(value)}`)
}

/**
 * Runs the stories against fresh emulators and reports what happened.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<{ ok: boolean, steps: Array<{ label: string, expected: 'Right' | 'Left', result: unknown, ok: boolean }>,
 *   view: Record<'original' | 'simplified', { idMerge: string, identities: string[][], events: Record<string, Array<{ event: string, distinctId: string }>>,
 *     profile: Record<string, unknown> | undefined, ignored: Array<{ endpoint: string, event: string, reason: string }> }> }>}
 */
export const main = async ({ log = console.log } = {}) => {
  const originalEmu = await startEmulator({ port: 0, idMerge: 'original', credentials: { apiSecret: API_SECRET } })
  const simplifiedEmu = await startEmulator({ port: 0, credentials: { apiSecret: API_SECRET } }).catch(async (e) => {
    await originalEmu.stop()
    throw e
  })
  const steps = []
  const problems = []

  // Runs one lazy TaskEither and prints it; `expected` says which side the story needs.
  const step = async (label, task, expected = 'Right') => {
    const result = await task()
    const ok = result._tag === expected
    steps.push({ label, expected, result, ok })
    const mark = result._tag === 'Right' ? '✔' : '✘'
    const note = ok ? (expected === 'Left' ? '  (expected)' : '') : `  ← expected ${expected}`
    log(`  ${mark} ${label.padEnd(60)} ${formatResult(result)}${note}`)
    return result
  }
  // A call that must not reach the emulator at all.
  const sendsNothing = async (emu, run) => {
    const before = emu.requests().length
    await run()
    if (emu.requests().length !== before) {
      problems.push('a refused call reached the emulator')
      log('  ✘ the emulator received a request for the refused call; it should have received none')
    }
  }

  try {
    log('Project 1: Original ID Merge (alias and merge link ids)')
    log(`  emulator: ${originalEmu.url} (idMerge: 'original')\n`)
    {
      const config = { token: TOKEN, host: originalEmu.url, idMerge: 'original' }
      const withSecret = { ...config, apiSecret: API_SECRET }

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
      await sendsNothing(originalEmu, () =>
        step(`merge ${USER} + someone_else (no credentials)`, F.pipe({ distinctId1: USER, distinctId2: 'someone_else' }, merge(config)), 'Left'),
      )
    }
    const original = viewOf(originalEmu, USER)
    log("\nThe Original project's view")
    printView(log, original, USER)

    log('\n\nProject 2: Simplified ID Merge (the default for new Mixpanel projects: events link ids)')
    log(`  emulator: ${simplifiedEmu.url} (idMerge: 'simplified')\n`)
    {
      const config = { token: TOKEN, host: simplifiedEmu.url, idMerge: 'simplified' }

      log('Story C: the same visitor signs up (on a laptop), then logs in on a phone, the Simplified way')
      await step(`track "Page View" deviceId ${ANON}`, F.pipe({ deviceId: ANON, event: 'Page View', properties: { page: '/' } }, track(config)))
      await step(`track "Page View" deviceId ${ANON}`, F.pipe({ deviceId: ANON, event: 'Page View', properties: { page: '/pricing' } }, track(config)))
      await step(`track "Button Click" deviceId ${ANON}`, F.pipe({ deviceId: ANON, event: 'Button Click', properties: { button: 'Sign up' } }, track(config)))
      await step(
        `track "Sign Up" deviceId ${ANON}, userId ${USER}`,
        F.pipe({ deviceId: ANON, userId: USER, event: 'Sign Up', properties: { plan: 'free' } }, track(config)),
      )
      await step(`track "Upgrade" userId ${USER}`, F.pipe({ userId: USER, event: 'Upgrade', properties: { plan: 'pro' } }, track(config)))
      await step(`track "Log In" deviceId ${PHONE}, userId ${USER}`, F.pipe({ deviceId: PHONE, userId: USER, event: 'Log In' }, track(config)))
      await step(
        `peopleSet ${USER} name and email`,
        F.pipe({ distinctId: USER, properties: { $name: 'Ada Lovelace', $email: 'ada@example.com' } }, peopleSet(config)),
      )

      log('\nAn alias sent to a Simplified project (config without idMerge): answered, and ignored')
      const { idMerge: _unset, ...unaware } = config
      const clustersBefore = JSON.stringify(simplifiedEmu.identities())
      await step(`alias ${WORK_EMAIL} → ${USER}`, F.pipe({ aliasId: WORK_EMAIL, original: USER }, alias(unaware)))
      const changed = JSON.stringify(simplifiedEmu.identities()) !== clustersBefore || simplifiedEmu.canonicalId(WORK_EMAIL) !== WORK_EMAIL
      if (changed) problems.push('the alias changed a Simplified cluster')
      log(`  ${changed ? '✘ the alias changed a cluster' : `✔ clusters unchanged; ${WORK_EMAIL} is still nobody's id`}`)
      for (const { event, reason } of simplifiedEmu.ignoredIdentityEvents()) log(`  ✔ the emulator ignored ${event}: ${reason}`)

      log("\nThe same alias with idMerge: 'simplified' is refused up front")
      await sendsNothing(simplifiedEmu, () =>
        step(`alias ${WORK_EMAIL} → ${USER}`, F.pipe({ aliasId: WORK_EMAIL, original: USER }, alias(config)), 'Left'),
      )
    }
    const simplified = viewOf(simplifiedEmu, USER)
    log("\nThe Simplified project's view")
    printView(log, simplified, USER)

    const ok = steps.every((s) => s.ok) && problems.length === 0
    log(ok ? '\nAll three stories told; every step behaved as expected.' : '\nSome steps did not behave as expected (see ✘ and ← above).')
    return { ok, steps, view: { original, simplified } }
  } finally {
    await Promise.all([originalEmu.stop(), simplifiedEmu.stop()])
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
