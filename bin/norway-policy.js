#!/usr/bin/env node
// Runs the compiled CLI (built by `npm ci` through the `prepare` script): no TypeScript at run time.
'use strict';
let cli;
try {
  // V8 settings for one pass over the inputs, before the CLI's code loads (see policies/cli-runtime.ts).
  require('../dist/policies/cli-runtime.js').tuneForOneRun();
  cli = require('../dist/policies/cli.js');
} catch (error) {
  process.stderr.write(
    `norway-policy: the compiled CLI is missing (${error.code || error.message}); run 'npm run build'.\n`,
  );
  process.exit(2);
}
// A reader that stops early (`norway-policy rules | head`) closes the pipe: stop quietly, keep the exit code.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = cli.runCli(process.argv.slice(2));
