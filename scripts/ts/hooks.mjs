// Module hooks for register.mjs: the @mp/source export condition, and .ts files transpiled (types
// dropped, nothing checked) with the TypeScript compiler the workspace already has.
import { readFile } from 'node:fs/promises'
import ts from 'typescript'

const OPTIONS = {
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2022,
  verbatimModuleSyntax: true,
}

export const resolve = (specifier, context, nextResolve) =>
  nextResolve(specifier, { ...context, conditions: ['@mp/source', ...context.conditions] })

export const load = async (url, context, nextLoad) => {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context)
  const source = await readFile(new URL(url), 'utf8')
  const { outputText } = ts.transpileModule(source, { compilerOptions: OPTIONS, fileName: new URL(url).pathname })
  return { format: 'module', source: outputText, shortCircuit: true }
}
