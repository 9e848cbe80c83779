// The OpenFeature smoke program every runtime runs: @mp/openfeature's provider in the real
// @openfeature/server-sdk, remote and local, against the emulator serving OPENFEATURE_FLAGS, through the
// BUILT dist. Each step evaluates one flag of each type, tracks one event and closes the SDK (which
// waits for the exposures and the tracked event). It never throws: each step's outcome is data.
import { OpenFeature } from '@openfeature/server-sdk'
import { MixpanelProvider } from '@mp/openfeature'

/** The flag definitions the emulator serves for this program (local fetches them; /flags evaluates them). */
export const OPENFEATURE_FLAGS = [
  ['of_bool', true],
  ['of_string', 'green'],
  ['of_number', 42],
  ['of_object', { limit: 3 }],
].map(([key, value]) => ({
  id: key,
  name: key,
  key,
  status: 'active',
  project_id: 1,
  context: 'distinct_id',
  experiment_id: null,
  is_experiment_active: null,
  hash_salt: null,
  ruleset: { variants: [{ key: 'on', value, is_control: false, split: 1 }], rollout: [{ rollout_percentage: 1 }], test: null },
}))

/** The user a run evaluates for, and the records each mode leaves in the emulator. */
export const openFeatureUser = (runId) => `${runId}-openfeature`
export const OPENFEATURE_RECORDS_PER_MODE = { $experiment_started: OPENFEATURE_FLAGS.length, openfeature_smoke: 1 }

const expected = { of_bool: [false, 'Boolean'], of_string: ['blue', 'String'], of_number: [0, 'Number'], of_object: [{}, 'Object'] }

const evaluateAll = async (client, context) => {
  const wrong = []
  for (const [key, value] of OPENFEATURE_FLAGS.map((f) => [f.key, f.ruleset.variants[0].value])) {
    const [fallback, kind] = expected[key]
    const details = await client[`get${kind}Details`](key, fallback, context)
    if (JSON.stringify(details.value) !== JSON.stringify(value) || details.reason !== 'TARGETING_MATCH' || details.variant !== 'on')
      wrong.push(`${key}: ${JSON.stringify({ value: details.value, reason: details.reason, errorCode: details.errorCode, errorMessage: details.errorMessage })}`)
  }
  return wrong
}

const step = async (name, provider, context) => {
  try {
    await OpenFeature.setProviderAndWait(provider)
    const client = OpenFeature.getClient()
    const wrong = await evaluateAll(client, context)
    client.track('openfeature_smoke', context, { value: 1 })
    await OpenFeature.close()
    return wrong.length === 0 ? { step: name, ok: true, detail: 'resolved' } : { step: name, ok: false, detail: wrong.join('; ') }
  } catch (error) {
    return { step: name, ok: false, detail: `threw: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` }
  }
}

/**
 * Runs the remote step and, when `local` is set, the local one (`polling`: whether local mode polls).
 * @example
 * const { ok, steps } = await runOpenFeatureSmoke({ url: 'http://127.0.0.1:4000', runId: 'deno-1', local: true, polling: true })
 */
export const runOpenFeatureSmoke = async ({ url, runId, local = true, polling = true }) => {
  const config = { token: 'smoke-token', host: url }
  const context = { targetingKey: openFeatureUser(runId), plan: 'pro' }
  const steps = [await step('openfeature remote', MixpanelProvider.fromRemote(config), context)]
  if (local) steps.push(await step(`openfeature local${polling ? '' : ' (no polling)'}`, MixpanelProvider.fromLocal(config, { enablePolling: polling }), context))
  return { ok: steps.every((s) => s.ok), steps }
}
