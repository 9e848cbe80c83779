import { describe, it, expect } from 'vitest'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { checkPackage, exportTargets, packageNameOf, specifiersOf } from './check-packages.mjs'

describe('specifiersOf', () => {
  it('finds static, re-exported, side-effect and dynamic imports, across lines', () => {
    const code = [
      "import { a,\n  b } from './a.js'",
      "export * from 'fp-ts'",
      "export { x } from '@mp/core'",
      "import './polyfill.js'",
      "const m = await import('./lazy.js')",
      "import type { T } from './types.ts'",
    ].join('\n')
    expect([...specifiersOf(code)].sort()).toEqual(['./a.js', './lazy.js', './polyfill.js', './types.ts', '@mp/core', 'fp-ts'].sort())
  })

  it('ignores strings and comments that merely look like imports', () => {
    const code = [
      "export type Endpoint = '/track' | '/import' | '/engage'",
      '/**\n * @example\n * import { alias } from "@mp/identity"\n */',
      "// import x from 'nope'",
      'export const x = 1',
    ].join('\n')
    expect(specifiersOf(code)).toEqual([])
  })
})

describe('packageNameOf', () => {
  it('keeps the scope of scoped packages and drops subpaths', () => {
    expect(packageNameOf('@mp/core')).toBe('@mp/core')
    expect(packageNameOf('@scope/name/sub/path.js')).toBe('@scope/name')
    expect(packageNameOf('fp-ts/TaskEither')).toBe('fp-ts')
  })
})

describe('exportTargets', () => {
  it('lists every target with its subpath and condition chain', () => {
    const targets = exportTargets({ '.': { '@mp/source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' })
    expect(targets).toEqual([
      { subpath: '.', conditions: ['@mp/source'], target: './src/index.ts' },
      { subpath: '.', conditions: ['types'], target: './dist/index.d.ts' },
      { subpath: '.', conditions: ['default'], target: './dist/index.js' },
      { subpath: './package.json', conditions: [], target: './package.json' },
    ])
  })
})

const goodPkg = {
  name: '@mp/thing',
  version: '0.1.0',
  license: 'MIT',
  type: 'module',
  sideEffects: false,
  files: ['dist', 'src', '!src/**/*.test.ts'],
  exports: { '.': { '@mp/source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
  main: './dist/index.js',
  types: './dist/index.d.ts',
  dependencies: { 'fp-ts': '2.16.11', '@mp/core': 'workspace:*' },
}

const fixture = (files: Record<string, string>): { dir: string; packed: string[] } => {
  const dir = mkdtempSync(join(tmpdir(), 'mp-check-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return { dir, packed: ['package.json', ...Object.keys(files)] }
}

const goodFiles = {
  'dist/index.js': "import { either } from 'fp-ts'\nimport { x } from '@mp/core'\nexport { helper } from './helper.js'\nexport const y = [either, x]\n",
  'dist/helper.js': 'export const helper = 1\n',
  'dist/index.d.ts': "export { helper } from './helper.ts'\nexport declare const y: unknown\n",
  'dist/helper.d.ts': 'export declare const helper = 1\n',
  'src/index.ts': "export const y = 1\n",
}

describe('checkPackage', () => {
  it('finds nothing wrong in a well-formed package', () => {
    const result = checkPackage({ ...fixture(goodFiles), pkg: goodPkg })
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
  })

  it('refuses metadata that breaks publishing or tree-shaking', () => {
    const { sideEffects: _s, ...noSideEffects } = goodPkg
    const pkg = { ...noSideEffects, type: 'commonjs', files: ['lib'] }
    const errors = checkPackage({ ...fixture(goodFiles), pkg }).errors.join('\n')
    expect(errors).toMatch(/type: expected "module"/)
    expect(errors).toMatch(/sideEffects: expected false/)
    expect(errors).toMatch(/files: must list "dist"/)
  })

  it('flags the @mp/source condition when src/ is not published', () => {
    const { 'src/index.ts': _src, ...distOnly } = goodFiles
    const errors = checkPackage({ ...fixture(distOnly), pkg: { ...goodPkg, files: ['dist'] } }).errors
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/@mp\/source.*not published/)
  })

  it('accepts an unpublished @mp/source when publishConfig.exports drops it', () => {
    const { 'src/index.ts': _src, ...distOnly } = goodFiles
    const publishConfig = { exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } } }
    expect(checkPackage({ ...fixture(distOnly), pkg: { ...goodPkg, files: ['dist'], publishConfig } }).errors).toEqual([])
  })

  it('wants "types" before "default" in each exports entry', () => {
    const exports = { '.': { default: './dist/index.js', types: './dist/index.d.ts' } }
    const errors = checkPackage({ ...fixture(goodFiles), pkg: { ...goodPkg, exports } }).errors.join('\n')
    expect(errors).toMatch(/"types" must come before "default"/)
  })

  it('refuses imports that fail in Node ESM, Deno or workerd, or break the package rules', () => {
    const files = {
      ...goodFiles,
      'dist/index.js': [
        "import * as TE from 'fp-ts/TaskEither'",
        "import ky from 'ky'",
        "import { createServer } from 'node:http'",
        "import { gone } from './gone.js'",
        "import { bare } from './helper'",
        "import { other } from 'left-pad'",
        'export const all = [TE, ky, createServer, gone, bare, other]',
      ].join('\n'),
    }
    const errors = checkPackage({ ...fixture(files), pkg: goodPkg }).errors.join('\n')
    expect(errors).toMatch(/fp-ts subpath import/)
    expect(errors).toMatch(/only @mp\/send may import ky/)
    expect(errors).toMatch(/Node built-in in an edge package/)
    expect(errors).toMatch(/gone\.js, which is not in the package/)
    expect(errors).toMatch(/"\.\/helper": relative import without a \.js extension/)
    expect(errors).toMatch(/"left-pad" is not in dependencies/)
  })

  it('lets the Node-only emulator and cli import Node built-ins and @mp/send import ky', () => {
    const files = { ...goodFiles, 'dist/index.js': "import { createServer } from 'node:http'\nimport ky from 'ky'\nexport const s = [createServer, ky]\n" }
    const emulator = checkPackage({ ...fixture(files), pkg: { ...goodPkg, name: '@mp/emulator', dependencies: { ky: '1.14.3' } } })
    expect(emulator.errors.join('\n')).not.toMatch(/Node built-in/)
    expect(emulator.errors.join('\n')).toMatch(/only @mp\/send may import ky/)
    const cli = checkPackage({ ...fixture(files), pkg: { ...goodPkg, name: '@mp/cli', dependencies: { ky: '1.14.3' } } })
    expect(cli.errors.join('\n')).not.toMatch(/Node built-in/)
    const send = checkPackage({ ...fixture(files), pkg: { ...goodPkg, name: '@mp/send', dependencies: { ky: '1.14.3' } } })
    expect(send.errors.join('\n')).toMatch(/Node built-in/)
    expect(send.errors.join('\n')).not.toMatch(/ky/)
  })

  it('refuses to ship test files and exports that point at nothing', () => {
    const files = { ...goodFiles, 'dist/index.test.js': 'export {}\n' }
    const { 'dist/index.d.ts': _types, ...rest } = files
    const errors = checkPackage({ ...fixture(rest), pkg: goodPkg }).errors.join('\n')
    expect(errors).toMatch(/ships a test file: dist\/index\.test\.js/)
    expect(errors).toMatch(/exports\["\."\]\["types"\] → \.\/dist\/index\.d\.ts is not in the package/)
  })

  it('checks that each bin is shipped and starts with a #! line', () => {
    const files = { ...goodFiles, 'dist/cli.js': '#!/usr/bin/env node\nexport {}\n', 'dist/plain.js': 'export {}\n' }
    expect(checkPackage({ ...fixture(files), pkg: { ...goodPkg, bin: { thing: './dist/cli.js' } } }).errors).toEqual([])
    const errors = checkPackage({ ...fixture(files), pkg: { ...goodPkg, bin: { a: './dist/plain.js', b: './dist/gone.js' } } }).errors
    expect(errors).toEqual([
      'bin["a"] → ./dist/plain.js does not start with a #! line',
      'bin["b"] → ./dist/gone.js is not in the package (not built, or excluded by "files")',
    ])
  })

  it('warns about a dependency the shipped code never imports', () => {
    const pkg = { ...goodPkg, dependencies: { ...goodPkg.dependencies, valibot: '1.5.0' } }
    expect(checkPackage({ ...fixture(goodFiles), pkg }).warnings).toEqual(['dependency "valibot" is never imported by the shipped code'])
  })
})
