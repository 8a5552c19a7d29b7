/** The valid and invalid cases of ENC-003 (`policies/rules/encryption/enc-003-disk-encryption.ts`). */
import { ENC_003 } from '../../../policies/rules/encryption/enc-003-disk-encryption';
import { AT } from '../../helpers/rules/applications';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(ENC_003, {
  valid: [
    {
      name: 'encryption at host and a disk encryption set',
      synth: tf({
        'azurerm_linux_virtual_machine.vm': { location: 'norwayeast', encryption_at_host_enabled: true },
        'azurerm_disk_encryption_set.des': { location: 'norwayeast', key_vault_key_id: '${var.key}' },
        'azurerm_managed_disk.d': {
          location: 'norwayeast',
          disk_encryption_set_id: '${azurerm_disk_encryption_set.des.id}',
        },
      }),
      plan: plan([
        { at: 'azurerm_windows_virtual_machine_scale_set.ss', values: { encryption_at_host_enabled: true } },
        { at: 'azurerm_managed_disk.d', values: {}, unknown: { disk_encryption_set_id: true } },
      ]),
      hcl: `
resource "azurerm_linux_virtual_machine" "vm" {
  location = "norwayeast"
  encryption_at_host_enabled = true
}

resource "azurerm_disk_encryption_set" "des" {
  location = "norwayeast"
  key_vault_key_id = var.key
}

resource "azurerm_managed_disk" "d" {
  location = "norwayeast"
  disk_encryption_set_id = azurerm_disk_encryption_set.des.id
}
`,
    },
    {
      name: 'Azure Disk Encryption explicitly enabled (3.x) next to a disk encryption set',
      synth: tf({
        'azurerm_disk_encryption_set.des': { location: 'norwayeast', key_vault_key_id: '${var.key}' },
        'azurerm_managed_disk.d': {
          location: 'norwayeast',
          disk_encryption_set_id: '${azurerm_disk_encryption_set.des.id}',
          encryption_settings: { enabled: true },
        },
      }),
    },
    {
      name: 'an existing disk read as a data source is not checked',
      synth: tf({ 'data.azurerm_managed_disk.os': { name: 'osdisk', resource_group_name: 'rg-vm' } }),
      plan: plan([{ at: 'data.azurerm_managed_disk.os', values: { name: 'osdisk' } }]),
    },
    // AKS nodes encrypted at the host, clusters monitored
    {
      name: 'host encryption on every pool, a disk encryption set',
      synth: tf({
        'azurerm_kubernetes_cluster.aks': {
          ...AT,
          disk_encryption_set_id: 'des',
          default_node_pool: [{ name: 'system', host_encryption_enabled: true }],
        },
        'azurerm_kubernetes_cluster_node_pool.apps': { name: 'apps', host_encryption_enabled: true },
      }),
    },
  ],
  invalid: [
    {
      name: 'no encryption at host (default false), disk without encryption set, encryption explicitly disabled (3.x)',
      messages: [
        'encryption_at_host_enabled is false.',
        'encryption_at_host_enabled is not set, and the provider default is false.',
        'no disk_encryption_set_id, so it is encrypted with platform-managed keys only.',
        'encryption_settings.enabled is false.',
      ],
      synth: tf({
        'azurerm_linux_virtual_machine.vm': { location: 'norwayeast' },
        'azurerm_linux_virtual_machine_scale_set.ss': { encryption_at_host_enabled: false },
        'azurerm_managed_disk.d': { location: 'norwayeast', encryption_settings: { enabled: false } },
      }),
      plan: plan([
        {
          at: 'module.vm.azurerm_linux_virtual_machine.vm',
          index: 1,
          values: { encryption_at_host_enabled: false },
        },
      ]),
      hcl: `
resource "azurerm_linux_virtual_machine" "vm" {
  location = "norwayeast"
}

resource "azurerm_linux_virtual_machine_scale_set" "ss" {
  encryption_at_host_enabled = false
}

resource "azurerm_managed_disk" "d" {
  location = "norwayeast"
  encryption_settings {
    enabled = false
  }
}
`,
      errors: [
        ['ENC-003', 'azurerm_linux_virtual_machine.vm'],
        ['ENC-003', 'azurerm_linux_virtual_machine_scale_set.ss'],
        ['ENC-003', 'azurerm_managed_disk.d'],
        ['ENC-003', 'azurerm_managed_disk.d'],
      ],
      planErrors: [['ENC-003', 'module.vm.azurerm_linux_virtual_machine.vm[1]']],
    },
    // AKS nodes encrypted at the host, clusters monitored
    {
      name: 'pools without host encryption, a cluster without a disk encryption set',
      messages: [
        'default_node_pool.host_encryption_enabled is not set, and the provider default is false: node disks and caches are not encrypted at the host.',
        'disk_encryption_set_id is not set, so node OS disks are encrypted with platform-managed keys only.',
        'host_encryption_enabled is false: node disks and caches are not encrypted at the host.',
      ],
      synth: tf({
        'azurerm_kubernetes_cluster.aks': { ...AT, default_node_pool: [{ name: 'system' }] },
        'azurerm_kubernetes_cluster_node_pool.apps': { name: 'apps', host_encryption_enabled: false },
      }),
      errors: [
        ['ENC-003', 'azurerm_kubernetes_cluster.aks'],
        ['ENC-003', 'azurerm_kubernetes_cluster.aks'],
        ['ENC-003', 'azurerm_kubernetes_cluster_node_pool.apps'],
      ],
    },
  ],
});
