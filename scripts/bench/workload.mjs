// The events every client sends: generated from a fixed seed, so each client, in each round,
// delivers exactly the same content (only the shape each library's API asks for differs).
// Generation happens before a client starts its clock.

export const TOKEN = 'bench-project-token'
// A throwaway secret that only the loopback sink ever sees; /import needs one.
export const API_SECRET = 'bench-api-secret'

// mulberry32: tiny, fast and deterministic.
const prng = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const EVENTS = ['page_view', 'signup', 'add_to_cart', 'checkout', 'search', 'video_play']
const PLANS = ['free', 'starter', 'pro', 'enterprise']
const BROWSERS = ['Chrome', 'Firefox', 'Safari', 'Edge']
const SOURCES = ['google', 'newsletter', 'twitter', 'direct', 'partner']

/**
 * `n` events as `{ event, distinctId, properties }`, one at a time: about a dozen typical
 * properties each (strings, numbers, booleans, a small list), roughly 300 bytes as a Mixpanel
 * record. The same seed every time, so every client and every file gets the same events.
 * @param {number} n
 * @param {{ withTime?: boolean, nowSeconds?: number }} [options] `withTime`: add an integer `time`
 *   within the 30 days before `nowSeconds` (what a historical import carries).
 */
export function* generateEvents(n, { withTime = false, nowSeconds = Math.floor(Date.now() / 1000) } = {}) {
  const random = prng(7)
  const pick = (list) => list[Math.floor(random() * list.length)]
  for (let i = 0; i < n; i++) {
    const user = Math.floor(random() * 20_000)
    const properties = {
      plan: pick(PLANS),
      page: `/products/${Math.floor(random() * 5000)}`,
      referrer: `https://www.example.com/blog/post-${Math.floor(random() * 300)}`,
      price: Math.round(random() * 20_000) / 100,
      quantity: 1 + Math.floor(random() * 5),
      is_trial: random() < 0.3,
      $browser: pick(BROWSERS),
      $os: random() < 0.5 ? 'Mac OS X' : 'Windows',
      utm_source: pick(SOURCES),
      utm_campaign: `spring-sale-${Math.floor(random() * 12)}`,
      tags: [pick(PLANS), pick(SOURCES)],
      session_ms: Math.floor(random() * 600_000),
    }
    if (withTime) properties.time = nowSeconds - 60 - Math.floor(random() * 30 * 86_400)
    yield { event: pick(EVENTS), distinctId: `user_${user}`, properties }
  }
}

/** `generateEvents` as an array. */
export const makeEvents = (n, options) => Array.from(generateEvents(n, options))

/**
 * Writes `n` events (with `time`) as an NDJSON file in Mixpanel's `{ event, properties }` shape,
 * streaming, so a file of millions of lines never sits in memory. Resolves with its size in bytes.
 * @param {string} path
 * @param {number} n
 */
export const writeEventsFile = async (path, n) => {
  const { createWriteStream } = await import('node:fs')
  const out = createWriteStream(path)
  let lines = []
  let bytes = 0
  const flush = () => {
    const text = `${lines.join('\n')}\n`
    bytes += Buffer.byteLength(text)
    lines = []
    return out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve))
  }
  for (const { event, distinctId, properties } of generateEvents(n, { withTime: true })) {
    lines.push(JSON.stringify({ event, properties: { distinct_id: distinctId, ...properties } }))
    if (lines.length === 10_000) await flush()
  }
  if (lines.length > 0) await flush()
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())))
  return bytes
}

/** The same events in Mixpanel's own `{ event, properties: { distinct_id, … } }` shape. */
export const toMixpanelShape = (events) =>
  events.map(({ event, distinctId, properties }) => ({ event, properties: { distinct_id: distinctId, ...properties } }))
