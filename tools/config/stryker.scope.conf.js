/**
 * Stryker for one scope of `npm run mutation`: stryker.config.json with the scope's test set, the jest
 * config named by STRYKER_JEST_CONFIG (scripts/mutation.js sets it per scope). Paths in both are relative
 * to the project root, where Stryker runs.
 */
const base = require('./stryker.config.json');

module.exports = {
  ...base,
  jest: { ...base.jest, configFile: process.env.STRYKER_JEST_CONFIG ?? base.jest.configFile },
};
