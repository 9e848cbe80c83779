// Prints vitest's JSON report as the plain closing line CI reads: `N passed, N failed`.
import { existsSync, readFileSync } from 'node:fs'

const file = process.argv[2] ?? '.vitest-report.json'
if (!existsSync(file)) {
  console.log('0 passed, 1 failed')
  console.error(`no test report at ${file}: the test run did not finish`)
  process.exit(1)
}
const report = JSON.parse(readFileSync(file, 'utf8'))
const failedSuites = report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length
const failed = report.numFailedTests + failedSuites
const skipped = report.numPendingTests + report.numTodoTests
console.log(`${report.numPassedTests} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || report.numPassedTests === 0 ? 1 : 0)
