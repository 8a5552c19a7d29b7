#!/usr/bin/env node
// Runs the compiled CLI (built by `npm ci` through the `prepare` script): no TypeScript at run time.
'use strict';
let cli;
try {
  cli = require('../dist/policies/cli.js');
} catch (error) {
  process.stderr.write(`norway-policy: the compiled CLI is missing (${error.code || error.message}); run 'npm run build'.\n`);
  process.exit(2);
}
process.exitCode = cli.runCli(process.argv.slice(2));
