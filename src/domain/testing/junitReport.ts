import type { FlowTestResult } from './runFlowTest';

const escape = (s: string) =>
  s
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    // XML 1.0 cannot carry most control characters, even escaped: they are dropped.
    .split('')
    .filter((c) => c >= ' ' || c === '\n' || c === '\t' || c === '\r')
    .join('');

/** A difference as one line: "Path, step 4: expected “Fine”, got “Sorry”". */
export function describeDifference(d: FlowTestResult['differences'][number]): string {
  return `${d.step ? `(step ${d.step}) ` : ''}${d.what}: expected ${d.expected}, got ${d.actual}`;
}

/** JUnit XML as CI systems read it: one testsuite per flow, one testcase per test, each failure's differences. */
export function junitReport(suite: string, results: readonly (FlowTestResult & { ms: number })[]): string {
  const failures = results.filter((r) => !r.passed).length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = results.reduce((s, r) => s + r.ms, 0);
  const cases = results.map((r) => {
    const open = `    <testcase classname="${escape(suite)}" name="${escape(r.name)}" time="${seconds(r.ms)}"`;
    if (r.passed) return `${open}/>`;
    const first = r.differences[0]!;
    return `${open}>\n      <failure message="${escape(describeDifference(first))}" type="${escape(first.what)}">${escape(r.differences.map(describeDifference).join('\n'))}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="switchboard" tests="${results.length}" failures="${failures}" time="${seconds(total)}">`,
    `  <testsuite name="${escape(suite)}" tests="${results.length}" failures="${failures}" errors="0" skipped="0" time="${seconds(total)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
