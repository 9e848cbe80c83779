import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ts from 'typescript'

/**
 * Transpiles this package's sources (tests excluded) to JavaScript in a fresh temp directory, so a
 * test can run the CLI as a real process without a build (test helper).
 * @example
 * const dir = transpileSources(import.meta.dirname) // then: node `${dir}/cli.js`
 */
export const transpileSources = (sourceDir: string): string => {
  const out = mkdtempSync(join(tmpdir(), 'mp-emulator-'))
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
