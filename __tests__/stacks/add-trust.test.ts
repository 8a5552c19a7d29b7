/** docs/deploy.md promises: adding a trust adds two stacks and changes none. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App } from 'cdktf';
import { loadConfig } from '../../stacks/config/load';
import type { PlatformConfig } from '../../stacks/config/schema';
import { buildPlatform } from '../../stacks/platform-app';

function synth(config: PlatformConfig): { dir: string; stacks: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'norway-add-trust-'));
  const app = new App({ outdir: dir });
  // Structure only: the policy over the default platform is checked in platform.test.ts.
  buildPlatform(app, config, { policy: { rules: [] } });
  app.synth();
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  return { dir, stacks: Object.keys(manifest.stacks).sort() };
}

const read = (dir: string, stack: string) =>
  readFileSync(path.join(dir, 'stacks', stack, 'cdk.tf.json'), 'utf8');

test('adding a trust to the configuration adds its two workload stacks and leaves every other stack as it was', () => {
  // GIVEN the default configuration, and the same with one more trust
  const { config } = loadConfig({ env: {} });
  const nordvik = {
    name: 'nordvik',
    code: 'nvk',
    environments: {
      dev: { addressSpace: '10.0.16.0/22', instances: 1, vmSize: 'Standard_D2s_v5' },
      prod: { addressSpace: '10.64.16.0/22', instances: 2, vmSize: 'Standard_D2s_v5' },
    },
    apps: {},
  };
  // WHEN both are synthesized
  const before = synth(config);
  const after = synth({ ...config, trusts: [...config.trusts, nordvik] });

  // THEN there are two new stacks and no existing stack changed by a byte
  expect(after.stacks.filter((s) => !before.stacks.includes(s))).toEqual([
    'workload-nordvik-dev',
    'workload-nordvik-prod',
  ]);
  expect(before.stacks.filter((s) => !after.stacks.includes(s))).toEqual([]);
  for (const stack of before.stacks)
    expect({ stack, same: read(after.dir, stack) === read(before.dir, stack) }).toEqual({
      stack,
      same: true,
    });
  expect(JSON.parse(read(after.dir, 'workload-nordvik-prod')).terraform.backend.azurerm.key).toBe(
    'workload-nordvik-prod.tfstate',
  );
});
