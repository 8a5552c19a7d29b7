/**
 * Jest as Stryker runs it for the `reporting` scope (`npm run mutation -- reporting`): the suites that
 * exercise the analysis step, the reporters and the cdktf bridge. They synthesize small stacks, so they are
 * kept out of the engine scopes' config (jest.mutation.config.js), where every rule or model mutant
 * would pay for them.
 */
const engine = require('./jest.mutation.config.js');

module.exports = {
  ...engine,
  testMatch: [
    '<rootDir>/__tests__/analysis/*.test.ts',
    '<rootDir>/__tests__/reporters/*.test.ts',
    '<rootDir>/__tests__/cdktf/**/*.test.ts',
    '<rootDir>/__tests__/cli/**/*.test.ts',
  ],
};
