#!/usr/bin/env node
/**
 * `npm run checks`: the type check, lint and format check of `npm test`, side by side. Each is one
 * process with one busy thread for most of its run, so on a two-core machine running them together
 * takes about as long as the slowest alone. Each check's output is printed whole once it ends, so the
 * outputs never interleave; the exit code is the first failing check's, or 0.
 */
'use strict';
const { spawn } = require('node:child_process');

/** The npm scripts run side by side; others may be named on the command line. */
const CHECKS = ['typecheck', 'lint', 'format:check'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ script, code: 1, output: `${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ script, code: code ?? 1, output, signal }));
  });
}

function main(scripts) {
  return Promise.all(scripts.map(run)).then((results) => {
    let failed = 0;
    for (const { script, code, output, signal } of results) {
      if (output.trim() !== '') process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
      if (code !== 0) {
        process.stderr.write(`checks: npm run ${script} failed (${signal ?? `exit ${code}`})\n`);
        failed = failed || code;
      }
    }
    process.exitCode = failed;
  });
}

if (require.main === module) main(process.argv.length > 2 ? process.argv.slice(2) : CHECKS);
module.exports = { CHECKS };
