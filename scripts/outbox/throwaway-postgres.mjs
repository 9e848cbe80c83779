// A throwaway PostgreSQL server for scripts that need a real one (scripts/outbox-crash.mjs, the
// outbox rows of scripts/bench.mjs): Debian's binaries (installed with apt-get when missing and
// we are root), `initdb` as the `postgres` user in a fresh temp directory, listening on a free
// 127.0.0.1 port only, trust auth for that loopback address. `stop()` stops it and deletes the
// directory; it also runs on process exit, so a failing script leaves nothing behind.
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../free-port.mjs'

const PG_ROOT = '/usr/lib/postgresql'
const APT_PACKAGE = 'postgresql-15'

/** The bin directory of the newest installed PostgreSQL (Debian layout), or undefined. */
export const findPostgresBin = () => {
  if (!existsSync(PG_ROOT)) return undefined
  const versions = readdirSync(PG_ROOT)
    .filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'initdb')) && existsSync(join(PG_ROOT, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a))
  return versions.length === 0 ? undefined : join(PG_ROOT, versions[0], 'bin')
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0

/** Installs postgresql-15 with apt-get (root only); `apt-get update` first when the install needs it. */
const install = (log) => {
  if (!isRoot()) throw new Error(`PostgreSQL is not installed under ${PG_ROOT} and this is not root: install ${APT_PACKAGE} (apt-get install -y ${APT_PACKAGE})`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const apt = (...args) => execFileSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
  log(`postgres: installing ${APT_PACKAGE} with apt-get …`)
  try {
    apt('install', '-y', '--no-install-recommends', APT_PACKAGE)
  } catch {
    log('postgres: apt-get update …')
    apt('update')
    apt('install', '-y', '--no-install-recommends', APT_PACKAGE)
  }
}

/** Runs a PostgreSQL binary, as the `postgres` user when we are root (initdb refuses to run as root). */
const runAs = (bin, args) => {
  const [command, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
  return execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] }).toString()
}

/**
 * Starts a throwaway server and answers `{ url, port, version, stop }`; `url` connects as the
 * `postgres` superuser without a password (trust, 127.0.0.1 only).
 * @param {{ log?: (line: string) => void, settings?: Record<string, string> }} [options] `settings`:
 *   extra `-c name=value` server settings
 */
export const startThrowawayPostgres = async ({ log = () => {}, settings = {} } = {}) => {
  let bin = findPostgresBin()
  if (bin === undefined) {
    install(log)
    bin = findPostgresBin()
    if (bin === undefined) throw new Error(`apt-get installed ${APT_PACKAGE} but no initdb under ${PG_ROOT}`)
  }
  const dir = mkdtempSync(join(tmpdir(), 'mp-postgres-'))
  const data = join(dir, 'data')
  const port = await freePort()
  let stopped = false
  const stop = () => {
    if (stopped) return
    stopped = true
    try {
      if (existsSync(join(data, 'postmaster.pid'))) runAs(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'])
    } catch {
      // Already gone; the directory is removed below either way.
    }
    try {
      // A server shutting down may still be removing files: retry briefly instead of leaving the directory.
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
    } catch (error) {
      console.error(`postgres: could not remove ${dir}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  // Synchronous, so it also runs when the script exits on an error or a signal handler calls exit.
  process.once('exit', stop)
  try {
    if (isRoot()) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()))
    runAs(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C'])
    const server = ['-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])]
    runAs(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-o', server.join(' '), '-w', '-t', '60', 'start'])
  } catch (error) {
    stop()
    const detail = error?.stderr?.toString().trim() || (error instanceof Error ? error.message : String(error))
    throw new Error(`could not start a throwaway PostgreSQL: ${detail}`)
  }
  const version = runAs(join(bin, 'pg_ctl'), ['--version']).trim()
  log(`postgres: ${version} on 127.0.0.1:${port} (data in ${data})`)
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, port, version, stop }
}
