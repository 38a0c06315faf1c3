// Prints "tests: N passed, M failed" from Vitest's JSON report; exits 1 when anything failed or
// when there is no report (the build or type check stopped the run before any test).
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results/vitest.json';
if (!existsSync(file)) {
  console.log(`no test report at ${file}: the type check or build failed before the tests ran`);
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const failedSuites = report.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
const failed = report.numFailedTests + failedSuites;
console.log(`tests: ${report.numPassedTests} passed, ${failed} failed`);
process.exit(failed > 0 || !report.success ? 1 : 0);
