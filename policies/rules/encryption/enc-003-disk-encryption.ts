import { defineRule } from '../rule';
import { asBoolean, boolProblem } from '../attributes';

const VM_TYPES = [
  'azurerm_linux_virtual_machine',
  'azurerm_windows_virtual_machine',
  'azurerm_linux_virtual_machine_scale_set',
  'azurerm_windows_virtual_machine_scale_set',
  'azurerm_orchestrated_virtual_machine_scale_set',
];

export const ENC_003 = defineRule({
  id: 'ENC-003',
  title: 'VM hosts and managed disks are encrypted',
  severity: 'error',
  rationale:
    'Temporary disks, caches and disk data flows are only encrypted with encryption at host; managed disks holding patient data need a disk encryption set with our own key, and explicitly disabled encryption is never acceptable.',
  anchors: { mcsb: ['DP-4'], checkov: ['CKV_AZURE_2', 'CKV_AZURE_93', 'CKV_AZURE_97'] },
  resourceTypes: [
    ...VM_TYPES,
    'azurerm_managed_disk',
    'azurerm_kubernetes_cluster',
    'azurerm_kubernetes_cluster_node_pool',
  ],
  fix: 'Set encryption_at_host_enabled = true on VMs and scale sets; give managed disks a disk_encryption_set_id; never set encryption_settings.enabled = false. AKS: disk_encryption_set_id on the cluster and host_encryption_enabled = true on every node pool.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      if (resource.type.startsWith('azurerm_kubernetes_cluster')) {
        const cluster = resource.type === 'azurerm_kubernetes_cluster';
        const host = boolProblem(
          context,
          resource,
          [cluster ? ['default_node_pool', 0, 'host_encryption_enabled'] : ['host_encryption_enabled']],
          { want: true, providerDefault: false },
        );
        if (host)
          yield { resource, message: `${host}: node disks and caches are not encrypted at the host.` };
        if (cluster && !context.isWritten(resource, 'disk_encryption_set_id'))
          yield {
            resource,
            message:
              'disk_encryption_set_id is not set, so node OS disks are encrypted with platform-managed keys only.',
          };
        continue;
      }
      if (resource.type !== 'azurerm_managed_disk') {
        const problem = boolProblem(context, resource, ['encryption_at_host_enabled'], {
          want: true,
          providerDefault: false,
        });
        if (problem) yield { resource, message: `${problem}.` };
        continue;
      }
      if (!context.isWritten(resource, 'disk_encryption_set_id'))
        yield {
          resource,
          message: `no disk_encryption_set_id, so it is encrypted with platform-managed keys only.`,
        };
      // azurerm 3.x had encryption_settings.enabled; an explicit false turns Azure Disk Encryption off.
      const enabled = context.read(resource, ['encryption_settings', 0, 'enabled']);
      if (enabled.kind === 'known' && asBoolean(enabled.value) === false) {
        yield { resource, message: `encryption_settings.enabled is false.` };
      }
    }
  },
});
