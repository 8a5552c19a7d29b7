/**
 * Stryker for the `reporting` scope: stryker.config.json with the reporting suites as the test set
 * (jest.mutation-reporting.config.js). `npm run mutation -- reporting` passes this file.
 */
const base = require('./stryker.config.json');

module.exports = {
  ...base,
  jest: { ...base.jest, configFile: 'jest.mutation-reporting.config.js' },
};
