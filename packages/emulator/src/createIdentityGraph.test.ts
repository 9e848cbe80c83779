import { describe, expect, it } from 'vitest'
import { createIdentityGraph } from './createIdentityGraph.ts'

describe('createIdentityGraph', () => {
  it('alias: the alias becomes canonical; the join names both previous canonical ids', () => {
    const graph = createIdentityGraph()
    expect(graph.alias('user', 'anon')).toEqual({ ok: true, join: { canonical: 'user', winner: 'user', loser: 'anon' } })
    expect([graph.canonicalId('anon'), graph.canonicalId('user'), graph.canonicalId('other')]).toEqual(['user', 'user', 'other'])
    expect(graph.members('anon')).toEqual(['user', 'anon'])
    expect(graph.members('other')).toEqual(['other'])
  })

  it('alias: chains, repeats harmlessly, refuses a second target and an alias already merged elsewhere', () => {
    const graph = createIdentityGraph()
    graph.alias('b', 'a')
    expect(graph.alias('c', 'b')).toEqual({ ok: true, join: { canonical: 'c', winner: 'c', loser: 'b' } })
    expect(graph.alias('c', 'b')).toEqual({ ok: true })
    expect(graph.alias('c', 'z')).toMatchObject({ ok: false, reason: 'alias_already_mapped' })
    expect(graph.alias('a', 'z')).toMatchObject({ ok: false, reason: 'alias_already_merged' })
    expect(graph.clusters()).toEqual([['c', 'b', 'a']])
  })

  it('identify: links an anonymous id once; the identified id is canonical', () => {
    const graph = createIdentityGraph()
    expect(graph.identify('u1', 'anon')).toMatchObject({ ok: true, join: { canonical: 'u1' } })
    expect(graph.identify('u1', 'anon')).toEqual({ ok: true })
    expect(graph.identify('u2', 'anon')).toMatchObject({ ok: false, reason: 'anon_id_already_identified' })
    expect(graph.identify('u1', 'anon2')).toMatchObject({ ok: true })
    expect(graph.clusters()).toEqual([['u1', 'anon', 'anon2']])
  })

  it('identify: the UUIDv4 rule is opt-in', () => {
    const strict = createIdentityGraph({ requireUuidAnonId: true })
    expect(strict.identify('u', 'device-1')).toMatchObject({ ok: false, reason: 'anon_id_not_uuid' })
    expect(strict.identify('u', '3f1c2b4a-9d8e-4f7a-8b6c-5d4e3f2a1b0c')).toMatchObject({ ok: true })
  })

  it('merge: joins clusters under the first id’s canonical id, up to the size cap', () => {
    const graph = createIdentityGraph({ maxClusterSize: 4 })
    graph.alias('b', 'a')
    graph.alias('d', 'c')
    expect(graph.merge('a', 'c')).toEqual({ ok: true, join: { canonical: 'b', winner: 'b', loser: 'd' } })
    expect(graph.merge('a', 'e')).toMatchObject({ ok: false, reason: 'cluster_limit' })
    expect(graph.clusters()).toEqual([['b', 'a', 'd', 'c']])
  })

  it('caps clusters at 500 ids by default; clear() forgets everything', () => {
    const graph = createIdentityGraph()
    for (let i = 1; i < 500; i++) expect(graph.merge('root', `id${i}`).ok).toBe(true)
    expect(graph.merge('root', 'extra')).toMatchObject({ ok: false, reason: 'cluster_limit' })
    graph.clear()
    expect(graph.clusters()).toEqual([])
    expect(graph.canonicalId('id1')).toBe('id1')
  })
})
