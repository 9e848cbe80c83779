import type { JsonObject } from '@mp/core'
import { naiveLocalIso } from './naiveLocalIso.ts'
import type { SelectedVariant } from './types.ts'

/** How long the evaluation (local) or the `/flags` request (remote) took. */
export type ExposureTiming =
  | { readonly mode: 'local'; readonly latencyMs?: number }
  | { readonly mode: 'remote'; readonly fetch?: { readonly startMs: number; readonly endMs: number } }

/**
 * The properties of a `$experiment_started` event, as mixpanel-python sends them. Local mode adds
 * `$experiment_id`, `$is_experiment_active` and `$is_qa_tester` (null when unset) and, from
 * `getVariant`, `Variant fetch latency (ms)`; remote mode adds the fetch start and complete times
 * (naive local ISO) and latency when it made the request, and no `$` keys.
 * @internal
 * @example
 * exposureProperties('new_checkout', variant, { mode: 'local', latencyMs: 0.2 })
 * // { 'Experiment name': 'new_checkout', 'Variant name': 'on', '$experiment_type': 'feature_flag', … }
 */
export const exposureProperties = (flagKey: string, variant: SelectedVariant, timing: ExposureTiming): JsonObject => {
  const common = {
    'Experiment name': flagKey,
    'Variant name': variant.variantKey,
    $experiment_type: 'feature_flag',
    'Flag evaluation mode': timing.mode,
  }
  if (timing.mode === 'local') {
    return {
      ...common,
      $experiment_id: variant.experimentId ?? null,
      $is_experiment_active: variant.isExperimentActive ?? null,
      $is_qa_tester: variant.isQaTester ?? null,
      ...(timing.latencyMs === undefined ? {} : { 'Variant fetch latency (ms)': timing.latencyMs }),
    }
  }
  if (timing.fetch === undefined) return common
  return {
    ...common,
    'Variant fetch start time': naiveLocalIso(timing.fetch.startMs),
    'Variant fetch complete time': naiveLocalIso(timing.fetch.endMs),
    'Variant fetch latency (ms)': timing.fetch.endMs - timing.fetch.startMs,
  }
}
