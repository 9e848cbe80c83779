import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
// The emulator's CLI test already transpiles a package for a child process; the same helper lays
// out core, send and outbox here.
import { transpileSources } from '../../emulator/src/test-transpile.ts'

const packages = join(import.meta.dirname, '..', '..')

// What the transpiled packages import, linked from where the workspace installed it.
const THIRD_PARTY: ReadonlyArray<readonly [from: string, name: string]> = [
  ['core', 'fp-ts'],
  ['core', 'valibot'],
  ['send', 'ky'],
  ['outbox', '@electric-sql/pglite'],
]

/**
 * A temp directory holding `node_modules/@mp/{core,send,outbox}` transpiled from source (no build
 * needed) plus their dependencies, and `script` as `child.mjs`, so a test can run the outbox in a
 * real process and SIGKILL it (test helper). Answers the path of `child.mjs`.
 * @example
 * const child = fork(childScript("import { createOutboxSender } from '@mp/outbox'\n…"), [dataDir])
 */
export const childScript = (script: string): string => {
  const root = mkdtempSync(join(tmpdir(), 'mp-outbox-child-'))
  for (const name of ['core', 'send', 'outbox']) {
    const out = join(root, 'node_modules', '@mp', name)
    mkdirSync(out, { recursive: true })
    transpileSources(join(packages, name, 'src'), out)
    writeFileSync(join(out, 'package.json'), JSON.stringify({ name: `@mp/${name}`, type: 'module', main: 'index.js' }))
  }
  for (const [from, name] of THIRD_PARTY) {
    const link = join(root, 'node_modules', name)
    mkdirSync(dirname(link), { recursive: true })
    symlinkSync(realpathSync(join(packages, from, 'node_modules', name)), link, 'dir')
  }
  writeFileSync(join(root, 'child.mjs'), script)
  return join(root, 'child.mjs')
}
