/**
 * Jest as Stryker runs it (`npm run mutation`): only the suites that exercise the policy engine without
 * synthesizing cdktf stacks. Stryker's jest runner applies its `testFiles` to the first (dry) run but not
 * to the run for each mutant, so the selection has to live in the jest config itself; otherwise every
 * mutant would also load the synth-heavy construct and stack suites (~13 s per mutant instead of ~1 s).
 */
const { join } = require('node:path');
const base = require('../../jest.config.js');

// Tests that check size limits rather than logic skip themselves under Stryker (see hostile-inputs.test.ts).
process.env.NORWAY_IAC_MUTATION_RUN = '1';

module.exports = {
  ...base,
  // This file lives in tools/config/; the tests are the project's.
  rootDir: join(__dirname, '..', '..'),
  maxWorkers: 1,
  testSequencer: '<rootDir>/__tests__/setup/mutation-sequencer.js',
  testMatch: [
    '<rootDir>/__tests__/cli/**/*.test.ts',
    '<rootDir>/__tests__/engine/**/*.test.ts',
    '<rootDir>/__tests__/model/**/*.test.ts',
    '<rootDir>/__tests__/rules/**/*.test.ts',
    '<rootDir>/__tests__/robustness/hostile-inputs.test.ts',
  ],
};
