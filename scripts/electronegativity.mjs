#!/usr/bin/env node
// Reviews the Electron configuration with @doyensec/electronegativity, prints the findings grouped
// by severity, writes them to .cache/electronegativity.csv, and fails on any HIGH finding.
//
// electronegativity scans a whole folder (only skipping node_modules), so we stage a copy of the
// project's sources without the build output, tests and caches, which are not what ships.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const runElectronegativity = require('@doyensec/electronegativity');

const NOT_SCANNED = new Set(['node_modules', 'out', 'test', 'test-results', 'release', 'dist', '.cache', '.git']);
const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];

/**
 * Findings we reviewed and judged false positives: check id -> which findings of that check.
 * Each entry is narrow on purpose, so the same check still reports anything new.
 */
const REVIEWED_FALSE_POSITIVES = new Map([
  // "No CSP has been detected" (file N/A): electronegativity only recognises a CSP in an HTML
  // <meta> tag or in a webRequest header rewrite. Ours is sent as a response header on every
  // app:// response by protocol.handle (electron/main/app-protocol.ts, policy in electron/web-assets,
  // asserted by test/unit/app-protocol.test.ts). A weak CSP it does find is still reported.
  ['CSP_GLOBAL_CHECK', (issue) => issue.file === 'N/A'],
]);
const isReviewedFalsePositive = (issue) => REVIEWED_FALSE_POSITIVES.get(issue.id)?.(issue) ?? false;

const stageDir = path.join(root, '.cache', 'electronegativity', 'src');
const csvFile = path.join(root, '.cache', 'electronegativity.csv');

stageSources();
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const { issues, errors } = await runElectronegativity(
  {
    input: stageDir,
    output: csvFile,
    isSarif: false,
    isRelative: true,
    customScan: [],
    excludeFromScan: [],
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);

const reported = issues.filter((issue) => !isReviewedFalsePositive(issue));
const suppressed = issues.length - reported.length;
report(reported, errors, suppressed);

const high = reported.filter((issue) => issue.severity.name === 'HIGH');
const unparsed = errors.filter((error) => !error.tolerable);
if (high.length > 0) console.error(`\n${high.length} HIGH finding(s): fix the shell code, do not silence the check.`);
if (unparsed.length > 0) console.error(`\n${unparsed.length} file(s) could not be parsed, so they were not reviewed.`);
process.exitCode = high.length > 0 || unparsed.length > 0 ? 1 : 0;

function stageSources() {
  fs.rmSync(stageDir, { recursive: true, force: true });
  fs.mkdirSync(stageDir, { recursive: true });
  for (const entry of fs.readdirSync(root)) {
    if (NOT_SCANNED.has(entry)) continue;
    fs.cpSync(path.join(root, entry), path.join(stageDir, entry), {
      recursive: true,
      filter: (source) =>
        !path
          .relative(root, source)
          .split(path.sep)
          .some((part) => NOT_SCANNED.has(part)),
    });
  }
}

function report(found, parseErrors, suppressedCount) {
  console.log(`electronegativity ${require('@doyensec/electronegativity/package.json').version}, Electron ${electronVersion}`);
  for (const severity of SEVERITIES) {
    const group = found.filter((issue) => issue.severity.name === severity);
    if (group.length === 0) continue;
    console.log(`\n${severity} (${group.length})`);
    for (const issue of group) {
      const where = issue.file === 'N/A' ? 'project' : `${issue.file}:${issue.location.line}:${issue.location.column}`;
      const review = issue.manualReview ? ', review' : '';
      console.log(`  ${issue.id} [${issue.confidence.name}${review}] ${where}`);
      console.log(`    ${issue.description}`);
    }
  }
  if (found.length === 0) console.log('\nNo findings.');
  if (suppressedCount > 0) console.log(`\n${suppressedCount} reviewed false positive(s) not shown (see REVIEWED_FALSE_POSITIVES).`);
  for (const error of parseErrors) console.log(`${error.tolerable ? 'warning' : 'ERROR'}: ${path.relative(stageDir, error.file)}: ${error.message}`);
  console.log(`\nCSV: ${path.relative(root, csvFile)}`);
}
