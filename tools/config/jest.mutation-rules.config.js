/**
 * Jest as Stryker runs it for the `rules` scope (`npm run mutation -- rules`): the rule tables and the
 * engine tests, without the loader, HCL, CLI and hostile-input suites. Those run every rule end to end,
 * so they cover most rule mutants, and loading them (the HCL parser is WebAssembly) would cost each
 * mutant seconds. Leaving them out can only lower the score, never raise it.
 */
const engine = require('./jest.mutation.config.js');

module.exports = {
  ...engine,
  testMatch: ['<rootDir>/__tests__/rules/**/*.test.ts', '<rootDir>/__tests__/engine/**/*.test.ts'],
};
