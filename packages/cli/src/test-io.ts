import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Writable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import type { Io } from './types.ts'

/** A fake `Io` that keeps what `mp` prints, with a Ctrl-C button (test helper). */
export interface TestIo extends Io {
  readonly out: () => string
  readonly err: () => string
  /** Presses Ctrl-C once. */
  readonly interrupt: () => void
  readonly stdinStream: PassThrough
}

const collector = (): { stream: Writable; text: () => string } => {
  let text = ''
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString()
      done()
    },
  })
  return { stream, text: () => text }
}

/**
 * Makes a fake `Io` for running `mp` in-process: stdout and stderr are collected (stderr is not a
 * TTY, so progress comes as plain lines), stdin is a PassThrough, and `interrupt()` plays Ctrl-C.
 * @example
 * const io = testIo(dir, { MP_TOKEN: 't' }); await runMp(['--version'], io); io.out() // '0.1.0\n'
 */
export const testIo = (cwd: string, env: Readonly<Record<string, string | undefined>> = {}): TestIo => {
  const out = collector()
  const err = collector()
  const listeners = new Set<() => void>()
  const stdinStream = new PassThrough()
  return {
    stdout: out.stream,
    stderr: err.stream,
    stdin: stdinStream,
    stdinStream,
    env,
    cwd,
    onInterrupt: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    out: out.text,
    err: err.text,
    interrupt: () => {
      for (const listener of [...listeners]) listener()
    },
  }
}

/** A fresh temporary directory with `write(name, text, { gzip })` and `remove()` (test helper). */
export const tempDir = (): { readonly dir: string; write(name: string, text: string, options?: { gzip?: boolean }): string; remove(): void } => {
  const dir = mkdtempSync(join(tmpdir(), 'mp-cli-'))
  return {
    dir,
    write: (name, text, options) => {
      const path = join(dir, name)
      writeFileSync(path, options?.gzip === true ? gzipSync(text) : text)
      return path
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** Collects an async iterable into an array (test helper). */
export const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = []
  for await (const item of items) all.push(item)
  return all
}

/** The bytes of `text` in chunks of `size`, to cut records at every possible place (test helper). */
export async function* chunked(text: string | Buffer, size: number): AsyncGenerator<Buffer> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}
