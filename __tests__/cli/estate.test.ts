/**
 * One estate: a stack's first-deploy plan checked with the rest of the platform as --context, the way
 * CI checks each plan before apply. The plans have the shape `terraform show -json` writes (blocks as
 * arrays, unknowns absent from `after` and true in `after_unknown`, references in `configuration`, data
 * sources read while planning in `prior_state`); ids of resources other stacks created are known, ids of
 * new resources are not.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../policies/cli';
import { simulateEstate, type Estate } from '../helpers/estate-plans';
import { synthDefaultPlatform } from '../helpers/synth-default';
import { TODAY } from '../helpers/today';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(...args: string[]): Run {
  let stdout = '';
  let stderr = '';
  const code = runCli([...args, '--today', TODAY, '--format', 'json'], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

interface JsonFinding {
  readonly ruleId: string;
  readonly address: string;
  readonly stack?: string;
  readonly message: string;
  readonly suppressed: boolean;
}

const active = (run: Run): JsonFinding[] =>
  (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.filter((f) => !f.suppressed);

let cdktfOut: string;
let estate: Estate;
let dir: string;
const planFile = (stack: string) => join(dir, 'plans', `${stack}.json`);

beforeAll(() => {
  const platform = synthDefaultPlatform();
  cdktfOut = platform.outdir;
  estate = simulateEstate(platform);
  dir = mkdtempSync(join(tmpdir(), 'estate-'));
  mkdirSync(join(dir, 'plans'));
  mkdirSync(join(dir, 'state'));
  for (const stack of estate.order) {
    writeFileSync(planFile(stack), JSON.stringify(estate.plan(stack)));
    writeFileSync(join(dir, 'state', `${stack}.json`), JSON.stringify(estate.state(stack)));
  }
});

describe('a first-deploy plan of every stack, checked with the estate as --context', () => {
  test('the platform has eleven stacks, bootstrap first', () => {
    expect(estate.order).toHaveLength(11);
    expect(estate.order[0]).toBe('bootstrap');
  });

  test.each([
    'bootstrap',
    'platform-dev-norwayeast',
    'platform-prod-norwayeast',
    'platform-prod-norwaywest',
    'workload-dalen-dev',
    'workload-dalen-prod',
    'workload-fjellheim-dev',
    'workload-fjellheim-prod',
    'workload-kystbyen-dev',
    'workload-kystbyen-prod',
    'identity',
  ])('%s passes with --context cdktf.out', (stack) => {
    const run = cli('check', planFile(stack), '--context', cdktfOut);
    expect(active(run)).toEqual([]);
    expect(run.code).toBe(0);
  });

  test('the bootstrap key, unknown until apply, resolves to the key the same plan creates (no ENC-002)', () => {
    const plan = estate.plan('bootstrap');
    const account = plan.resource_changes.find((r: { type: string }) => r.type === 'azurerm_storage_account');
    // The premise: the key id really is unknown in the plan.
    expect(account.change.after.customer_managed_key?.[0]?.key_vault_key_id).toBeUndefined();
    expect(account.change.after_unknown.customer_managed_key[0].key_vault_key_id).toBe(true);
    expect(active(cli('check', planFile('bootstrap'), '--context', cdktfOut))).toEqual([]);
  });

  test('the code suppressions of a stack apply to its plan (named after the stack) through the estate', () => {
    const findings = (
      JSON.parse(cli('check', planFile('bootstrap'), '--context', cdktfOut).stdout) as {
        findings: JsonFinding[];
      }
    ).findings;
    expect(findings.map((f) => [f.ruleId, f.address, f.suppressed, f.stack])).toEqual([
      ['NET-005', 'azurerm_key_vault.KeyVault_EBBC7C6F', true, 'bootstrap'],
      ['NET-005', 'azurerm_storage_account.StateAccount_B7FF9B93', true, 'bootstrap'],
    ]);
  });

  test('all eleven plans pass together; with their code as --context, its suppressions apply too', () => {
    const withCode = cli('check', join(dir, 'plans'), '--context', cdktfOut);
    expect(active(withCode)).toEqual([]);
    expect(withCode.code).toBe(0);
    // Without the code, the risks the code accepts (the hubs' egress IPs, bootstrap's private endpoints)
    // are unsuppressed, and they are all that is found.
    const accepted = (JSON.parse(withCode.stdout) as { findings: JsonFinding[] }).findings
      .filter((f) => f.suppressed)
      .map((f) => `${f.ruleId} ${f.address}`);
    const alone = cli('check', join(dir, 'plans'));
    expect(accepted.length).toBeGreaterThan(0);
    expect(
      active(alone)
        .map((f) => `${f.ruleId} ${f.address}`)
        .sort(),
    ).toEqual(accepted.sort());
  });

  test('the applied states of the other stacks work as --context as well as cdktf.out does', () => {
    for (const stack of ['workload-dalen-dev']) {
      const run = cli('check', planFile(stack), '--context', join(dir, 'state'));
      expect(active(run)).toEqual([]);
      expect(run.code).toBe(0);
    }
    // fjellheim's references reach the DR site too; its gateway IP is accepted in its code (a
    // suppression), which a state does not carry: that is all that is found.
    const gateway = cli('check', planFile('workload-fjellheim-prod'), '--context', join(dir, 'state'));
    expect(active(gateway).map((f) => [f.ruleId, f.address])).toEqual([
      ['NET-004', 'azurerm_public_ip.App-portal_PublicIp_8FEC8813'],
    ]);
  });
});

describe('what the estate does not hold fails closed, naming what is missing', () => {
  test('a workload plan alone: its workspace id points outside the checked estate', () => {
    const run = cli('check', planFile('workload-dalen-dev'));
    expect(run.code).toBe(1);
    const res005 = active(run).filter((f) => f.ruleId === 'RES-005');
    expect(res005.map((f) => f.address)).toEqual([
      'azurerm_monitor_diagnostic_setting.App-hl7_Diagnostics_FD535321',
      'azurerm_monitor_diagnostic_setting.App-images_Diagnostics_D50B33BA',
      'azurerm_monitor_diagnostic_setting.App-vitals_Diagnostics_DF0E411F',
      'azurerm_monitor_diagnostic_setting.Spoke_Diagnostics_3CD2320E',
      'azurerm_monitor_diagnostic_setting.Spoke_Subnet-snet-private-endpoints_Nsg_Diagnostics_B52299B8',
      'azurerm_monitor_diagnostic_setting.Spoke_Subnet-snet-workload_Nsg_Diagnostics_50315F5F',
      'azurerm_monitor_diagnostic_setting.Storage_BlobDiagnostics_F50F04E0',
      'azurerm_monitor_diagnostic_setting.Storage_Diagnostics_6A13EE95',
    ]);
    expect(res005[0].message).toMatch(
      /log_analytics_workspace_id \/subscriptions\/[^ ]+\/workspaces\/log-hex-dev-noe points at a resource that is not in the checked estate; pass its stack, plan or state with --context/,
    );
  });

  test('the same plan with its workspace id edited to one outside the estate fails RES-005 even with --context', () => {
    const plan = estate.plan('workload-dalen-dev');
    const elsewhere =
      '/subscriptions/00000000-0000-4000-8000-0000000000aa/resourceGroups/rg-elsewhere/providers/Microsoft.OperationalInsights/workspaces/log-elsewhere';
    for (const change of plan.resource_changes) {
      if (
        change.type === 'azurerm_monitor_diagnostic_setting' &&
        change.name === 'Storage_Diagnostics_6A13EE95'
      )
        change.change.after.log_analytics_workspace_id = elsewhere;
    }
    for (const resource of plan.planned_values.root_module.resources) {
      if (resource.name === 'Storage_Diagnostics_6A13EE95')
        resource.values.log_analytics_workspace_id = elsewhere;
    }
    const file = join(dir, 'workload-dalen-dev-edited.json');
    writeFileSync(file, JSON.stringify(plan));
    const run = cli('check', file, '--context', cdktfOut);
    expect(run.code).toBe(1);
    expect(active(run).map((f) => [f.ruleId, f.address])).toEqual([
      ['RES-005', 'azurerm_monitor_diagnostic_setting.Storage_Diagnostics_6A13EE95'],
    ]);
  });

  test('a workspace id in another resource group of the estate resolves to nothing: case matters not, names do', () => {
    const plan = estate.plan('workload-dalen-dev');
    const upper = (id: string) => id.toUpperCase();
    for (const change of plan.resource_changes) {
      if (change.type === 'azurerm_monitor_diagnostic_setting')
        change.change.after.log_analytics_workspace_id = upper(
          change.change.after.log_analytics_workspace_id,
        );
    }
    const file = join(dir, 'workload-dalen-dev-upper.json');
    writeFileSync(file, JSON.stringify(plan));
    expect(active(cli('check', file, '--context', cdktfOut))).toEqual([]);
  });

  test('a missing --context path is one clear line and exit 2', () => {
    const run = cli('check', planFile('workload-dalen-dev'), '--context', join(dir, 'nowhere'));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`norway-policy: ${join(dir, 'nowhere')}: no such file or directory\n`);
  });
});
