import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { resolveQueueOptions } from './resolveQueueOptions.ts'

const field = (options: unknown): string | undefined => {
  const r = resolveQueueOptions(options)
  return E.isLeft(r) ? r.left.field : undefined
}

describe('resolveQueueOptions', () => {
  it('fills in the defaults', () => {
    expect(resolveQueueOptions(undefined)).toStrictEqual(
      E.right({ maxQueued: 100_000, batchSize: 2000, concurrency: 4, flushAt: undefined, flushIntervalMs: undefined, onError: undefined, send: undefined }),
    )
  })

  it('keeps valid choices', () => {
    const onError = () => {}
    const r = resolveQueueOptions({ maxQueued: 10, batchSize: 50, concurrency: 1, flushAt: 5, flushIntervalMs: 1000, onError })
    expect(E.isRight(r) && r.right).toMatchObject({ maxQueued: 10, batchSize: 50, concurrency: 1, flushAt: 5, flushIntervalMs: 1000, onError })
  })

  it('refuses nonsense with the field at fault', () => {
    expect(field(null)).toBe('queue')
    expect(field({ maxQueued: 0 })).toBe('maxQueued')
    expect(field({ batchSize: 2001 })).toBe('batchSize')
    expect(field({ batchSize: 1.5 })).toBe('batchSize')
    expect(field({ concurrency: -1 })).toBe('concurrency')
    expect(field({ flushAt: '5' })).toBe('flushAt')
    expect(field({ flushIntervalMs: Number.NaN })).toBe('flushIntervalMs')
    expect(field({ onError: 'log' })).toBe('onError')
    expect(field({ send: {} })).toBe('send')
  })
})
