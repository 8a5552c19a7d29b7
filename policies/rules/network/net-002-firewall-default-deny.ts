import { NOT_IN_ESTATE } from '../../model/resolve';
import { defineRule, RuleContext } from '../rule';
import type { TfResource } from '../../model/types';
import { blockCount, resourceKey, stringProblem } from '../attributes';
import { ownEntry } from '../../model/values';

/** Where each type keeps its firewall: the block, and a separate resource that may replace it. */
const FIREWALLS: Readonly<Record<string, { block: string; separate?: { type: string; attribute: string } }>> =
  {
    azurerm_storage_account: {
      block: 'network_rules',
      separate: { type: 'azurerm_storage_account_network_rules', attribute: 'storage_account_id' },
    },
    azurerm_key_vault: { block: 'network_acls' },
  };

export const NET_002 = defineRule({
  id: 'NET-002',
  title: 'Storage and Key Vault firewalls deny by default',
  severity: 'error',
  rationale:
    'A firewall whose default action is Allow admits every network that no rule names; without a firewall block, Azure allows all networks.',
  anchors: { mcsb: ['NS-2'], checkov: ['CKV_AZURE_35', 'CKV_AZURE_109'] },
  resourceTypes: [...Object.keys(FIREWALLS), 'azurerm_storage_account_network_rules'],
  fix: 'Add network_rules (storage) or network_acls (Key Vault) with default_action = "Deny", or an azurerm_storage_account_network_rules resource with default_action = "Deny".',
  *check(context) {
    const { separate, unplaced } = separateRules(context);
    // A rules resource whose account cannot be found still says how the firewall behaves: judge it on
    // itself, so an Allow is never dropped for want of an account to pin it on.
    for (const { rules, reason } of unplaced) {
      const problem = stringProblem(context, rules, ['default_action'], { allowed: ['Deny'] });
      if (problem)
        yield {
          resource: rules,
          message: `${problem}; the storage account it governs cannot be found (${reason}), so the finding is reported here.`,
        };
    }
    for (const resource of context.resources) {
      const spec = ownEntry(FIREWALLS, resource.type);
      if (resource.mode !== 'managed' || !spec) continue;
      const blocks = blockCount(context, resource, spec.block);
      const external = separate.get(resourceKey(context.model, resource)) ?? [];
      if (blocks.kind === 'unknown') {
        yield {
          resource,
          message: `${blocks.reason}, so the firewall's default action cannot be verified.`,
        };
        continue;
      }
      if (blocks.count === 0 && external.length === 0) {
        yield {
          resource,
          message: `no ${spec.block} block; Azure allows all networks by default.`,
        };
        continue;
      }
      const problems = [
        ...(blocks.count > 0
          ? [stringProblem(context, resource, [[spec.block, 0, 'default_action']], { allowed: ['Deny'] })]
          : []),
        ...external.map((rules) => {
          const problem = stringProblem(context, rules, ['default_action'], { allowed: ['Deny'] });
          return problem && `${rules.address}: ${problem}`;
        }),
      ];
      for (const problem of problems) if (problem) yield { resource, message: `${problem}.` };
    }
  },
});

/**
 * Separate network-rules resources by the account they govern, built once per run; those whose account
 * is outside the checked configuration or cannot be resolved, with the reason.
 */
function separateRules(context: RuleContext): {
  separate: Map<string, TfResource[]>;
  unplaced: { rules: TfResource; reason: string }[];
} {
  const separate = new Map<string, TfResource[]>();
  const unplaced: { rules: TfResource; reason: string }[] = [];
  for (const resource of context.model.byType.get('azurerm_storage_account_network_rules') ?? []) {
    if (resource.mode !== 'managed') continue;
    const target = context.target(resource, 'storage_account_id');
    if (target.kind !== 'resource') {
      const reason =
        target.kind === 'external'
          ? `storage_account_id ${target.value} points at an account that is ${NOT_IN_ESTATE}`
          : target.kind === 'unknown'
            ? `storage_account_id cannot be resolved: ${target.reason}`
            : 'storage_account_id is not set';
      unplaced.push({ rules: resource, reason });
      continue;
    }
    const key = resourceKey(target.model, target.resource);
    separate.set(key, [...(separate.get(key) ?? []), resource]);
  }
  return { separate, unplaced };
}
