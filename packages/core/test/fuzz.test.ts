// Property-based fuzzing of core's JSON safety and config checks, which every builder relies on.
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import * as v from 'valibot'
import { afterEach, describe, expect, it } from 'vitest'
import { normalizeConfig, toJson, toJsonObject, validate, type Config } from '@mp/core'
import { anyValue, expectPrototypesClean, hostileData, hostileProxy, isJsonData, protoKeys, RUNS, safeValue } from './test-fuzz.ts'

afterEach(() => expectPrototypesClean())

const noThrow = <A>(run: () => A): A => {
  let out: A | undefined
  expect(() => {
    out = run()
  }).not.toThrow()
  return out as A
}

describe('toJson / toJsonObject', () => {
  it('never throw, and answer JSON data or a ValidationError under the given path', () => {
    fc.assert(
      fc.property(anyValue, (r) => {
        for (const result of [noThrow(() => toJson(r.make(), 'root')), noThrow(() => toJsonObject(r.make(), 'root'))]) {
          if (E.isRight(result)) expect(isJsonData(result.right)).toBe(true)
          else expect(result.left.path === 'root' || result.left.path.startsWith('root.') || result.left.path.startsWith('root[')).toBe(true)
        }
        expectPrototypesClean()
      }),
      RUNS,
    )
  })

  it('keep JSON-safe data as it is, Dates aside, and the result round-trips', () => {
    fc.assert(
      fc.property(safeValue(4), (value) => {
        const result = toJson(value, 'root')
        expect(E.isRight(result)).toBe(true)
        if (E.isLeft(result)) return
        const text = JSON.stringify(result.right)
        // Dates become Mixpanel's `YYYY-MM-DDTHH:MM:SS` (UTC); everything else is unchanged.
        const asMixpanel = function (this: Record<string, unknown>, key: string, json: unknown): unknown {
          const raw = this[key]
          return raw instanceof Date ? raw.toISOString().slice(0, 19) : json
        }
        expect(text).toBe(JSON.stringify(value, asMixpanel))
        expect(JSON.stringify(JSON.parse(text))).toBe(text)
      }),
      RUNS,
    )
  })

  it('refuse every hostile value with a ValidationError', () => {
    fc.assert(
      fc.property(fc.oneof(hostileData, hostileProxy), (r) => {
        expect(noThrow(() => toJson({ deep: { value: r.make() } }, 'root'))._tag).toBe('Left')
      }),
      RUNS,
    )
  })

  it('keep own __proto__ and constructor keys as plain data, never as a prototype', () => {
    const result = toJsonObject(protoKeys(), 'properties')
    expect(E.isRight(result)).toBe(true)
    if (E.isLeft(result)) return
    expect(Object.getPrototypeOf(result.right)).toBe(Object.prototype)
    expect(Object.keys(result.right)).toStrictEqual(['__proto__', 'constructor', 'prototype'])
    expect(JSON.stringify(result.right)).toBe(JSON.stringify(protoKeys()))
  })

  it('toJsonObject names its own path for a Proxy that cannot even be inspected (no throw)', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    const trap = new Proxy({}, { getPrototypeOf: () => { throw new Error('trap') } })
    for (const hostile of [proxy, trap]) {
      const result = noThrow(() => toJsonObject(hostile, 'properties'))
      expect(E.isLeft(result) ? result.left.path : 'Right').toBe('properties')
    }
  })
})

describe('validate', () => {
  it('never throws, even when valibot cannot describe the input (a revoked Proxy)', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    const result = noThrow(() => validate(v.string('must be a string'), 'distinctId')(proxy))
    expect(E.isLeft(result) ? result.left.path : 'Right').toBe('distinctId')
  })
})

describe('normalizeConfig', () => {
  it('never throws for a config of any shape, and a Left is a ConfigError', () => {
    fc.assert(
      fc.property(anyValue, fc.constantFrom('token', 'host', 'timeoutMs', 'retry', 'apiSecret', 'serviceAccount', 'region', 'fetch'), (r, field) => {
        for (const config of [r.make(), { token: 't', host: 'http://127.0.0.1:1', [field]: r.make() }]) {
          let result: ReturnType<typeof normalizeConfig> | undefined
          try {
            result = normalizeConfig(config as Config)
          } catch {
            // A config with throwing getters may make normalizeConfig throw; `send` wraps it (safeNormalize).
            return
          }
          if (E.isLeft(result)) expect(result.left._tag).toBe('ConfigError')
        }
      }),
      RUNS,
    )
  })
})
