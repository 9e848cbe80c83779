import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { resolveSenderOptions, SENDER_DEFAULTS } from './resolveSenderOptions.ts'

describe('resolveSenderOptions', () => {
  it('fills in the defaults and a random name', () => {
    const a = resolveSenderOptions()
    const b = resolveSenderOptions({})
    expect(a).toMatchObject(E.right({ ...SENDER_DEFAULTS, table: undefined, onError: undefined, send: undefined }))
    expect(E.isRight(a) && E.isRight(b) && a.right.name !== b.right.name).toBe(true)
  })

  it('keeps what was given', () => {
    const onError = (): void => {}
    expect(resolveSenderOptions({ batchSize: 500, leaseMs: 5000, name: 'web-1', table: 'shop.out', onError })).toMatchObject(
      E.right({ batchSize: 500, leaseMs: 5000, name: 'web-1', table: 'shop.out', onError }),
    )
  })

  it('names the option a bad value was given for', () => {
    const cases: ReadonlyArray<[unknown, string]> = [
      [{ batchSize: 2001 }, 'batchSize'],
      [{ concurrency: 0 }, 'concurrency'],
      [{ leaseMs: 29 }, 'leaseMs'],
      [{ pollMs: Number.NaN }, 'pollMs'],
      [{ backoffMs: -1 }, 'backoffMs'],
      [{ backoffMs: 10, maxBackoffMs: 5 }, 'maxBackoffMs'],
      [{ onError: 1 }, 'onError'],
      [{ name: ' ' }, 'name'],
      [null, 'sender'],
    ]
    for (const [options, field] of cases) expect(resolveSenderOptions(options), field).toMatchObject(E.left({ _tag: 'ConfigError', field }))
  })
})
