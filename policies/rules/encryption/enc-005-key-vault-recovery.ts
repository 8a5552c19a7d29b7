import { defineRule } from '../rule';
import { boolProblem, firstSet } from '../attributes';

const VAULTS = ['azurerm_key_vault', 'azurerm_key_vault_managed_hardware_security_module'];

export const ENC_005 = defineRule({
  id: 'ENC-005',
  title: 'Key vaults are recoverable and keys expire or rotate',
  severity: 'error',
  rationale:
    'Losing a customer-managed key loses the data it encrypts: vaults need purge protection and soft delete. Keys that never rotate or expire keep compromised material in use indefinitely.',
  anchors: { mcsb: ['DP-6', 'DP-8'], checkov: ['CKV_AZURE_42', 'CKV_AZURE_110', 'CKV_AZURE_40'] },
  resourceTypes: [...VAULTS, 'azurerm_key_vault_key'],
  fix: 'Set purge_protection_enabled = true and keep soft_delete_retention_days at 7 or more (default 90); give every key a rotation_policy with expire_after, or an expiration_date.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      if (VAULTS.includes(resource.type)) {
        const purge = boolProblem(context, resource, ['purge_protection_enabled'], {
          want: true,
          providerDefault: false,
        });
        if (purge) yield { resource, message: `${purge}.` };
        const retention = firstSet(context, resource, ['soft_delete_retention_days']).resolved;
        const days = retention.kind === 'known' ? Number(retention.value) : 90;
        if (retention.kind === 'unknown' || retention.kind === 'oneOf' || !(days >= 7)) {
          yield {
            resource,
            message: `soft_delete_retention_days must be at least 7 (${retention.kind === 'known' ? `is ${String(retention.value)}` : retention.kind === 'absent' ? 'default 90' : 'cannot be verified before apply'}).`,
          };
        }
        continue;
      }
      if (
        !context.isWritten(resource, 'expiration_date') &&
        !context.isWritten(resource, ['rotation_policy', 0, 'expire_after'])
      ) {
        yield {
          resource,
          message: `neither expiration_date nor rotation_policy.expire_after is set; the key never expires.`,
        };
      }
    }
  },
});
