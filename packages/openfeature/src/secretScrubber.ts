import type { Config } from '@mp/core'

const MASK = '***'

const readSecret = (read: () => unknown): string | undefined => {
  try {
    const value = read()
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
  } catch {
    return undefined
  }
}

/**
 * A function that masks the config's API secret and service-account secret (plain or URL-encoded)
 * wherever they appear in a text. Every message the provider hands to OpenFeature (a resolution's
 * `errorMessage`, a status event, an `initialize` rejection) and to `onError` goes through it, so a
 * server or transport that echoes a credential cannot leak it. Never throws, whatever `config` is.
 * @internal
 * @example
 * const scrub = secretScrubber({ token: 't', apiSecret: 'S3CR3T' })
 * scrub('HTTP 401: bad secret S3CR3T') // 'HTTP 401: bad secret ***'
 */
export const secretScrubber = (config: Config | undefined): ((text: string) => string) => {
  const secrets = [readSecret(() => config?.apiSecret), readSecret(() => config?.serviceAccount?.secret)]
    .filter((secret): secret is string => secret !== undefined)
    .flatMap((secret) => [secret, encodeURIComponent(secret)])
  return (text) => secrets.reduce((out, secret) => out.split(secret).join(MASK), text)
}
