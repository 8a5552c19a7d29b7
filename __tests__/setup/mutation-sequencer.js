/**
 * Test sequencer for Stryker's runs (`npm run mutation`): runs only the test files that hold a test
 * covering the active mutant.
 *
 * Why: Stryker's jest runner selects the covering tests with `--testNamePattern`, but jest still loads
 * every test file to find them (~2.6 s per mutant for the engine suites, most of the cost). `npm run
 * mutation` first lists every test's full name per file (`jest --json`) into the file named by
 * STRYKER_TEST_INDEX; here the pattern is matched against that list. It falls back to "run every file"
 * (slower, never wrong) without the index, without a pattern, or when a covering test is not in the index.
 */
const { readFileSync } = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

let indexCache;

/** Map of test file path → full names of its tests, or undefined when no index was given. */
function testIndex() {
  if (indexCache !== undefined) return indexCache || undefined;
  indexCache = null;
  const file = process.env.STRYKER_TEST_INDEX;
  if (!file) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  indexCache = new Map(
    report.testResults.map((suite) => [suite.name, suite.assertionResults.map((test) => test.fullName)]),
  );
  return indexCache;
}

/** As Stryker escapes test names for the pattern. */
const escapeRegExp = (name) => name.replace(/[.*+\-?^${}()|[\]\\]/g, '\\$&');

/** Stryker runs jest inside a sandbox copy of the project; the index names files in the project itself. */
function projectPath(sandboxPath) {
  return sandboxPath.replace(/\/\.stryker-tmp\/sandbox-[^/]+\//, '/');
}

class MutationSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.namePattern = options.globalConfig.testNamePattern;
  }

  sort(tests) {
    const index = testIndex();
    if (!index || !this.namePattern) return super.sort(tests);
    // Stryker joins the escaped names of the covering tests as `(name)|(name)…`; an escaped name never
    // contains `)|(` unescaped. Jest matches case-insensitively against each test's full name.
    const known = new Set([...index.values()].flat().map(escapeRegExp));
    // A test the index does not know (it was written after the index): run every file.
    if (
      !this.namePattern
        .slice(1, -1)
        .split(')|(')
        .every((name) => known.has(name))
    )
      return super.sort(tests);
    const pattern = new RegExp(this.namePattern, 'i');
    const covering = tests.filter((test) => {
      const names = index.get(projectPath(test.path));
      return names === undefined || names.some((full) => pattern.test(full));
    });
    return super.sort(covering);
  }
}

module.exports = MutationSequencer;
