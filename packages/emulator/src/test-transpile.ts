import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ts from 'typescript'

/**
 * Transpiles a package's sources (tests excluded) to JavaScript in `out` (default: a fresh temp
 * directory), so a test can run them as a real process without a build (test helper; the outbox's
 * kill test lays out core, send and outbox this way as a node_modules tree).
 * @example
 * const dir = transpileSources(import.meta.dirname) // then: node `${dir}/cli.js`
 */
export const transpileSources = (sourceDir: string, out: string = mkdtempSync(join(tmpdir(), 'mp-emulator-'))): string => {
  for (const file of readdirSync(sourceDir)) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.startsWith('test-')) continue
    const { outputText } = ts.transpileModule(readFileSync(join(sourceDir, file), 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
        rewriteRelativeImportExtensions: true,
      },
    })
    writeFileSync(join(out, file.replace(/\.ts$/, '.js')), outputText)
  }
  writeFileSync(join(out, 'package.json'), '{"type":"module"}')
  return out
}
