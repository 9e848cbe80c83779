import { either as E, taskEither as TE } from 'fp-ts'
import type { MixpanelError, MixpanelRequest, Receipt } from '@mp/core'
import type { Sender } from './types.ts'

/** A scripted transport for queue tests: records every call, answers per `answer`, can hold calls open. */
export interface FakeSender {
  readonly send: Sender
  readonly calls: MixpanelRequest[]
  /** Calls started and not yet answered. */
  readonly open: number
  readonly peakOpen: number
  /** While paused, calls wait until `resume()`. */
  pause(): void
  resume(): void
}

export const fakeSender = (answer: (request: MixpanelRequest, call: number) => MixpanelError | undefined = () => undefined): FakeSender => {
  const calls: MixpanelRequest[] = []
  let open = 0
  let peakOpen = 0
  let gate: Promise<void> | undefined
  let release: (() => void) | undefined
  const send: Sender = (request) => () => {
    const call = calls.length
    calls.push(request)
    open++
    peakOpen = Math.max(peakOpen, open)
    const wait = gate ?? Promise.resolve()
    return wait.then(() => {
      open--
      const error = answer(request, call)
      const receipt: Receipt = { endpoint: request.endpoint, records: request.records.length, attempts: 1 }
      return error === undefined ? E.right(receipt) : E.left(error)
    })
  }
  return {
    send,
    calls,
    get open() {
      return open
    },
    get peakOpen() {
      return peakOpen
    },
    pause: () => {
      gate = new Promise((r) => (release = r))
    },
    resume: () => {
      release?.()
      gate = undefined
    },
  }
}

/** Never answers: for tests that only look at what was taken. */
export const silentSender: Sender = () => TE.fromTask(() => new Promise<Receipt>(() => {}))
