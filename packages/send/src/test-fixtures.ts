import { either as E } from 'fp-ts'
import { expect } from 'vitest'
import { normalizeConfig, serviceAccount, type Config, type ResolvedConfig, type ServiceAccount } from '@mp/core'

export const TOKEN = 'tok3n-abc'
export const API_SECRET = 'api-s3cret-XYZ'
export const SA_USER = 'robot.1a2b.mp-service-account'
export const SA_SECRET = 'sa-s3cret-QRS'
export const PROJECT_ID = '123456'

/** A service account built the way users build one. */
export const account = (): ServiceAccount => E.getOrElseW(() => {
  throw new Error('bad service account fixture')
})(serviceAccount(SA_USER, SA_SECRET, PROJECT_ID))

/** A resolved config for pure-function tests. */
export const resolved = (config: Partial<Config> = {}): ResolvedConfig =>
  E.getOrElseW((error) => {
    throw new Error(`bad config fixture: ${JSON.stringify(error)}`)
  })(normalizeConfig({ token: TOKEN, ...config }))

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64')

/** Every form in which a secret of ours could leak into an error. */
export const LEAKABLE = [API_SECRET, SA_SECRET, b64(`${API_SECRET}:`), b64(`${SA_USER}:${SA_SECRET}`)]

/** Asserts that no secret appears in a value, its message, or its JSON. */
export const expectNoSecrets = (value: unknown): void => {
  const texts = [JSON.stringify(value), String((value as { message?: unknown } | null)?.message ?? '')]
  for (const text of texts) for (const secret of LEAKABLE) expect(text).not.toContain(secret)
}

/** Decodes an `Authorization: Basic …` header into `[user, password]`. */
export const decodeBasic = (header: string | undefined): [string, string] | undefined => {
  if (header === undefined || !header.startsWith('Basic ')) return undefined
  const text = Buffer.from(header.slice(6), 'base64').toString('utf8')
  const colon = text.indexOf(':')
  return [text.slice(0, colon), text.slice(colon + 1)]
}

/** A sleep that records what it was asked to wait and returns at once. */
export const recordingSleep = (): { sleeps: number[]; sleep: (ms: number) => Promise<void> } => {
  const sleeps: number[] = []
  return { sleeps, sleep: async (ms) => void sleeps.push(ms) }
}
