import { either as E } from 'fp-ts'
import { normalizeConfig, serviceAccount, type Config, type ConfigError, type ServiceAccount } from '@mp/core'

/** The credential and target flags, as parsed (undefined when not given). */
export interface CredentialFlags {
  readonly token?: string | undefined
  readonly apiSecret?: string | undefined
  readonly serviceAccountUsername?: string | undefined
  readonly serviceAccountSecret?: string | undefined
  readonly projectId?: string | undefined
  readonly region?: string | undefined
  readonly host?: string | undefined
}

/** A usable config, whether it carries a secret, and the warnings to print first. */
export interface Credentials {
  readonly config: Config
  readonly hasSecret: boolean
  readonly warnings: ReadonlyArray<string>
}

const given = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value)

// Where each config field comes from, for messages that tell the user what to change.
const SOURCES: Readonly<Record<string, string>> = {
  token: '--token (MP_TOKEN)',
  apiSecret: 'MP_API_SECRET (--api-secret)',
  region: '--region',
  host: '--host',
  'serviceAccount.username': 'MP_SERVICE_ACCOUNT_USERNAME (--service-account-username)',
  'serviceAccount.secret': 'MP_SERVICE_ACCOUNT_SECRET',
  'serviceAccount.projectId': 'MP_PROJECT_ID (--project-id)',
}

const explain = ({ field, message }: ConfigError): string => `${SOURCES[field] ?? `config ${field}`}: ${message.slice(message.indexOf(': ') + 2)}`

const historyWarning = (flag: string, variable: string): string =>
  `warning: ${flag} on the command line lands in your shell history and the process list; set ${variable} instead`

const readServiceAccount = (
  username: string | undefined,
  secret: string | undefined,
  projectId: string | undefined,
): E.Either<string, ServiceAccount | undefined> => {
  if (username === undefined && secret === undefined && projectId === undefined) return E.right(undefined)
  const missing = [
    username === undefined ? 'MP_SERVICE_ACCOUNT_USERNAME (--service-account-username)' : undefined,
    secret === undefined ? 'MP_SERVICE_ACCOUNT_SECRET' : undefined,
    projectId === undefined ? 'MP_PROJECT_ID (--project-id)' : undefined,
  ].filter((name) => name !== undefined)
  if (missing.length > 0) return E.left(`a service account needs a username, a secret and a project id; missing ${missing.join(', ')}`)
  return E.mapLeft(explain)(serviceAccount(username, secret, projectId))
}

/**
 * Reads the token, the secret (an API secret or a service account) and the target (region or host)
 * from the flags, falling back to `MP_TOKEN`, `MP_API_SECRET`, `MP_SERVICE_ACCOUNT_USERNAME`,
 * `MP_SERVICE_ACCOUNT_SECRET` and `MP_PROJECT_ID`, and checks them with `normalizeConfig`. A secret
 * given as a flag works but draws a warning. Messages never contain a secret.
 * @example
 * readCredentials({ region: 'eu' }, { MP_TOKEN: 't', MP_API_SECRET: 's' }, { gzip: true })
 * // Right({ config: { token: 't', apiSecret: 's', region: 'eu', gzip: true }, hasSecret: true, warnings: [] })
 */
export const readCredentials = (
  flags: CredentialFlags,
  env: Readonly<Record<string, string | undefined>>,
  extra: Partial<Config>,
): E.Either<string, Credentials> => {
  const token = given(flags.token) ?? given(env['MP_TOKEN'])
  if (token === undefined) return E.left('no project token: pass --token or set MP_TOKEN')
  const warnings = [
    flags.apiSecret === undefined ? undefined : historyWarning('--api-secret', 'MP_API_SECRET'),
    flags.serviceAccountSecret === undefined ? undefined : historyWarning('--service-account-secret', 'MP_SERVICE_ACCOUNT_SECRET'),
  ].filter((w) => w !== undefined)
  const account = readServiceAccount(
    given(flags.serviceAccountUsername) ?? given(env['MP_SERVICE_ACCOUNT_USERNAME']),
    given(flags.serviceAccountSecret) ?? given(env['MP_SERVICE_ACCOUNT_SECRET']),
    given(flags.projectId) ?? given(env['MP_PROJECT_ID']),
  )
  if (E.isLeft(account)) return account
  const apiSecret = given(flags.apiSecret) ?? given(env['MP_API_SECRET'])
  const config: Config = {
    ...extra,
    token,
    ...(account.right === undefined ? {} : { serviceAccount: account.right }),
    ...(apiSecret === undefined ? {} : { apiSecret }),
    ...(flags.region === undefined ? {} : { region: flags.region as Config['region'] & string }),
    ...(flags.host === undefined ? {} : { host: flags.host }),
  }
  const checked = normalizeConfig(config)
  if (E.isLeft(checked)) return E.left(explain(checked.left))
  return E.right({ config, hasSecret: checked.right.credentials !== undefined, warnings })
}
