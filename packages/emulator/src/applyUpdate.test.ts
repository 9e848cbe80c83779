import { describe, expect, it } from 'vitest'
import { applyUpdate } from './applyUpdate.ts'

const rules = { kind: 'profile', operations: new Set(['$set', '$add', '$union', '$unset', '$delete']) } as const

describe('applyUpdate', () => {
  it('applies the operations in order, ignoring modifiers', () => {
    const update = { $token: 't', $distinct_id: 'u', $ip: '0', $ignore_time: true, $set: { n: 1 }, $add: { n: 2 } }
    expect(applyUpdate(undefined, update, rules)).toEqual({ ok: true, next: { n: 3 } })
  })

  it('validates values before changing anything', () => {
    expect(applyUpdate({}, { $set: { a: 1 }, $add: { n: 'x' } }, rules)).toEqual({
      ok: false,
      error: `$add only accepts numbers; 'n' is "x"`,
    })
    expect(applyUpdate({}, { $set: 'x' }, rules)).toEqual({ ok: false, error: '$set must be an object of properties' })
    expect(applyUpdate({}, { $union: { l: 1 } }, rules)).toEqual({ ok: false, error: "$union values must be lists; 'l' is not" })
    expect(applyUpdate({}, { $unset: [] }, rules)).toEqual({ ok: false, error: '$unset must be a non-empty list of property names' })
  })

  it('refuses operations outside the rules, unknown keys and updates without an operation', () => {
    expect(applyUpdate({}, { $append: { a: 1 } }, rules)).toEqual({ ok: false, error: '$append is not supported on user profiles' })
    expect(applyUpdate({}, { $sett: { a: 1 } }, rules)).toEqual({ ok: false, error: "unknown profile operation '$sett'" })
    expect(applyUpdate({}, { meta: 'x', $set: { a: 1 } }, rules)).toEqual({ ok: true, next: { a: 1 } })
    expect(applyUpdate({}, { $token: 't' }, rules)).toEqual({ ok: false, error: 'no profile operation in update' })
  })

  it('$delete answers no profile', () => {
    expect(applyUpdate({ a: 1 }, { $delete: null }, rules)).toEqual({ ok: true, next: undefined })
  })
})
