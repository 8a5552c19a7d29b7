import { defineRule } from '../rule';
import { asBoolean, blockCount, boolProblem } from '../attributes';

export const BCK_003 = defineRule({
  id: 'BCK-003',
  title: 'Storage accounts keep blob versions and soft-deleted blobs and containers',
  severity: 'warning',
  rationale:
    'Versioning and soft delete let us recover patient documents that were overwritten or deleted by mistake or by ransomware.',
  anchors: { mcsb: ['BR-1'], checkov: ['CKV2_AZURE_38'] },
  resourceTypes: ['azurerm_storage_account'],
  fix: 'Set blob_properties { versioning_enabled = true, delete_retention_policy { days = 30 }, container_delete_retention_policy { days = 30 } } (versioning is not available with hierarchical namespace).',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      const kind = context.read(resource, 'account_kind');
      // FileStorage accounts have no blobs; their shares are protected by share soft delete.
      if (kind.kind === 'known' && String(kind.value) === 'FileStorage') continue;
      const hns = context.read(resource, 'is_hns_enabled');
      const problems: string[] = [];
      if (!(hns.kind === 'known' && asBoolean(hns.value) === true)) {
        const versioning = boolProblem(context, resource, [['blob_properties', 0, 'versioning_enabled']], {
          want: true,
          providerDefault: false,
        });
        if (versioning) problems.push(versioning);
      }
      for (const policy of ['delete_retention_policy', 'container_delete_retention_policy']) {
        const blocks = blockCount(context, resource, ['blob_properties', 0, policy]);
        if (blocks.kind === 'unknown') problems.push(blocks.reason);
        else if (blocks.count === 0) problems.push(`blob_properties.${policy} is not set`);
      }
      for (const problem of problems) yield { resource, message: `${problem}.` };
    }
  },
});
