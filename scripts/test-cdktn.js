#!/usr/bin/env node
/**
 * `npm run test:cdktn`: run this checkout on CDK Terrain instead of cdktf (docs/cdktn.md).
 *
 * A scratch copy of the checkout gets npm aliases (`cdktf` → `cdktn`, `cdktf-cli` → `cdktn-cli`,
 * `@cdktf/provider-azurerm` → `@cdktn/provider-azurerm`), so no import changes and the working tree's
 * package-lock.json stays untouched. Then: build, type-check, `npm run synth`, the policy CLI over what
 * synth wrote, and the whole jest suite, with the synth-parity test comparing against cdktf's output.
 *
 * Usage: node scripts/test-cdktn.js [--reference <cdktf.out written by cdktf>]
 * Without --reference the cdktf output is synthesized first, into the scratch directory.
 * CDKTN_SCRATCH overrides the scratch directory (default: <tmpdir>/norway-iac-cdktn-<hash>).
 */
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CDKTN = '0.24.0';
const CDKTN_CLI = '0.24.0';
const CDKTN_AZURERM = '16.1.0';
// A provider with a cdktn build is aliased to it; any other `@cdktf/provider-*` (azuread) keeps its
// cdktf build, whose `cdktf` peer then resolves to the aliased CDK Terrain (see the overrides below).
const ALIASES = {
  cdktf: `npm:cdktn@${CDKTN}`,
  'cdktf-cli': `npm:cdktn-cli@${CDKTN_CLI}`,
  '@cdktf/provider-azurerm': `npm:@cdktn/provider-azurerm@${CDKTN_AZURERM}`,
};
// cdktn-cli 0.24 declares node >=22.19; on older Node it dies at start-up without this one function.
const NODE_SHIM = path.join(__dirname, 'test-cdktn.node-shim.js');

const SCRATCH_MARKER = '.norway-iac-cdktn';

const root = path.resolve(__dirname, '..');

class LegError extends Error {}

function fail(message) {
  throw new LegError(message);
}

function parseArgs(argv) {
  const args = { reference: undefined };
  const usage = 'usage: node scripts/test-cdktn.js [--reference <cdktf.out>]';
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] !== '--reference') fail(`unknown argument '${argv[i]}'; ${usage}`);
    if (!argv[i + 1]) fail(`--reference needs a directory; ${usage}`);
    args.reference = path.resolve(argv[++i]);
  }
  if (args.reference && !fs.existsSync(path.join(args.reference, 'manifest.json')))
    fail(`--reference ${args.reference} has no manifest.json; run 'npm run synth' first`);
  return args;
}

function run(step, command, commandArgs, options = {}) {
  const started = Date.now();
  process.stdout.write(`\n[test:cdktn] ${step}: ${[command, ...commandArgs].join(' ')}\n`);
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', ...options });
  if (result.error) fail(`${step}: could not start '${command}' (${result.error.message})`);
  if (result.status !== 0) fail(`${step} failed (exit ${result.status ?? result.signal})`);
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`[test:cdktn] ${step} took ${seconds.toFixed(1)} s\n`);
}

function listCheckoutFiles() {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (listed.status !== 0) fail(`'git ls-files' failed in ${root}: the leg copies a git checkout`);
  // A file deleted in the working tree but not yet in the index is listed and missing: skip it.
  return listed.stdout.split('\0').filter((file) => file && fs.existsSync(path.join(root, file)));
}

/** The checkout's package.json with CDK Terrain in place of cdktf. Throws if cdktf is not where it was. */
function terrainPackageJson(pkg) {
  const out = JSON.parse(JSON.stringify(pkg));
  for (const [name, alias] of Object.entries(ALIASES)) {
    const section = ['dependencies', 'devDependencies'].find((key) => out[key]?.[name]);
    if (!section) fail(`package.json does not depend on '${name}'; update scripts/test-cdktn.js`);
    out[section][name] = alias;
  }
  // The cdktn provider bindings `require("cdktn")`; after install `cdktf` is linked to this same copy.
  out.dependencies = { ...out.dependencies, cdktn: CDKTN };
  // The cdktn provider peers on cdktn ^0.23 and cdktn on constructs <10.8, but only cdktn 0.24 is served
  // and the project pins constructs 10.8; cdktf-only providers peer on cdktf ^0.21.
  out.overrides = { ...out.overrides, cdktn: '$cdktn', cdktf: '$cdktf', constructs: '$constructs' };
  // cdktn-cli installs the command `cdktn`, not `cdktf` (the one rename a user makes in scripts).
  for (const [name, script] of Object.entries(out.scripts ?? {}))
    out.scripts[name] = script.replace(/\bcdktf (synth|deploy|diff|get|destroy|output)\b/g, 'cdktn $1');
  // `prepare` builds dist/; the leg builds explicitly, after the install.
  if (out.scripts) delete out.scripts.prepare;
  return out;
}

function prepareScratch(scratch) {
  fs.mkdirSync(scratch, { recursive: true });
  // The copy is emptied below: never empty a directory this script did not make (a mistyped CDKTN_SCRATCH).
  const marker = path.join(scratch, SCRATCH_MARKER);
  if (!fs.existsSync(marker) && fs.readdirSync(scratch).length > 0)
    fail(`${scratch} is not empty and not a scratch copy of this leg; choose another CDKTN_SCRATCH`);
  fs.writeFileSync(marker, 'scratch copy of scripts/test-cdktn.js: deleted and rewritten on every run\n');
  // Keep node_modules between runs (the install is the slow part); everything else is copied afresh.
  for (const entry of fs.readdirSync(scratch))
    if (!['node_modules', '.installed.json', SCRATCH_MARKER].includes(entry))
      fs.rmSync(path.join(scratch, entry), { recursive: true, force: true });
  for (const file of listCheckoutFiles()) {
    const target = path.join(scratch, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(root, file), target);
  }
  const pkg = terrainPackageJson(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')));
  fs.writeFileSync(path.join(scratch, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  return pkg;
}

function install(scratch, pkg, env) {
  const stampFile = path.join(scratch, '.installed.json');
  const lock = fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8');
  const stamp = crypto.createHash('sha256').update(JSON.stringify(pkg)).update(lock).digest('hex');
  const previous = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : '';
  if (previous !== stamp || !fs.existsSync(path.join(scratch, 'node_modules', 'cdktn'))) {
    fs.rmSync(stampFile, { force: true });
    // The checkout's lock was copied in: everything but the aliased packages stays at its locked version.
    // Install scripts are not run here, as in the project (docs: npm 11 allowScripts).
    run('install', 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: scratch,
      env,
    });
    fs.writeFileSync(stampFile, stamp);
  } else {
    process.stdout.write('\n[test:cdktn] install: node_modules matches package.json and the lock, kept\n');
  }
  // One copy of the framework: `cdktf` (our imports, azuread) and `cdktn` (the azurerm bindings) must be
  // the same module, or constructs would carry classes and token maps from two different copies.
  const cdktf = path.join(scratch, 'node_modules', 'cdktf');
  fs.rmSync(cdktf, { recursive: true, force: true });
  fs.symlinkSync('cdktn', cdktf, 'dir');
}

function readPackage(scratch, name) {
  const file = path.join(scratch, 'node_modules', name, 'package.json');
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** What the leg runs on, printed, and checked: a leg that silently ran cdktf would prove nothing. */
function reportVersions(scratch) {
  const framework = readPackage(scratch, 'cdktf');
  const cli = readPackage(scratch, 'cdktf-cli');
  const lines = [`node ${process.versions.node}`];
  if (framework?.name !== 'cdktn') fail(`'cdktf' resolves to ${framework?.name ?? 'nothing'}, not cdktn`);
  if (cli?.name !== 'cdktn-cli') fail(`'cdktf-cli' resolves to ${cli?.name ?? 'nothing'}, not cdktn-cli`);
  lines.push(`framework ${framework.name} ${framework.version}`, `cli ${cli.name} ${cli.version}`);
  const providersDir = path.join(scratch, 'node_modules', '@cdktf');
  for (const entry of fs
    .readdirSync(providersDir)
    .filter((name) => name.startsWith('provider-'))
    .sort()) {
    const provider = readPackage(scratch, `@cdktf/${entry}`);
    const terraform = (provider.cdktn ?? provider.cdktf)?.provider;
    const build = provider.name.startsWith('@cdktn/')
      ? 'cdktn build'
      : 'cdktf build, cdktf resolved to cdktn';
    lines.push(
      `provider ${provider.name} ${provider.version} (${terraform?.name} ${terraform?.version}; ${build})`,
    );
  }
  process.stdout.write(`\n[test:cdktn] running on:\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const scratch =
    process.env.CDKTN_SCRATCH ??
    path.join(
      os.tmpdir(),
      `norway-iac-cdktn-${crypto.createHash('sha256').update(root).digest('hex').slice(0, 8)}`,
    );
  if (path.resolve(scratch) === root) fail('CDKTN_SCRATCH must not be the checkout itself');
  process.stdout.write(`[test:cdktn] checkout ${root}\n[test:cdktn] scratch copy ${scratch}\n`);

  const env = { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' };
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 19)) {
    env.NODE_OPTIONS =
      `${env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(NODE_SHIM)} --max-old-space-size=4096`.trim();
  }

  const pkg = prepareScratch(scratch);
  // cdktf's output for the parity test: synthesized by the checkout itself (its own node_modules).
  const reference = args.reference ?? path.join(scratch, 'cdktf-reference.out');
  if (!args.reference) {
    run('reference synth on cdktf', 'npx', ['cdktf', 'synth', '--output', reference], {
      cwd: root,
      env: { ...env, NODE_OPTIONS: process.env.NODE_OPTIONS ?? '' },
    });
  }
  install(scratch, pkg, env);
  reportVersions(scratch);
  // The compiled CLI the jest suite runs; TypeScript 7's emit takes 1 s where `npm run build` (5.9) takes 8.
  run('build', 'node', ['node_modules/typescript-native/bin/tsc', '-p', 'tsconfig.build.json'], {
    cwd: scratch,
    env,
  });
  run('type-check', 'npm', ['run', 'typecheck'], { cwd: scratch, env });
  run('synth', 'npm', ['run', 'synth'], { cwd: scratch, env });
  run('policy check of the synthesized platform', 'node', ['bin/norway-policy.js', 'check', 'cdktf.out'], {
    cwd: scratch,
    env,
  });
  run('jest (the whole suite, with the synth-parity test)', 'npx', ['jest'], {
    cwd: scratch,
    env: {
      ...env,
      NORWAY_IAC_PARITY_REFERENCE: reference,
      NORWAY_IAC_PARITY_CANDIDATE: path.join(scratch, 'cdktf.out'),
    },
  });
  reportVersions(scratch);
  process.stdout.write(`\n[test:cdktn] passed in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    if (!(error instanceof LegError)) throw error;
    process.stderr.write(`test:cdktn: ${error.message}\n`);
    process.exit(1);
  }
}

module.exports = { terrainPackageJson, parseArgs, LegError };
