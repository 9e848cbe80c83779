import { either as E } from 'fp-ts'
import { configError, type ConfigError } from '@mp/core'

/** Every statement the outbox runs, for one table. Parameters are numbered as each comment says. */
export interface OutboxSql {
  /** The table names as given (`schema.table`), for messages and tests. */
  readonly table: string
  readonly deadTable: string
  readonly migrate: string
  /** $1 endpoint, $2 auth, $3 JSON array of the records, $4 whether they are a `$create_alias`. */
  readonly insert: string
  /** The same for one record (the usual case, and twice as fast on PGlite): $3 the record's JSON. */
  readonly insertOne: string
  /**
   * $1 claim token, $2 lease ms, $3 most rows, $4 whether `secret` rows may be claimed, $5 the
   * drain's horizon (text timestamp, or null: now). Answers the rows and `horizon`, the time of
   * the first claim of a drain: later claims of that drain take only rows due by then.
   */
  readonly claim: string
  /** $1 claim token, $2 lease ms, $3 ids joined by commas. */
  readonly renew: string
  /** $1 ids joined by commas. */
  readonly remove: string
  /** $1 claim token, $2 ids joined by commas, $3 the error (JSON), $4 first backoff ms, $5 most backoff ms, $6 jitter factor. */
  readonly reschedule: string
  /** $1 claim token, $2 JSON array of `[id, error]` pairs. */
  readonly deadLetter: string
}

// Lower-case names only, so the quoted name is the one people type unquoted in psql; room is left
// for the `_dead` and `_alias_idx` suffixes within Postgres's 63-byte identifiers.
const NAME = /^(?:([a-z_][a-z0-9_]{0,62})\.)?([a-z_][a-z0-9_]{0,52})$/

const IDS = `string_to_array($IDS::text, ',')::bigint[]`
const ids = (n: number): string => IDS.replace('$IDS', `$${n}`)

/**
 * The outbox's SQL for a table name (default `mp_outbox`), or a `ConfigError` for a name that is
 * not a plain, optionally schema-qualified, lower-case identifier.
 *
 * Schema: one row per record, `id` a bigserial in enqueue order. A row is due when `due_at` has
 * passed and it holds no live lease (`locked_until`). A claim is one short statement,
 * `UPDATE … WHERE id IN (SELECT … ORDER BY id LIMIT n FOR UPDATE SKIP LOCKED) RETURNING …`: the row
 * locks last only for that statement, and what marks rows as taken is the lease column, so no
 * connection or transaction stays open while Mixpanel is called. `alias` marks `$create_alias`
 * rows: no row enqueued after an alias can be claimed until the alias is delivered or dead-lettered.
 * @example
 * outboxSql('shop.mp_outbox') // Right({ table: 'shop.mp_outbox', deadTable: 'shop.mp_outbox_dead', migrate: 'DO $mp_outbox$ …', … })
 */
export const outboxSql = (name: unknown = 'mp_outbox'): E.Either<ConfigError, OutboxSql> => {
  const match = typeof name === 'string' ? NAME.exec(name) : null
  if (match === null) {
    return E.left(configError('table', 'must be a table name such as mp_outbox or events.mp_outbox: lower-case letters, digits and _, at most 53 characters'))
  }
  const [, schema, base = ''] = match
  const qualify = (table: string): string => (schema === undefined ? `"${table}"` : `"${schema}"."${table}"`)
  const rows = qualify(base)
  const dead = qualify(`${base}_dead`)
  const table = schema === undefined ? base : `${schema}.${base}`
  return E.right({
    table,
    deadTable: `${table}_dead`,
    // One statement, so it runs as one transaction on any connection of a pool; the advisory lock
    // makes concurrent migrations from several processes wait for each other instead of racing.
    migrate: `DO $mp_outbox$ BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('mp_outbox ${table}'));
  CREATE TABLE IF NOT EXISTS ${rows} (
    id           bigserial PRIMARY KEY,
    endpoint     text NOT NULL CHECK (endpoint IN ('/track', '/import', '/engage', '/groups')),
    auth         text NOT NULL CHECK (auth IN ('token', 'secret')),
    record       json NOT NULL,
    alias        boolean NOT NULL DEFAULT false,
    enqueued_at  timestamptz NOT NULL DEFAULT now(),
    due_at       timestamptz NOT NULL DEFAULT now(),
    attempts     integer NOT NULL DEFAULT 0,
    locked_until timestamptz,
    locked_by    text,
    last_error   jsonb
  );
  CREATE INDEX IF NOT EXISTS "${base}_alias_idx" ON ${rows} (id) WHERE alias;
  CREATE TABLE IF NOT EXISTS ${dead} (
    id          bigint PRIMARY KEY,
    endpoint    text NOT NULL,
    auth        text NOT NULL,
    record      json NOT NULL,
    enqueued_at timestamptz NOT NULL,
    attempts    integer NOT NULL,
    failed_at   timestamptz NOT NULL DEFAULT now(),
    error       jsonb NOT NULL
  );
END $mp_outbox$`,
    // `json`, not `jsonb`: the record keeps its exact text, key order included.
    insert: `INSERT INTO ${rows} (endpoint, auth, record, alias)
SELECT $1::text, $2::text, r.value, $4::boolean FROM json_array_elements($3::json) WITH ORDINALITY AS r(value, n) ORDER BY r.n`,
    insertOne: `INSERT INTO ${rows} (endpoint, auth, record, alias) VALUES ($1::text, $2::text, $3::json, $4::boolean)`,
    claim: `UPDATE ${rows} SET locked_until = now() + $2::integer * interval '1 millisecond', locked_by = $1::text, attempts = attempts + 1
WHERE id IN (
  SELECT id FROM ${rows}
  WHERE due_at <= coalesce($5::timestamptz, now()) AND (locked_until IS NULL OR locked_until <= now()) AND (auth = 'token' OR $4::boolean)
    AND id <= coalesce((SELECT min(id) FROM ${rows} WHERE alias), 9223372036854775807)
  ORDER BY id LIMIT $3::integer
  FOR UPDATE SKIP LOCKED)
RETURNING id::text AS id, endpoint, auth, record::text AS record, octet_length(record::text) AS bytes, coalesce($5::timestamptz, now())::text AS horizon`,
    renew: `UPDATE ${rows} SET locked_until = now() + $2::integer * interval '1 millisecond' WHERE id = ANY(${ids(3)}) AND locked_by = $1::text`,
    remove: `DELETE FROM ${rows} WHERE id = ANY(${ids(1)})`,
    reschedule: `UPDATE ${rows} SET locked_until = NULL, locked_by = NULL, last_error = $3::jsonb,
  due_at = now() + least($5::float8, $4::float8 * power(2, least(attempts - 1, 40))) * $6::float8 * interval '1 millisecond'
WHERE id = ANY(${ids(2)}) AND locked_by = $1::text`,
    deadLetter: `WITH failed AS (SELECT (f->>0)::bigint AS id, f->1 AS error FROM json_array_elements($2::json) AS f),
moved AS (
  DELETE FROM ${rows} AS o USING failed WHERE o.id = failed.id AND o.locked_by = $1::text
  RETURNING o.id, o.endpoint, o.auth, o.record, o.enqueued_at, o.attempts, failed.error
)
INSERT INTO ${dead} (id, endpoint, auth, record, enqueued_at, attempts, error)
SELECT id, endpoint, auth, record, enqueued_at, attempts, error::jsonb FROM moved
ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record, attempts = EXCLUDED.attempts, failed_at = now(), error = EXCLUDED.error`,
  })
}
