import { readFlag } from './readFlag.ts'

/**
 * The port the CLI listens on: `--port N` or `--port=N`, else the `PORT` environment variable, else
 * 0 (a free port). A value that is not an integer in 0..65535 is an error message.
 * @example
 * parsePort(['--port', '4000'], {}) // { ok: true, port: 4000 }
 * parsePort([], { PORT: 'x' }) // { ok: false, error: "invalid port 'x': expected an integer from 0 to 65535" }
 */
export const parsePort = (
  argv: ReadonlyArray<string>,
  env: Readonly<Record<string, string | undefined>>,
): { readonly ok: true; readonly port: number } | { readonly ok: false; readonly error: string } => {
  const text = readFlag(argv, 'port') ?? env['PORT'] ?? '0'
  const port = Number(text)
  return /^\d+$/.test(text.trim()) && port <= 65535
    ? { ok: true, port }
    : { ok: false, error: `invalid port '${text}': expected an integer from 0 to 65535` }
}
