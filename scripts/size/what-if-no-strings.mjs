#!/usr/bin/env node
// What-if for deciding budgets, never for CI: how big would each preset be if every string longer
// than 20 characters (error messages, hints, ky's own texts; literals and the text parts of template
// literals) were empty? Splits a bundle into message text and code. Reads the bundles that
// `node scripts/size.mjs --write` left in .cache/bundles/ and parses them with rollup's parser.
//
//   pnpm build && node scripts/size.mjs --write && node scripts/size/what-if-no-strings.mjs
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { parseAst } from 'rollup/parseAst'

const dir = join(import.meta.dirname, '../../.cache/bundles')
const LONG = 20
const gzip = (text) => gzipSync(text, { level: 9 }).length

// [start, end) ranges of the text to empty: string literals (quotes kept) and template chunks.
const longTexts = (ast) => {
  const ranges = []
  const visit = (node) => {
    if (node === null || typeof node !== 'object') return
    if (Array.isArray(node)) return node.forEach(visit)
    if (node.type === 'Literal' && typeof node.value === 'string' && node.value.length > LONG) ranges.push([node.start + 1, node.end - 1])
    if (node.type === 'TemplateElement' && node.value.raw.length > LONG) ranges.push([node.start, node.end])
    for (const [key, child] of Object.entries(node)) if (key !== 'start' && key !== 'end') visit(child)
  }
  visit(ast)
  return ranges.sort((a, b) => b[0] - a[0])
}

console.log('bundle                          gzip  without texts  texts cost')
for (const file of readdirSync(dir).filter((f) => f.endsWith('.min.js')).sort()) {
  const code = readFileSync(join(dir, file), 'utf8')
  let bare = code
  for (const [start, end] of longTexts(parseAst(code))) bare = bare.slice(0, start) + bare.slice(end)
  const [all, without] = [gzip(code), gzip(bare)]
  console.log(`${file.replace('.min.js', '').padEnd(30)} ${String(all).padStart(5)}  ${String(without).padStart(13)}  ${String(all - without).padStart(10)}`)
}
