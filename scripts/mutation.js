#!/usr/bin/env node
/**
 * `npm run mutation [-- <scope>...]`: Stryker over `policies/`, one scope at a time, then the score.
 *
 * Scopes run one after another so that each leaves its own report (reports/mutation/<scope>.json) and
 * incremental file: a long run that is stopped keeps the scopes it finished, and a later run re-tests only
 * what changed. `npm run mutation -- --summary` prints the score table from the reports already there.
 */
const { spawnSync } = require('node:child_process');
const { copyFileSync, existsSync, mkdirSync, readFileSync } = require('node:fs');
const { basename, join } = require('node:path');

const ROOT = join(__dirname, '..');
/** Stryker's and the mutation runs' jest configs, out of the root (paths relative to ROOT). */
const CONFIG = 'tools/config';
const OUT = join(ROOT, 'reports', 'mutation');
/** What each scope mutates, and the jest config that picks its test suites. */
const SCOPES = {
  rules: { mutate: ['policies/rules/**/*.ts'], jest: `${CONFIG}/jest.mutation-rules.config.js` },
  engine: {
    mutate: ['policies/engine/**/*.ts', 'policies/cli.ts'],
    jest: `${CONFIG}/jest.mutation.config.js`,
  },
  model: { mutate: ['policies/model/**/*.ts'], jest: `${CONFIG}/jest.mutation-model.config.js` },
  // The analysis step, the reporters and the cdktf bridge: their suites synthesize small stacks, so they get their own set.
  reporting: {
    mutate: ['policies/analysis/**/*.ts', 'policies/reporters/**/*.ts', 'policies/cdktf/**/*.ts'],
    jest: `${CONFIG}/jest.mutation-reporting.config.js`,
  },
};

/** Stryker's statuses that count as "the tests noticed" and those that do not. */
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`mutation: \`${command} ${args.join(' ')}\` exited with ${result.status ?? result.signal}`);
    process.exit(result.status ?? 1);
  }
}

/**
 * Every test's full name per file, for the test sequencer that lets each mutant load only its test files.
 * One index per jest config; written once per `npm run mutation`.
 */
const indexes = new Map();
function testIndex(jestConfig) {
  if (indexes.has(jestConfig)) return indexes.get(jestConfig);
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `test-index-${basename(jestConfig).replace(/\.config\.js$/, '')}.json`);
  run('npx', ['jest', '-c', jestConfig, '--silent', '--json', `--outputFile=${file}`]);
  indexes.set(jestConfig, file);
  return file;
}

function runScope(scope) {
  const { mutate, jest } = SCOPES[scope];
  run(
    'npx',
    [
      'stryker',
      'run',
      `${CONFIG}/stryker.scope.conf.js`,
      '--mutate',
      mutate.join(','),
      '--incrementalFile',
      join(OUT, `${scope}-incremental.json`),
    ],
    { STRYKER_TEST_INDEX: testIndex(jest), STRYKER_JEST_CONFIG: jest },
  );
  copyFileSync(join(OUT, 'mutation.json'), join(OUT, `${scope}.json`));
}

function count(report) {
  const totals = { detected: 0, undetected: 0, survived: 0, timeout: 0 };
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) {
      if (DETECTED.has(mutant.status)) totals.detected++;
      if (UNDETECTED.has(mutant.status)) totals.undetected++;
      if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') totals.survived++;
      if (mutant.status === 'Timeout') totals.timeout++;
    }
  }
  return totals;
}

function percent(detected, undetected) {
  const valid = detected + undetected;
  return valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(1)}%`;
}

function summary() {
  const rows = [];
  const all = { detected: 0, undetected: 0, timeout: 0 };
  for (const scope of Object.keys(SCOPES)) {
    const file = join(OUT, `${scope}.json`);
    if (!existsSync(file)) {
      rows.push(`| ${scope} | not run | | | | |`);
      continue;
    }
    const t = count(JSON.parse(readFileSync(file, 'utf8')));
    all.detected += t.detected;
    all.undetected += t.undetected;
    all.timeout += t.timeout;
    rows.push(
      `| ${scope} | ${t.detected + t.undetected} | ${t.detected} | ${t.timeout} | ${t.undetected} | ${percent(t.detected, t.undetected)} |`,
    );
  }
  console.log('| scope | mutants | detected | of which timed out | survived or uncovered | score |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
  console.log(
    `| all | ${all.detected + all.undetected} | ${all.detected} | ${all.timeout} | ${all.undetected} | ${percent(all.detected, all.undetected)} |`,
  );
}

const args = process.argv.slice(2);
if (args.includes('--summary')) {
  summary();
} else {
  const unknown = args.filter((scope) => !(scope in SCOPES));
  if (unknown.length > 0) {
    console.error(
      `mutation: unknown scope ${unknown.join(', ')}; scopes are ${Object.keys(SCOPES).join(', ')}`,
    );
    process.exit(2);
  }
  for (const scope of args.length > 0 ? args : Object.keys(SCOPES)) runScope(scope);
  summary();
}
