import { describe, expect, it } from 'vitest'
import { createProfileStore } from './createProfileStore.ts'

describe('createProfileStore', () => {
  it('stores copies and deletes on undefined', () => {
    const store = createProfileStore()
    const props = { l: [1] }
    store.put('a', props)
    props.l.push(2)
    const read = store.get('a') as { l: Array<number> }
    read.l.push(3)
    expect(store.get('a')).toEqual({ l: [1] })
    store.put('a', undefined)
    expect(store.snapshot()).toEqual({})
  })

  it('joins two profiles under the canonical id, the winner taking conflicts', () => {
    const store = createProfileStore()
    store.put('anon', { plan: 'trial', referrer: 'ad' })
    store.put('user', { plan: 'pro' })
    store.join({ canonical: 'user', winner: 'user', loser: 'anon' })
    expect(store.snapshot()).toEqual({ user: { plan: 'pro', referrer: 'ad' } })
    store.put('x', { a: 1 })
    store.join({ canonical: 'y', winner: 'y', loser: 'x' })
    expect(store.get('y')).toEqual({ a: 1 })
    store.join({ canonical: 'q', winner: 'none1', loser: 'none2' })
    expect(store.get('q')).toBeUndefined()
    store.clear()
    expect(store.snapshot()).toEqual({})
  })
})
