/** scripts/test-cdktn.js: the package.json it installs CDK Terrain from, and how it refuses bad arguments. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/test-cdktn.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { terrainPackageJson } = require(SCRIPT) as { terrainPackageJson: (pkg: unknown) => PackageJson };

interface PackageJson {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  overrides?: Record<string, unknown>;
}

const CHECKOUT: PackageJson = {
  scripts: {
    prepare: 'tsc -p tsconfig.build.json',
    synth: 'CHECKPOINT_DISABLE=1 cdktf synth',
    deploy: 'cdktf deploy --auto-approve',
    typecheck: 'tsc --noEmit',
  },
  dependencies: {
    '@cdktf/hcl2json': '0.21.0',
    '@cdktf/provider-azuread': '14.3.1',
    '@cdktf/provider-azurerm': '14.23.1',
    cdktf: '0.21.0',
    constructs: '10.8.1',
  },
  devDependencies: { 'cdktf-cli': '0.21.0', jest: '30.5.2' },
};

describe('terrainPackageJson', () => {
  const terrain = terrainPackageJson(CHECKOUT);

  test('aliases cdktf, its CLI and the azurerm provider to CDK Terrain, and adds cdktn itself', () => {
    expect(terrain.dependencies).toEqual({
      '@cdktf/hcl2json': '0.21.0',
      '@cdktf/provider-azuread': '14.3.1',
      '@cdktf/provider-azurerm': 'npm:@cdktn/provider-azurerm@16.1.0',
      cdktf: 'npm:cdktn@0.24.0',
      cdktn: '0.24.0',
      constructs: '10.8.1',
    });
    expect(terrain.devDependencies).toEqual({ 'cdktf-cli': 'npm:cdktn-cli@0.24.0', jest: '30.5.2' });
  });

  test('overrides the peer ranges with the versions it installs', () => {
    expect(terrain.overrides).toEqual({ cdktn: '$cdktn', cdktf: '$cdktf', constructs: '$constructs' });
  });

  test('calls the CLI by its new name and leaves the build to the leg', () => {
    expect(terrain.scripts).toEqual({
      synth: 'CHECKPOINT_DISABLE=1 cdktn synth',
      deploy: 'cdktn deploy --auto-approve',
      typecheck: 'tsc --noEmit',
    });
  });

  test('leaves the package.json it was given as it was', () => {
    expect(CHECKOUT.dependencies?.cdktf).toBe('0.21.0');
    expect(CHECKOUT.scripts?.prepare).toBe('tsc -p tsconfig.build.json');
  });

  test.each(['cdktf', 'cdktf-cli', '@cdktf/provider-azurerm'])(
    'fails when package.json has no %s',
    (name) => {
      const pkg = JSON.parse(JSON.stringify(CHECKOUT)) as PackageJson;
      delete pkg.dependencies?.[name];
      delete pkg.devDependencies?.[name];
      expect(() => terrainPackageJson(pkg)).toThrow(
        `package.json does not depend on '${name}'; update scripts/test-cdktn.js`,
      );
    },
  );
});

describe('node scripts/test-cdktn.js with bad arguments', () => {
  test.each([
    [
      ['--bogus'],
      "test:cdktn: unknown argument '--bogus'; usage: node scripts/test-cdktn.js [--reference <cdktf.out>]\n",
    ],
    [
      ['--reference'],
      'test:cdktn: --reference needs a directory; usage: node scripts/test-cdktn.js [--reference <cdktf.out>]\n',
    ],
    [
      ['--reference', 'no-such-dir'],
      `test:cdktn: --reference ${path.join(ROOT, 'no-such-dir')} has no manifest.json; run 'npm run synth' first\n`,
    ],
  ])('%j: exit 1 with one line, before installing anything', (args, stderr) => {
    const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      status: 1,
      stdout: '',
      stderr,
    });
  });
});

test('fails when CDKTN_SCRATCH is a directory it did not make, and leaves that directory alone', () => {
  // GIVEN a directory with someone's file in it
  const dir = mkdtempSync(path.join(tmpdir(), 'norway-not-scratch-'));
  writeFileSync(path.join(dir, 'notes.txt'), 'mine');
  // WHEN the leg is pointed at it
  const result = spawnSync(process.execPath, [SCRIPT], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CDKTN_SCRATCH: dir },
  });
  // THEN
  expect({ status: result.status, stderr: result.stderr }).toEqual({
    status: 1,
    stderr: `test:cdktn: ${dir} is not empty and not a scratch copy of this leg; choose another CDKTN_SCRATCH\n`,
  });
  expect(readdirSync(dir)).toEqual(['notes.txt']);
});
