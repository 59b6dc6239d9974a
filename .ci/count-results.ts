/**
 * Reads one test runner's JSON report and its exit code, and prints "PASSED FAILED" for .ci/run to add up.
 * A run fails in more ways than a failed test, and each counts:
 *   vitest:     a failed test; a test file that failed without a failed test (an import error, a throwing
 *               beforeAll); an exit code other than 0 with nothing else failed (an unhandled error: Vitest
 *               reports those only on the console and by its exit code);
 *   playwright: an unexpected or flaky test; each of the report's top-level `errors` (a web server that never
 *               started, an error outside any test); an exit code other than 0 with nothing else failed.
 * A missing or unreadable report is one failure. Why each failure was counted goes to stderr.
 * Usage: node .ci/count-results.ts vitest|playwright REPORT EXIT_CODE
 */
import { readFileSync } from "node:fs";

interface Count {
  passed: number;
  failed: number;
  why: string[];
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; status: string; message: string; assertionResults: { status: string }[] }[];
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number };
  errors?: { message?: string }[];
}

function countVitest(report: VitestReport): Count {
  const why: string[] = [];
  if (report.numFailedTests > 0) why.push(`${report.numFailedTests} failed test(s)`);
  let brokenFiles = 0;
  for (const file of report.testResults) {
    if (file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed")) {
      brokenFiles++;
      why.push(`${file.name} failed outside its tests: ${file.message.split("\n")[0]}`);
    }
  }
  return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles, why };
}

function countPlaywright(report: PlaywrightReport): Count {
  const why: string[] = [];
  const errors = report.errors ?? [];
  if (report.stats.unexpected > 0) why.push(`${report.stats.unexpected} failed test(s)`);
  if (report.stats.flaky > 0) why.push(`${report.stats.flaky} flaky test(s)`);
  for (const error of errors) why.push(`error outside the tests: ${(error.message ?? "").split("\n")[0]}`);
  return { passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky + errors.length, why };
}

function count(runner: string, file: string, exitCode: number): Count {
  let result: Count;
  try {
    const report: unknown = JSON.parse(readFileSync(file, "utf8"));
    result = runner === "vitest" ? countVitest(report as VitestReport) : countPlaywright(report as PlaywrightReport);
  } catch (error) {
    return { passed: 0, failed: 1, why: [`no readable ${runner} report at ${file}: ${(error as Error).message}`] };
  }
  if (exitCode !== 0 && result.failed === 0) {
    result.failed = 1;
    result.why.push(`${runner} exited ${exitCode} with no failed test in its report (an unhandled error?)`);
  }
  return result;
}

const [runner, file, exitCode] = process.argv.slice(2);
if ((runner !== "vitest" && runner !== "playwright") || !file || !/^\d+$/.test(exitCode ?? "")) {
  console.error("usage: node .ci/count-results.ts vitest|playwright REPORT EXIT_CODE");
  process.exit(2);
}
const result = count(runner, file, Number(exitCode));
for (const line of result.why) console.error(`!!! ${runner}: ${line}`);
console.log(`${result.passed} ${result.failed}`);
