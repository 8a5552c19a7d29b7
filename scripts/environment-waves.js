#!/usr/bin/env node
/**
 * Splits the deployment waves of `norway-policy stacks <cdktf.out>` (JSON on stdin) by environment, so
 * CI applies every dev stack before any prod stack: prints `<env>-wave-<n>=[...]` lines for
 * $GITHUB_OUTPUT. A stack's environment is the `environment` tag its resources carry (NorwayStack's
 * default tags). A stack with none, or one of an environment not listed, fails the step: it would
 * otherwise never be deployed.
 *
 * usage: norway-policy stacks cdktf.out | node scripts/environment-waves.js cdktf.out dev,prod 4
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

/** The environment tag of a stack's resources, or undefined when none or more than one. */
function stackEnvironment(outdir, stack) {
  const json = JSON.parse(readFileSync(join(outdir, stack.directory, 'cdk.tf.json'), 'utf8'));
  const found = new Set();
  for (const instances of Object.values(json.resource ?? {}))
    for (const body of Object.values(instances))
      if (body && typeof body.tags === 'object' && typeof body.tags.environment === 'string')
        found.add(body.tags.environment);
  return found.size === 1 ? [...found][0] : undefined;
}

/** `{ lines, problems }`: one output line per environment and wave (empty waves as `[]`). */
function environmentWaves(plan, outdir, environments, maxWaves) {
  const problems = [];
  const envOf = new Map();
  const byName = new Map(plan.stacks.map((s) => [s.name, s]));
  for (const stack of plan.stacks) {
    if (stack.bootstrap) continue;
    let env = stackEnvironment(outdir, stack);
    // A stack that spans environments (the identity stack: its eligibilities reach every environment's
    // resource groups) has no tag of its own; it goes with the last environment, after all of them.
    if (env === undefined) {
      const reached = new Set(
        (stack.dependencies ?? [])
          .map((d) => byName.get(d))
          .filter((d) => d && !d.bootstrap)
          .map((d) => stackEnvironment(outdir, d)),
      );
      if (reached.size > 1 && [...reached].every((e) => environments.includes(e)))
        env = environments[environments.length - 1];
    }
    if (env === undefined || !environments.includes(env))
      problems.push(
        `stack ${stack.name} has ${env === undefined ? 'no single environment tag' : `environment ${env}, not one of ${environments.join(', ')}`}`,
      );
    envOf.set(stack.name, env);
  }
  const lines = [];
  for (const env of environments) {
    const waves = plan.waves
      .map((wave) => wave.filter((name) => envOf.get(name) === env))
      .filter((w) => w.length > 0);
    if (waves.length > maxWaves)
      problems.push(`${env} needs ${waves.length} deployment waves; the workflow runs ${maxWaves}`);
    for (let i = 0; i < maxWaves; i++) lines.push(`${env}-wave-${i + 1}=${JSON.stringify(waves[i] ?? [])}`);
  }
  return { lines, problems };
}

module.exports = { environmentWaves, stackEnvironment };

if (require.main === module) {
  const [outdir, envs, max] = process.argv.slice(2);
  try {
    if (!outdir || !envs || !/^\d+$/.test(max ?? ''))
      throw new Error('usage: environment-waves.js <cdktf.out> <env,env> <max-waves>');
    const { lines, problems } = environmentWaves(
      JSON.parse(readFileSync(0, 'utf8')),
      outdir,
      envs.split(','),
      Number(max),
    );
    if (problems.length > 0) throw new Error(problems.join('; '));
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (error) {
    process.stderr.write(`environment-waves: ${error.message}\n`);
    process.exitCode = 2;
  }
}
