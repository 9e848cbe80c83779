const REDACTED = '***'

/**
 * A secret that prints as `***` everywhere: `String()`, `JSON.stringify`, Node's `util.inspect`,
 * Deno's `Deno.inspect`. Only `reveal` gives the value back.
 */
export interface Redacted {
  readonly _tag: 'Redacted'
}

// A WeakMap keeps the value off the object entirely, so no enumeration, spread or
// structured clone of a Redacted can expose it.
const vault = /*#__PURE__*/ new WeakMap<Redacted, string>()

/**
 * @internal Makes an object print as `printed()` and serialise as `json()`: `String()`,
 * `JSON.stringify`, Node's `util.inspect` and Deno's `Deno.inspect` all ask these.
 * @example
 * hideSecret(account, () => 'ServiceAccount { … }', () => ({ username, secret: '***' }))
 */
export const hideSecret = (target: object, printed: () => string, json: () => unknown): void => {
  Object.defineProperties(target, {
    toString: { value: printed },
    toJSON: { value: json },
    [Symbol.for('nodejs.util.inspect.custom')]: { value: printed },
    [Symbol.for('Deno.customInspect')]: { value: printed },
  })
}

/**
 * Wraps a secret so that it never prints.
 * @example
 * const s = redact('hunter2')
 * JSON.stringify({ s }) // '{"s":"***"}'
 */
export const redact = (value: string): Redacted => {
  const box = { _tag: 'Redacted' as const }
  const printed = (): string => REDACTED
  hideSecret(box, printed, printed)
  vault.set(box, value)
  return Object.freeze(box)
}

/**
 * Reads a secret back out of its `Redacted` box.
 * @example
 * reveal(redact('hunter2')) // 'hunter2'
 */
export const reveal = (box: Redacted): string => vault.get(box) ?? ''
