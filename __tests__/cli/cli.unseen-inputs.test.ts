/**
 * What the engine cannot see is never a pass: inputs that would be read only in part are refused with
 * one line naming the file and what to check instead.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../policies/cli';

function check(files: Record<string, string>): { code: number; stderr: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'unseen-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  let stderr = '';
  const code = runCli(['check', dir], { stdout: () => undefined, stderr: (t) => (stderr += t) });
  return { code, stderr, dir };
}

const RG = JSON.stringify({
  resource: { azurerm_resource_group: { rg: { name: 'rg', location: 'norwayeast' } } },
});

describe('inputs read only in part are refused', () => {
  test('a module block in synthesized JSON (a registry module)', () => {
    const { code, stderr, dir } = check({
      'cdk.tf.json': JSON.stringify({
        module: { network: { source: 'Azure/vnet/azurerm', version: '4.1.0', location: 'eastus' } },
      }),
    });
    expect(code).toBe(2);
    expect(stderr).toBe(
      `norway-policy: ${join(dir, 'cdk.tf.json')}: module "network" comes from "Azure/vnet/azurerm" and holds resources this file does not show, so they would go unchecked; check the plan (terraform show -json) instead\n`,
    );
  });

  test('a directory holding both cdk.tf.json and .tf files', () => {
    const { code, stderr, dir } = check({
      'cdk.tf.json': RG,
      'extra.tf': 'resource "azurerm_resource_group" "x" {}',
    });
    expect(code).toBe(2);
    expect(stderr).toBe(
      `norway-policy: ${dir}: holds both synthesized cdktf output (manifest.json or cdk.tf.json) and .tf files; Terraform would read the .tf files too, so pass one kind per directory\n`,
    );
  });

  test('OpenTofu files', () => {
    const { code, stderr, dir } = check({
      'main.tf': '',
      'main.tofu': 'resource "azurerm_resource_group" "x" {}',
    });
    expect(code).toBe(2);
    expect(stderr).toBe(
      `norway-policy: ${join(dir, 'main.tofu')}: OpenTofu files (.tofu) are not read, and they replace the .tf files of the same name; check the plan (tofu show -json) instead\n`,
    );
  });

  test('an empty module section is no module', () => {
    expect(check({ 'cdk.tf.json': JSON.stringify({ module: {}, ...JSON.parse(RG) }) }).code).toBe(1);
  });
});
