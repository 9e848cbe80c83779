import { either as E } from 'fp-ts'
import type { MixpanelError, MixpanelRequest, Receipt } from '@mp/core'
import type { Sender } from './types.ts'

/** One call a scripted transport saw, and whether it answered success. */
export interface SeenCall {
  readonly request: MixpanelRequest
  /** The `$insert_id` (or `event` when there is none) of each record, for readable assertions. */
  readonly keys: ReadonlyArray<string>
  ok?: boolean
}

/** A scripted transport for sender tests: logs every call, answers per `answer`, can take its time. */
export interface ScriptedSender {
  readonly send: Sender
  readonly calls: SeenCall[]
  /** Records sent in calls that have not answered yet, across every sender using this transport. */
  readonly inFlight: Set<string>
  /** Keys that were in flight in two calls at the same moment. */
  readonly overlaps: string[]
}

/** The `$insert_id` of a record, or its event name when it has none. */
export const keyOf = (record: Record<string, unknown>): string => {
  const properties = record['properties'] as Record<string, unknown> | undefined
  return String(properties?.['$insert_id'] ?? record['event'] ?? record['$distinct_id'])
}

export const scriptedSender = (
  answer: (call: SeenCall, index: number) => MixpanelError | undefined = () => undefined,
  delayMs = 0,
): ScriptedSender => {
  const calls: SeenCall[] = []
  const inFlight = new Set<string>()
  const overlaps: string[] = []
  const send: Sender = (request) => async () => {
    const call: SeenCall = { request, keys: request.records.map(keyOf) }
    const index = calls.push(call) - 1
    for (const key of call.keys) {
      if (inFlight.has(key)) overlaps.push(key)
      inFlight.add(key)
    }
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs))
    for (const key of call.keys) inFlight.delete(key)
    const error = answer(call, index)
    call.ok = error === undefined
    const receipt: Receipt = { endpoint: request.endpoint, records: request.records.length, attempts: 1 }
    return error === undefined ? E.right(receipt) : E.left(error)
  }
  return { send, calls, inFlight, overlaps }
}
