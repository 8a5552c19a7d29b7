/** The plan identities get data-plane read on what a refresh reads; nothing without the setting. */
import { App, Testing } from 'cdktf';
import { loadConfig } from '../../stacks/config/load';
import { buildPlatform } from '../../stacks/platform-app';

const PLAN_READER = '11111111-2222-3333-4444-555555555555';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Terraform JSON is read by path
type Json = any;

function assignments(json: Json): { role: string; principal: string; scope: string }[] {
  return Object.values<Json>(json.resource.azurerm_role_assignment ?? {}).map((a) => ({
    role: a.role_definition_name,
    principal: a.principal_id,
    scope: a.scope,
  }));
}

function synthWith(planReaders: string[]) {
  const { config } = loadConfig({ env: {} });
  const platform = buildPlatform(new App({ stackTraces: false }), { ...config, planReaders });
  const json = (stack: Parameters<typeof Testing.synth>[0]): Json => JSON.parse(Testing.synth(stack));
  return {
    bootstrap: json(platform.bootstrap),
    platform: json(platform.platforms[0]),
    workload: json(platform.workloads[0]),
  };
}

describe('planReaders', () => {
  test('each plan identity reads the state account, every Key Vault and the trust storage', () => {
    // GIVEN / WHEN
    const out = synthWith([PLAN_READER]);
    // THEN
    const mine = (json: Json) =>
      assignments(json)
        .filter((a) => a.principal === PLAN_READER)
        .map((a) => [a.role, a.scope]);
    expect(mine(out.bootstrap)).toEqual([
      ['Key Vault Reader', '${azurerm_key_vault.KeyVault_EBBC7C6F.id}'],
      ['Storage Blob Data Reader', '${azurerm_storage_account.StateAccount_B7FF9B93.id}'],
    ]);
    expect(mine(out.platform).map(([role]) => role)).toEqual(['Key Vault Reader']);
    expect(mine(out.workload).map(([role]) => role)).toEqual(['Storage Blob Data Reader']);
  });

  test('no plan identity configured: no reader assignment anywhere', () => {
    const out = synthWith([]);
    for (const json of Object.values(out))
      // A resource's own identity reading what it uses (AKS reading its disk encryption set) is no plan reader.
      expect(
        assignments(json).filter(
          (a) =>
            /Reader$/.test(a.role) && !String(a.principal).startsWith('${azurerm_user_assigned_identity.'),
        ),
      ).toEqual([]);
  });
});
