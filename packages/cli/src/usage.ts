const MAIN = `mp — Mixpanel from the command line

usage:
  mp import events   <file…|->  [flags]   events to /import (needs a secret)
  mp import profiles <file…|->  [flags]   user profile updates to /engage
  mp import groups   <file…|->  --group-key KEY [flags]   group profile updates to /groups
  mp emulator [--port N] [emulator flags]   a local Mixpanel for tests and demos

  mp import --help      every import flag
  mp --version

exit codes: 0 all imported · 1 some records refused · 2 bad usage or config (nothing sent)
            3 delivery failed (what was acknowledged stays imported) · 130 stopped by Ctrl-C
`

const IMPORT = `usage: mp import events|profiles|groups <file…|-> [flags]

Reads NDJSON, a JSON array or CSV (each optionally gzipped; several files, or - for stdin),
checks every record, and sends chunks of up to 2000 records with a progress display on stderr.

input
  --format ndjson|json|csv       default: .csv by name, else [ means a JSON array, else NDJSON
  --csv-types col:type,…         type: auto (default: numbers, true/false), string, number, boolean, json;
                                 id columns are strings; empty cells are left out
resume and reports
  --checkpoint FILE              record what is done; run again with it to skip what was imported
  --rejects FILE                 one NDJSON line per refused record: { file, line, record, reason, stage, field }
  --dry-run                      read and check everything, send nothing (no secret needed)
  --json                         print a JSON summary on stdout at the end
  --quiet                        no progress and no summary (errors still print)
  --progress-interval SECONDS    how often a line is printed when stderr is not a terminal (default 10)
delivery
  --concurrency N                requests in flight, 1-64 (default 4)
  --retries N                    retries per request on network errors, 429 and 5xx (default 5;
                                 backoff from 2 s doubling to 60 s, as Mixpanel asks)
events (records are { event, properties } or flat columns)
  --event-column NAME            the event name in flat records (default event)
  --distinct-id-column NAME      becomes properties.distinct_id (default distinct_id)
  --time-column NAME             becomes properties.time; numeric text or ISO 8601 with a zone is
                                 turned into seconds (default time)
  --insert-id-column NAME        becomes properties.$insert_id (default $insert_id; when absent one
                                 is derived from the event's content, so re-runs store nothing twice)
profiles and groups (each record is one profile: its id column and the properties)
  --operation OP                 profiles: set (default), set_once, add, append, union, remove, unset, delete
                                 groups: set (default), set_once, union, remove, unset, delete
  --id-column NAME               profiles: default $distinct_id, else distinct_id
                                 groups: default $group_id, else group_id
  --group-key KEY                groups: the group key the ids belong to (required)
credentials and target (flags win over the environment)
  --token TOKEN                  or MP_TOKEN (required)
  MP_API_SECRET                  the API secret for /import (events)
  MP_SERVICE_ACCOUNT_USERNAME, MP_SERVICE_ACCOUNT_SECRET, MP_PROJECT_ID
                                 a service account instead (also --service-account-username, --project-id)
  --api-secret, --service-account-secret
                                 work, with a warning: a secret on the command line lands in shell history
  --region us|eu|in              default us
  --host URL                     another host, e.g. http://127.0.0.1:4000 for mp emulator
`

/**
 * The help text for `mp` (`main`) and `mp import` (`import`).
 * @example
 * process.stdout.write(usage('import'))
 */
export const usage = (topic: 'main' | 'import'): string => (topic === 'main' ? MAIN : IMPORT)
