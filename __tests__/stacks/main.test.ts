/** main.ts, as `cdktf synth` runs it: a bad configuration stops synth with one line per problem. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

test('fails with exit code 1 and the configuration problems on stderr, writing no stacks', () => {
  // GIVEN a configuration with a region outside Norway and DR zones in Norway West
  const dir = mkdtempSync(path.join(tmpdir(), 'norway-main-'));
  const file = path.join(dir, 'bad.yaml');
  writeFileSync(
    file,
    [
      'organisation: { name: Test, code: tst }',
      'compute: { sshPublicKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOieCj8LcWCAl9iK/T5rN3r7y54GPdvfZ11zfpTHJQUw k"] }',
      'state: { resourceGroupName: rg-tst-tfstate, storageAccountName: sttsttfstate }',
      'environments:',
      '  - name: prod',
      '    primary: { region: westeurope, hubAddressSpace: 10.0.0.0/22 }',
      '    dr: { region: norwaywest, hubAddressSpace: 10.1.0.0/22, zones: ["1"] }',
      'trusts:',
      '  - { name: a, code: aa, environments: { prod: { addressSpace: 10.2.0.0/22 } } }',
    ].join('\n'),
  );
  // WHEN main.ts runs as the cdktf app
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register', 'main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NORWAY_IAC_CONFIG: file, CDKTF_OUTDIR: path.join(dir, 'out') },
    encoding: 'utf8',
  });
  // THEN
  expect(result.status).toBe(1);
  expect(result.stderr).toBe(
    `Configuration ${file} has 4 problems:\n` +
      `  - access: missing: name the home tenant, the approved public ranges and the admin groups (see config/default.yaml)\n` +
      `  - environments[0].primary.region: "westeurope" is not a Norway region: Azure would place it outside Norway. Allowed: 'norwayeast' (Norway East) or 'norwaywest' (Norway West).\n` +
      `  - trusts[0].name: a trust name is 2-24 lower-case letters, digits or hyphens\n` +
      `  - environments[0].dr.zones: norwaywest (Norway West) has no availability zones; remove zones\n`,
  );
});
