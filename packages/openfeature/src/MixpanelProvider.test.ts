// Parity with mixpanel-python's `openfeature-provider/tests/test_provider.py`: each Python test name
// appears in the title of the test that covers it. Everything goes through the real SDK
// (`setProviderAndWait`, `getClient().get…Details`) against the emulator serving flag definitions,
// in local and in remote mode where both can produce the case; a hand-written flags source stands
// in for Python's MagicMock only where no server answer can produce the case (a throwing source,
// an untagged fallback).
import { describe, expect, it } from 'vitest'
import { ErrorCode, OpenFeature, StandardResolutionReasons } from '@openfeature/server-sdk'
import type { FallbackVariant, SelectedVariant } from '@mp/flags'
import { MixpanelProvider } from './MixpanelProvider.ts'
import { clientFor, clientOver, createTestFlag, flag, flagRequests, MODES, providerFor, TOKEN, useFlagsEmulator } from './test-openfeature.ts'

const emu = useFlagsEmulator()
const USER = { targetingKey: 'user-123' }
const { TARGETING_MATCH, DEFAULT, ERROR } = StandardResolutionReasons

/** The context the remote provider sent with its last `/flags` request. */
const sentContext = (): unknown => JSON.parse(flagRequests(emu, '/flags').at(-1)?.query['context'] ?? 'null')

/** Serves `body` as the next answer of `path`, verbatim (a number written `42.0`, a null variant key). */
const rawAnswer = (path: '/flags' | '/flags/definitions', body: string): void => emu.faults.next(1, { kind: 'status', status: 200, body }, { path })

describe('metadata', () => {
  it('test_metadata_name: the provider is "mixpanel-provider", and runs on the server', async () => {
    const client = await clientFor(emu, 'remote', [])
    expect(client.metadata.providerMetadata.name).toBe('mixpanel-provider')
    expect(OpenFeature.providerMetadata.name).toBe('mixpanel-provider')
    expect(providerFor(emu, 'local').runsOn).toBe('server')
  })
})

describe.each(MODES)('values of the asked-for type (%s)', (mode) => {
  it('test_resolves_boolean_true: true resolves true, TARGETING_MATCH, no error', async () => {
    const client = await clientFor(emu, mode, [flag('f', true)])
    const details = await client.getBooleanDetails('f', false, USER)
    expect(details).toMatchObject({ flagKey: 'f', value: true, reason: TARGETING_MATCH })
    expect(details.errorCode).toBeUndefined()
  })

  it('test_resolves_boolean_false: false resolves false even with default true', async () => {
    const client = await clientFor(emu, mode, [flag('f', false)])
    expect(await client.getBooleanDetails('f', true, USER)).toMatchObject({ value: false, reason: TARGETING_MATCH })
  })

  it('test_resolves_string: "hello" resolves "hello", no error', async () => {
    const client = await clientFor(emu, mode, [flag('f', 'hello')])
    const details = await client.getStringDetails('f', 'default', USER)
    expect(details).toMatchObject({ value: 'hello', reason: TARGETING_MATCH })
    expect(details.errorCode).toBeUndefined()
  })

  it('test_resolves_integer, test_resolves_float_from_integer: 42 resolves as the number 42 (JS has one number type)', async () => {
    const client = await clientFor(emu, mode, [flag('f', 42)])
    const details = await client.getNumberDetails('f', 0, USER)
    expect(details).toMatchObject({ value: 42, reason: TARGETING_MATCH })
    expect(details.errorCode).toBeUndefined()
  })

  it('test_resolves_integer_from_float_no_fraction: 42.0 on the wire resolves as the whole number 42', async () => {
    if (mode === 'local') rawAnswer('/flags/definitions', JSON.stringify({ flags: [flag('f', 4242)] }).replace('4242', '42.0'))
    else rawAnswer('/flags', '{"code":200,"flags":{"f":{"variant_key":"on","variant_value":42.0}}}')
    const client = await clientFor(emu, mode, [])
    const details = await client.getNumberDetails('f', 0, USER)
    expect(emu.requests().some((r) => r.response.includes('42.0'))).toBe(true)
    expect(details).toMatchObject({ value: 42, reason: TARGETING_MATCH })
    expect(Number.isInteger(details.value)).toBe(true)
  })

  it('test_resolves_float: 3.14 resolves 3.14, no error', async () => {
    const client = await clientFor(emu, mode, [flag('f', 3.14)])
    const details = await client.getNumberDetails('f', 0, USER)
    expect(details.value).toBeCloseTo(3.14)
    expect(details.errorCode).toBeUndefined()
  })

  it('test_resolves_object_with_dict: an object passes through, no error', async () => {
    const client = await clientFor(emu, mode, [flag('f', { key: 'value' })])
    const details = await client.getObjectDetails('f', {}, USER)
    expect(details).toMatchObject({ value: { key: 'value' }, reason: TARGETING_MATCH })
    expect(details.errorCode).toBeUndefined()
  })

  it('test_resolves_object_with_list: an array passes through', async () => {
    const client = await clientFor(emu, mode, [flag('f', [1, 2, 3])])
    expect(await client.getObjectDetails('f', [], USER)).toMatchObject({ value: [1, 2, 3], reason: TARGETING_MATCH })
  })

  // Departure: the Python provider passes a string or bool through resolve_object_details, but the
  // Python SDK client then answers TYPE_MISMATCH (OBJECT means dict or list). The JS client has no
  // such check, so the provider makes it: the application sees what a Python application sees.
  it('test_resolves_object_with_string: a string is not an object: TYPE_MISMATCH, the default', async () => {
    const client = await clientFor(emu, mode, [flag('f', 'hello')])
    expect(await client.getObjectDetails('f', { d: 1 }, USER)).toMatchObject({ value: { d: 1 }, errorCode: ErrorCode.TYPE_MISMATCH, reason: ERROR })
  })

  it('test_resolves_object_with_bool: a boolean is not an object: TYPE_MISMATCH, the default', async () => {
    const client = await clientFor(emu, mode, [flag('f', true)])
    expect(await client.getObjectDetails('f', { d: 1 }, USER)).toMatchObject({ value: { d: 1 }, errorCode: ErrorCode.TYPE_MISMATCH, reason: ERROR })
  })
})

describe.each(MODES)('flag not found (%s)', (mode) => {
  it('test_flag_not_found_boolean: the default, FLAG_NOT_FOUND (reason DEFAULT from the provider, ERROR after the SDK)', async () => {
    const client = await clientFor(emu, mode, [flag('other', true)])
    expect(await client.getBooleanDetails('missing', true, USER)).toMatchObject({ value: true, errorCode: ErrorCode.FLAG_NOT_FOUND, reason: ERROR })
    // The SDK rewrites the reason of every returned error to ERROR; the provider's own answer is mixpanel-python's.
    const provider = providerFor(emu, mode)
    await provider.initialize()
    const own = await provider.resolveBooleanEvaluation('missing', true, USER)
    await provider.onClose()
    expect(own).toMatchObject({ value: true, errorCode: ErrorCode.FLAG_NOT_FOUND, reason: DEFAULT })
  })

  it('test_flag_not_found_string: "fallback", FLAG_NOT_FOUND', async () => {
    const client = await clientFor(emu, mode, [])
    expect(await client.getStringDetails('missing', 'fallback', USER)).toMatchObject({ value: 'fallback', errorCode: ErrorCode.FLAG_NOT_FOUND })
  })

  it('test_flag_not_found_integer, test_flag_not_found_float: 99 and 1.5, FLAG_NOT_FOUND', async () => {
    const client = await clientFor(emu, mode, [])
    expect(await client.getNumberDetails('missing', 99, USER)).toMatchObject({ value: 99, errorCode: ErrorCode.FLAG_NOT_FOUND })
    expect(await client.getNumberDetails('missing', 1.5, USER)).toMatchObject({ value: 1.5, errorCode: ErrorCode.FLAG_NOT_FOUND })
  })

  it('test_flag_not_found_object: { default: true }, FLAG_NOT_FOUND', async () => {
    const client = await clientFor(emu, mode, [])
    expect(await client.getObjectDetails('missing', { default: true }, USER)).toMatchObject({ value: { default: true }, errorCode: ErrorCode.FLAG_NOT_FOUND })
  })
})

describe('fallbacks a hand-written source can answer', () => {
  it('test_bare_fallback_treated_as_flag_not_found: the very fallback object given back is FLAG_NOT_FOUND, reason DEFAULT', async () => {
    const source = { getVariant: (_key: string, fallback: FallbackVariant) => fallback as SelectedVariant }
    const client = await clientOver(source)
    expect(await client.getBooleanDetails('f', true, USER)).toMatchObject({ value: true, errorCode: ErrorCode.FLAG_NOT_FOUND })
    expect(await new MixpanelProvider(source).resolveBooleanEvaluation('f', true, USER)).toEqual({
      value: true,
      reason: DEFAULT,
      errorCode: ErrorCode.FLAG_NOT_FOUND,
    })
    const untagged = new MixpanelProvider({ getVariant: () => ({ variantKey: null, variantValue: 1, source: 'fallback' }) })
    expect(await untagged.resolveBooleanEvaluation('f', true, USER)).toMatchObject({ value: true, errorCode: ErrorCode.FLAG_NOT_FOUND })
  })

  it('(JS) an unknown fallback reason kind is GENERAL, and a non-variant answer is GENERAL', async () => {
    const odd = new MixpanelProvider({
      getVariant: (_key, fallback) => ({ variantKey: null, variantValue: fallback.variantValue, source: 'fallback', fallbackReason: { kind: 'NEW_KIND' } }) as never,
    })
    expect(await odd.resolveStringEvaluation('f', 'd', USER)).toEqual({
      value: 'd',
      reason: ERROR,
      errorCode: ErrorCode.GENERAL,
      errorMessage: 'Unrecognized fallback reason kind: NEW_KIND',
    })
    const garbage = await clientOver({ getVariant: () => 'yes' as never })
    expect(await garbage.getStringDetails('f', 'd', USER)).toMatchObject({ value: 'd', errorCode: ErrorCode.GENERAL, errorMessage: 'The flags source answered string, not a variant' })
  })
})

describe.each(MODES)('type mismatches (%s)', (mode) => {
  const mismatch = { errorCode: ErrorCode.TYPE_MISMATCH, reason: ERROR }

  it('test_type_mismatch_boolean_gets_string: "not-a-bool" → the default false, TYPE_MISMATCH', async () => {
    const client = await clientFor(emu, mode, [flag('f', 'not-a-bool')])
    expect(await client.getBooleanDetails('f', false, USER)).toMatchObject({ value: false, ...mismatch, errorMessage: 'Expected boolean, got string' })
  })

  it('test_type_mismatch_string_gets_boolean: true → "default", TYPE_MISMATCH', async () => {
    const client = await clientFor(emu, mode, [flag('f', true)])
    expect(await client.getStringDetails('f', 'default', USER)).toMatchObject({ value: 'default', ...mismatch })
  })

  it('test_type_mismatch_integer_gets_string, test_type_mismatch_float_gets_string: a string is not a number', async () => {
    const client = await clientFor(emu, mode, [flag('f', '42')])
    expect(await client.getNumberDetails('f', 0, USER)).toMatchObject({ value: 0, ...mismatch, errorMessage: 'Expected number, got string' })
  })

  it('test_type_mismatch_integer_gets_float_with_fraction: 3.14 is a number in JS (no int type); it resolves as 3.14', async () => {
    // Python's int method refuses 3.14; JS's one number method cannot tell an int request from a float one.
    const client = await clientFor(emu, mode, [flag('f', 3.14)])
    expect(await client.getNumberDetails('f', 0, USER)).toMatchObject({ value: 3.14, reason: TARGETING_MATCH })
  })

  it('test_type_mismatch_integer_gets_boolean, test_type_mismatch_float_gets_boolean: a boolean is never a number', async () => {
    const client = await clientFor(emu, mode, [flag('f', true)])
    expect(await client.getNumberDetails('f', 0, USER)).toMatchObject({ value: 0, ...mismatch, errorMessage: 'Expected number, got boolean' })
  })

  it('(JS) null is not an object, and an object is not a string', async () => {
    const client = await clientFor(emu, mode, [flag('n', null), flag('o', { a: 1 })])
    expect(await client.getObjectDetails('n', {}, USER)).toMatchObject({ value: {}, ...mismatch, errorMessage: 'Expected object or array, got null' })
    expect(await client.getStringDetails('o', 'd', USER)).toMatchObject({ value: 'd', ...mismatch })
  })
})

describe('(JS) numbers JSON cannot carry', () => {
  it('NaN and Infinity from a hand-written source are TYPE_MISMATCH, not numbers', async () => {
    const client = await clientOver({ getVariant: (key) => ({ variantKey: 'v', variantValue: key === 'nan' ? Number.NaN : Infinity, source: 'local' }) })
    expect(await client.getNumberDetails('nan', 1, USER)).toMatchObject({ value: 1, errorCode: ErrorCode.TYPE_MISMATCH, errorMessage: 'Expected number, got NaN' })
    expect(await client.getNumberDetails('inf', 1, USER)).toMatchObject({ value: 1, errorCode: ErrorCode.TYPE_MISMATCH })
  })
})

describe('readiness', () => {
  const notReady = { errorCode: ErrorCode.PROVIDER_NOT_READY, reason: ERROR }

  /** A local provider whose first definitions fetch failed: the SDK puts it in ERROR and still asks it. */
  const unloaded = async () => {
    emu.setFlagDefinitions([flag('f', false)])
    emu.faults.next(1, { kind: 'status', status: 500 }, { path: '/flags/definitions' })
    const provider = providerFor(emu, 'local')
    await expect(OpenFeature.setProviderAndWait(provider)).rejects.toThrow(/could not be loaded/)
    return { provider, client: OpenFeature.getClient() }
  }

  it('test_provider_not_ready_boolean: the default true, PROVIDER_NOT_READY (from the provider too)', async () => {
    const { provider, client } = await unloaded()
    expect(client.providerStatus).toBe('ERROR')
    expect(await client.getBooleanDetails('f', true, USER)).toMatchObject({ value: true, ...notReady })
    expect(await provider.resolveBooleanEvaluation('f', true, USER)).toEqual({ value: true, ...notReady })
  })

  it('test_provider_not_ready_string: "default", PROVIDER_NOT_READY', async () => {
    const { client } = await unloaded()
    expect(await client.getStringDetails('f', 'default', USER)).toMatchObject({ value: 'default', ...notReady })
  })

  it('test_provider_not_ready_integer, test_provider_not_ready_float: 5 and 2.5, PROVIDER_NOT_READY', async () => {
    const { client } = await unloaded()
    expect(await client.getNumberDetails('f', 5, USER)).toMatchObject({ value: 5, ...notReady })
    expect(await client.getNumberDetails('f', 2.5, USER)).toMatchObject({ value: 2.5, ...notReady })
  })

  it('test_provider_not_ready_object: { default: true }, PROVIDER_NOT_READY', async () => {
    const { client } = await unloaded()
    expect(await client.getObjectDetails('f', { default: true }, USER)).toMatchObject({ value: { default: true }, ...notReady })
  })

  it('(JS) before initialize has finished, the SDK itself answers PROVIDER_NOT_READY', async () => {
    emu.setFlagDefinitions([flag('f', true)])
    emu.faults.next(1, { kind: 'latency', ms: 200 }, { path: '/flags/definitions' })
    const provider = providerFor(emu, 'local')
    const registered = OpenFeature.setProviderAndWait(provider)
    const client = OpenFeature.getClient()
    expect(await client.getBooleanDetails('f', false, USER)).toMatchObject({ value: false, ...notReady })
    await registered
    expect(await client.getBooleanDetails('f', false, USER)).toMatchObject({ value: true, reason: TARGETING_MATCH })
  })

  it('test_remote_provider_always_ready: remote has no readiness: READY at once, true resolves', async () => {
    const client = await clientFor(emu, 'remote', [flag('f', true)])
    expect(client.providerStatus).toBe('READY')
    expect(flagRequests(emu, '/flags')).toEqual([])
    expect(await client.getBooleanDetails('f', false, USER)).toMatchObject({ value: true, reason: TARGETING_MATCH })
  })
})

describe('fallback reasons', () => {
  it('test_no_rollout_match_returns_default_reason_without_error: the default, reason DEFAULT, no error code', async () => {
    const client = await clientFor(emu, 'local', [createTestFlag({ flagKey: 'f', rolloutPercentage: 0 })])
    const details = await client.getBooleanDetails('f', true, USER)
    expect(details).toMatchObject({ value: true, reason: DEFAULT })
    expect(details.errorCode).toBeUndefined()
  })

  it('test_no_rollout_match_for_string: "default", reason DEFAULT, no error', async () => {
    const client = await clientFor(emu, 'local', [createTestFlag({ flagKey: 'f', rolloutPercentage: 0 })])
    const details = await client.getStringDetails('f', 'default', USER)
    expect(details).toMatchObject({ value: 'default', reason: DEFAULT })
    expect(details.errorCode).toBeUndefined()
  })

  it('test_missing_context_key_returns_targeting_key_missing: no targetingKey and no distinct_id → TARGETING_KEY_MISSING', async () => {
    const client = await clientFor(emu, 'local', [flag('f', true)])
    expect(await client.getBooleanDetails('f', false, { plan: 'pro' })).toMatchObject({ value: false, errorCode: ErrorCode.TARGETING_KEY_MISSING, reason: ERROR })
  })

  it('test_missing_context_key_forwards_missing_attribute_as_error_message: the message is the attribute name', async () => {
    const client = await clientFor(emu, 'local', [flag('f', true), flag('by_company', true, 'on', { context: 'company_id' })])
    expect((await client.getBooleanDetails('f', false, {})).errorMessage).toBe('distinct_id')
    expect((await client.getBooleanDetails('by_company', false, USER)).errorMessage).toBe('company_id')
  })

  it('test_backend_error_maps_to_general_and_forwards_message: the /flags 400 body, GENERAL', async () => {
    const client = await clientFor(emu, 'remote', [flag('f', true)])
    const details = await client.getBooleanDetails('f', false, { plan: 'pro' })
    expect(details).toMatchObject({ value: false, errorCode: ErrorCode.GENERAL, reason: ERROR })
    expect(details.errorMessage).toContain('distinct_id must be provided')
    expect(details.errorMessage).toMatch(/^HTTP 400: /)
    expect(details.errorMessage).not.toContain(TOKEN)
  })
})

describe('context mapping', () => {
  // Departure (the contract's): targetingKey becomes distinct_id. mixpanel-python forwards
  // `targetingKey` under that name, so its tests 38 and 40 expect a `targetingKey` key.
  it('test_forwards_targeting_key: targetingKey arrives as distinct_id', async () => {
    const client = await clientFor(emu, 'remote', [flag('f', true)])
    await client.getBooleanDetails('f', false, { targetingKey: 'user-123' })
    expect(sentContext()).toEqual({ distinct_id: 'user-123' })
  })

  it('test_forwards_attributes_flat: plan and beta arrive at the top level', async () => {
    const client = await clientFor(emu, 'remote', [flag('f', true)])
    await client.getBooleanDetails('f', false, { targetingKey: 'u', plan: 'pro', beta: true })
    expect(sentContext()).toMatchObject({ plan: 'pro', beta: true })
  })

  it('test_forwards_full_context: exactly { distinct_id: "user-456", tier: "enterprise" }', async () => {
    const client = await clientFor(emu, 'remote', [flag('f', true)])
    await client.getBooleanDetails('f', false, { targetingKey: 'user-456', tier: 'enterprise' })
    expect(sentContext()).toEqual({ distinct_id: 'user-456', tier: 'enterprise' })
  })

  it('test_no_context_passes_empty_dict: no context at all sends {}', async () => {
    const client = await clientFor(emu, 'remote', [flag('f', true)])
    await client.getBooleanDetails('f', false)
    expect(sentContext()).toEqual({})
  })

  it('(JS) an explicit distinct_id wins over targetingKey, in local and remote evaluation', async () => {
    const variants = [
      { key: 'off', value: false, is_control: true, split: 0 },
      { key: 'on', value: true, is_control: false, split: 1 },
    ]
    // Everyone gets "on" except the test user "explicit", who gets "off".
    const definitions = [createTestFlag({ flagKey: 'f', variants, testUsers: { explicit: 'off' } })]
    for (const mode of MODES) {
      const client = await clientFor(emu, mode, definitions)
      expect(await client.getBooleanValue('f', true, { targetingKey: 'from-key', distinct_id: 'explicit' })).toBe(false)
      if (mode === 'remote') expect(sentContext()).toEqual({ distinct_id: 'explicit' })
      expect(await client.getBooleanValue('f', true, { targetingKey: 'explicit' })).toBe(false)
      expect(await client.getBooleanValue('f', false, { targetingKey: 'from-key' })).toBe(true)
    }
  })

  it('(JS) Dates are sent as Mixpanel dates; a context that is not JSON is INVALID_CONTEXT and nothing is sent', async () => {
    const client = await clientFor(emu, 'remote', [flag('f', true)])
    await client.getBooleanDetails('f', false, { targetingKey: 'u', signedUp: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) })
    expect(sentContext()).toEqual({ distinct_id: 'u', signedUp: '2024-01-02T03:04:05' })
    const before = flagRequests(emu, '/flags').length
    const details = await client.getBooleanDetails('f', false, { targetingKey: 'u', score: Number.NaN })
    expect(details).toMatchObject({ value: false, errorCode: ErrorCode.INVALID_CONTEXT, reason: ERROR })
    expect(details.errorMessage).toContain('context.score')
    expect(flagRequests(emu, '/flags')).toHaveLength(before)
  })
})

describe.each(MODES)('variant keys (%s)', (mode) => {
  it('test_variant_key_present_in_boolean_resolution: "control"', async () => {
    const client = await clientFor(emu, mode, [flag('f', true, 'control')])
    expect((await client.getBooleanDetails('f', false, USER)).variant).toBe('control')
  })

  it('test_variant_key_present_in_string_resolution: "treatment-a"', async () => {
    const client = await clientFor(emu, mode, [flag('f', 'blue', 'treatment-a')])
    expect((await client.getStringDetails('f', 'red', USER)).variant).toBe('treatment-a')
  })

  it('test_variant_key_present_in_integer_resolution: "v2"', async () => {
    const client = await clientFor(emu, mode, [flag('f', 7, 'v2')])
    expect(await client.getNumberDetails('f', 0, USER)).toMatchObject({ value: 7, variant: 'v2' })
  })

  it('test_variant_key_present_in_float_resolution: "v3", 3.14', async () => {
    const client = await clientFor(emu, mode, [flag('f', 3.14, 'v3')])
    const details = await client.getNumberDetails('f', 0, USER)
    expect(details.variant).toBe('v3')
    expect(details.value).toBeCloseTo(3.14)
  })

  it('test_variant_key_present_in_object_resolution: "v4"', async () => {
    const client = await clientFor(emu, mode, [flag('f', { a: 1 }, 'v4')])
    expect((await client.getObjectDetails('f', {}, USER)).variant).toBe('v4')
  })

  it('(JS) flag metadata carries where the variant came from and the experiment', async () => {
    const client = await clientFor(emu, mode, [flag('f', true, 'on', { experimentId: 'exp-1', isExperimentActive: true })])
    expect((await client.getBooleanDetails('f', false, USER)).flagMetadata).toEqual({ variantSource: mode, experimentId: 'exp-1', isExperimentActive: true })
  })
})

describe('a throwing flags source', () => {
  const throwing = { getVariant: (): never => { throw new Error('boom from the SDK') } }

  it('test_sdk_exception_returns_default_boolean: true, GENERAL, the message', async () => {
    const client = await clientOver(throwing)
    expect(await client.getBooleanDetails('f', true, USER)).toMatchObject({ value: true, errorCode: ErrorCode.GENERAL, reason: ERROR, errorMessage: 'boom from the SDK' })
  })

  it('test_sdk_exception_returns_default_string: "fallback", GENERAL', async () => {
    const client = await clientOver(throwing)
    expect(await client.getStringDetails('f', 'fallback', USER)).toMatchObject({ value: 'fallback', errorCode: ErrorCode.GENERAL })
  })

  it('test_sdk_exception_returns_default_integer: 99, GENERAL (a rejected Task too)', async () => {
    const client = await clientOver(throwing)
    expect(await client.getNumberDetails('f', 99, USER)).toMatchObject({ value: 99, errorCode: ErrorCode.GENERAL })
    const rejecting = await clientOver({ getVariant: () => () => Promise.reject(new Error('rejected')) })
    expect(await rejecting.getNumberDetails('f', 99, USER)).toMatchObject({ value: 99, errorCode: ErrorCode.GENERAL, errorMessage: 'rejected' })
  })
})

describe('null variant keys (remote: /flags may answer variant_key null)', () => {
  const nullKey = (value: unknown): void => rawAnswer('/flags', JSON.stringify({ code: 200, flags: { f: { variant_key: null, variant_value: value } } }))

  it('test_null_variant_key_boolean: no variant, TARGETING_MATCH, no error', async () => {
    const client = await clientFor(emu, 'remote', [])
    nullKey(true)
    const details = await client.getBooleanDetails('f', false, USER)
    expect(details).toMatchObject({ value: true, reason: TARGETING_MATCH })
    expect(details.variant).toBeUndefined()
    expect(details.errorCode).toBeUndefined()
  })

  it('test_null_variant_key_string: "hello", no variant', async () => {
    const client = await clientFor(emu, 'remote', [])
    nullKey('hello')
    const details = await client.getStringDetails('f', 'd', USER)
    expect(details).toMatchObject({ value: 'hello', reason: TARGETING_MATCH })
    expect(details.variant).toBeUndefined()
  })

  it('test_null_variant_key_object: { key: "value" }, no variant', async () => {
    const client = await clientFor(emu, 'remote', [])
    nullKey({ key: 'value' })
    const details = await client.getObjectDetails('f', {}, USER)
    expect(details).toMatchObject({ value: { key: 'value' }, reason: TARGETING_MATCH })
    expect(details.variant).toBeUndefined()
  })
})
