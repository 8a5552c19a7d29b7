/** The temporary, expiring firewall opening for the first deployment (`bootstrapAccess`). */
import { TerraformStack, Testing } from 'cdktf';
import { checkStack } from '../../policies/cdktf/guard';
import { loadConfig } from '../../stacks/config/load';
import type { BootstrapAccess } from '../../stacks/config/schema';
import { buildPlatform, Platform } from '../../stacks/platform-app';
import { TODAY } from '../helpers/today';

const ACCESS: BootstrapAccess = {
  allowedIpRanges: ['203.0.113.10', '198.51.100.0/28'],
  justification: 'First deployment before hub runners exist (CHG-1234)',
  expires: '2026-12-15',
};

function platformWith(bootstrapAccess: BootstrapAccess | undefined): Platform {
  const { config } = loadConfig({ env: {} });
  return buildPlatform(Testing.app(), { ...config, bootstrapAccess });
}

/** The one resource of `type` in a stack. */
function one(stack: TerraformStack, type: string): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Terraform JSON read by path
  const list = Object.values((stack.toTerraform() as any).resource[type] ?? {});
  expect(list).toHaveLength(1);
  return list[0] as Record<string, unknown>;
}

describe('bootstrapAccess', () => {
  test('without it, the state account and every Key Vault have no public network access at all', () => {
    const platform = platformWith(undefined);
    expect(one(platform.bootstrap, 'azurerm_storage_account').public_network_access_enabled).toBe(false);
    for (const stack of [platform.bootstrap, ...platform.platforms]) {
      expect(one(stack, 'azurerm_key_vault').public_network_access_enabled).toBe(false);
    }
    const findings = checkStack(platform.bootstrap, { today: TODAY }).findings;
    expect(findings.filter((f) => f.ruleId === 'NET-001')).toEqual([]);
  });

  test('opens the state account, the state vault and each environment vault to the listed addresses only, default deny', () => {
    const platform = platformWith(ACCESS);
    expect(one(platform.bootstrap, 'azurerm_storage_account')).toMatchObject({
      public_network_access_enabled: true,
      shared_access_key_enabled: false,
      network_rules: { default_action: 'Deny', ip_rules: ['203.0.113.10', '198.51.100.0/28'] },
    });
    for (const stack of [platform.bootstrap, ...platform.platforms]) {
      expect(one(stack, 'azurerm_key_vault')).toMatchObject({
        public_network_access_enabled: true,
        network_acls: { default_action: 'Deny', ip_rules: ['203.0.113.10', '198.51.100.0/28'] },
      });
    }
    // Workload data stays private: the opening is for deployment, not for data.
    expect(one(platform.workloads[0], 'azurerm_storage_account').public_network_access_enabled).toBe(false);
  });

  test('suppresses NET-001 with the configured reason until the expiry, and fails once it has passed', () => {
    const platform = platformWith(ACCESS);
    for (const stack of [platform.bootstrap, platform.platforms[0]]) {
      const report = checkStack(stack, { today: TODAY });
      const net001 = report.findings.filter((f) => f.ruleId === 'NET-001');
      expect(net001.length).toBeGreaterThan(0);
      for (const f of net001) {
        expect(f.suppressed).toBe(true);
        expect(f.suppression).toMatchObject({
          reason: `bootstrapAccess: ${ACCESS.justification}`,
          expires: '2026-12-15',
        });
      }
      expect(report.findings.filter((f) => !f.suppressed && f.severity === 'error')).toEqual([]);
    }
    const late = checkStack(platform.bootstrap, { today: '2026-12-16' });
    const blocking = late.findings
      .filter((f) => !f.suppressed && f.severity === 'error')
      .map((f) => f.ruleId);
    expect(blocking).toContain('TFS-003');
    expect(blocking).toContain('NET-001');
  });
});
