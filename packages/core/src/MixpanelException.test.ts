import { taskEither as TE } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { validationError } from './errors.ts'
import { MixpanelException, toPromise } from './MixpanelException.ts'

describe('MixpanelException and toPromise', () => {
  it('resolves with the Right value', async () => {
    await expect(toPromise(TE.right(42))).resolves.toBe(42)
  })

  it('rejects with a MixpanelException carrying the tagged error', async () => {
    const error = validationError('event', 'must be a non-empty string')
    const caught = await toPromise(TE.left(error)).catch((e: unknown) => e)
    expect(caught).toBeInstanceOf(MixpanelException)
    expect(caught).toBeInstanceOf(Error)
    expect((caught as MixpanelException).error).toBe(error)
    expect((caught as MixpanelException).message).toBe(error.message)
    expect((caught as MixpanelException).name).toBe('MixpanelException')
    expect(JSON.parse(JSON.stringify(caught))).toEqual({ name: 'MixpanelException', error })
  })
})
