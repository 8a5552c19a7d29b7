/**
 * Jest as Stryker runs it for the `model` scope (`npm run mutation -- model`): the suites written for the
 * loaders, the resolver and the inputs the CLI reads, without the rule tables. Every model mutant is
 * covered by nearly every test, and jest cannot stop at the first failure under Stryker, so each mutant
 * would otherwise run all ~930 engine tests (~7 s). The rule tables exercise the resolver too; leaving
 * them out can only lower the score, never raise it.
 */
const engine = require('./jest.mutation.config.js');

module.exports = {
  ...engine,
  testMatch: engine.testMatch.filter((pattern) => !pattern.includes('/rules/')),
};
