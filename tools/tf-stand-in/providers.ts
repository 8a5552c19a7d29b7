/**
 * Which providers the stand-in serves, where their schema comes from, and the fake answers Azure (or
 * Entra ID) would give. Adding a provider is one entry: its registry address, the cdktf bindings package
 * whose generated code holds its schema, and its type prefix.
 */
import { createHash } from 'node:crypto';

export interface FakeContext {
  /** The resource or data source type, e.g. `azurerm_storage_account`. */
  typeName: string;
  /** The planned (apply) or configured (data source) top-level values. */
  values: Record<string, unknown>;
  subscriptionId: string;
  tenantId: string;
}

export interface ProviderDefinition {
  /** Registry address Terraform resolves `source = "azurerm"` to. */
  address: string;
  /** cdktf bindings package; the provider is served only when it is installed. */
  bindings: string;
  /** Type-name prefix: `azurerm` for `azurerm_storage_account`. */
  prefix: string;
  /** Computed values with a known shape (ARM ids, URLs), per type then attribute; `id` falls back to `genericId`. */
  computed: Record<string, Record<string, (ctx: FakeContext) => string>>;
  genericId: (ctx: FakeContext) => string;
}

export const FAKE_SUBSCRIPTION = '00000000-0000-4000-8000-00000000a5b1';
export const FAKE_TENANT = '00000000-0000-4000-8000-0000000070e7';
export const FAKE_CLIENT = '00000000-0000-4000-8000-00000000c11e';

/** A deterministic GUID from a seed: the same configuration gets the same fake ids on every run. */
export function fakeGuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const str = (ctx: FakeContext, key: string): string => {
  const v = ctx.values[key];
  return typeof v === 'string' && v !== '' ? v : `unset-${key}`;
};
const last = (id: string): string => id.split('/').filter(Boolean).pop() ?? id;
const rgId = (ctx: FakeContext): string =>
  `/subscriptions/${ctx.subscriptionId}/resourceGroups/${str(ctx, 'resource_group_name')}`;
const seedOf = (ctx: FakeContext): string => `${ctx.typeName}:${JSON.stringify(ctx.values)}`;

/** `<resource group>/providers/<namespace>/<type>/<name>`, optionally under a parent named by an argument. */
const arm =
  (type: string, parent?: [string, string]) =>
  (ctx: FakeContext): string =>
    parent
      ? `${rgId(ctx)}/providers/${type}/${str(ctx, parent[1])}/${parent[0]}/${str(ctx, 'name')}`
      : `${rgId(ctx)}/providers/${type}/${str(ctx, 'name')}`;
const keyVersion = (ctx: FakeContext): string => fakeGuid(seedOf(ctx)).replace(/-/g, '');
const vaultUri = (ctx: FakeContext): string => `https://${last(str(ctx, 'key_vault_id'))}.vault.azure.net`;

const azurermIds: Record<string, (ctx: FakeContext) => string> = {
  azurerm_resource_group: (ctx) => `/subscriptions/${ctx.subscriptionId}/resourceGroups/${str(ctx, 'name')}`,
  azurerm_storage_account: arm('Microsoft.Storage/storageAccounts'),
  azurerm_key_vault: arm('Microsoft.KeyVault/vaults'),
  azurerm_log_analytics_workspace: arm('Microsoft.OperationalInsights/workspaces'),
  azurerm_user_assigned_identity: arm('Microsoft.ManagedIdentity/userAssignedIdentities'),
  azurerm_virtual_network: arm('Microsoft.Network/virtualNetworks'),
  azurerm_subnet: arm('Microsoft.Network/virtualNetworks', ['subnets', 'virtual_network_name']),
  azurerm_virtual_network_peering: arm('Microsoft.Network/virtualNetworks', [
    'virtualNetworkPeerings',
    'virtual_network_name',
  ]),
  azurerm_network_security_group: arm('Microsoft.Network/networkSecurityGroups'),
  azurerm_network_security_rule: arm('Microsoft.Network/networkSecurityGroups', [
    'securityRules',
    'network_security_group_name',
  ]),
  azurerm_route_table: arm('Microsoft.Network/routeTables'),
  azurerm_private_endpoint: arm('Microsoft.Network/privateEndpoints'),
  azurerm_private_dns_zone: arm('Microsoft.Network/privateDnsZones'),
  azurerm_private_dns_zone_virtual_network_link: arm('Microsoft.Network/privateDnsZones', [
    'virtualNetworkLinks',
    'private_dns_zone_name',
  ]),
  azurerm_recovery_services_vault: arm('Microsoft.RecoveryServices/vaults'),
  azurerm_backup_policy_vm: arm('Microsoft.RecoveryServices/vaults', [
    'backupPolicies',
    'recovery_vault_name',
  ]),
  azurerm_disk_encryption_set: arm('Microsoft.Compute/diskEncryptionSets'),
  azurerm_linux_virtual_machine_scale_set: arm('Microsoft.Compute/virtualMachineScaleSets'),
  azurerm_subnet_network_security_group_association: (ctx) => str(ctx, 'subnet_id'),
  azurerm_subnet_route_table_association: (ctx) => str(ctx, 'subnet_id'),
  azurerm_management_lock: (ctx) =>
    `${str(ctx, 'scope')}/providers/Microsoft.Authorization/locks/${str(ctx, 'name')}`,
  azurerm_role_assignment: (ctx) =>
    `${str(ctx, 'scope')}/providers/Microsoft.Authorization/roleAssignments/${fakeGuid(seedOf(ctx))}`,
  // The provider's own composite id for diagnostic settings.
  azurerm_monitor_diagnostic_setting: (ctx) => `${str(ctx, 'target_resource_id')}|${str(ctx, 'name')}`,
  azurerm_storage_container: (ctx) =>
    `${str(ctx, 'storage_account_id')}/blobServices/default/containers/${str(ctx, 'name')}`,
  azurerm_key_vault_key: (ctx) => `${vaultUri(ctx)}/keys/${str(ctx, 'name')}/${keyVersion(ctx)}`,
  azurerm_client_config: () =>
    `clients=${FAKE_CLIENT};objects=${FAKE_CLIENT};subscription=${FAKE_SUBSCRIPTION}`,
  // A subscription's id is the subscription itself (scopes are built on it).
  azurerm_subscription: (ctx) => `/subscriptions/${ctx.subscriptionId}`,
  azurerm_role_definition: (ctx) =>
    `/subscriptions/${ctx.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${fakeGuid(seedOf(ctx))}`,
};

export const PROVIDERS: ProviderDefinition[] = [
  {
    address: 'registry.terraform.io/hashicorp/azurerm',
    bindings: '@cdktf/provider-azurerm',
    prefix: 'azurerm',
    computed: {
      ...Object.fromEntries(Object.entries(azurermIds).map(([type, id]) => [type, { id }])),
      azurerm_key_vault_key: {
        id: azurermIds.azurerm_key_vault_key,
        version: keyVersion,
        versionless_id: (ctx) => `${vaultUri(ctx)}/keys/${str(ctx, 'name')}`,
        resource_id: (ctx) =>
          `${str(ctx, 'key_vault_id')}/keys/${str(ctx, 'name')}/versions/${keyVersion(ctx)}`,
        resource_versionless_id: (ctx) => `${str(ctx, 'key_vault_id')}/keys/${str(ctx, 'name')}`,
      },
      azurerm_key_vault: {
        id: azurermIds.azurerm_key_vault,
        vault_uri: (ctx) => `https://${str(ctx, 'name')}.vault.azure.net/`,
      },
      azurerm_client_config: {
        id: azurermIds.azurerm_client_config,
        client_id: () => FAKE_CLIENT,
        object_id: () => FAKE_CLIENT,
        subscription_id: (ctx) => ctx.subscriptionId,
        tenant_id: (ctx) => ctx.tenantId,
      },
    },
    genericId: (ctx) => `${rgId(ctx)}/providers/Terraform.StandIn/${ctx.typeName}/${str(ctx, 'name')}`,
  },
  {
    // Served once `@cdktf/provider-azuread` is installed (the identity stack).
    address: 'registry.terraform.io/hashicorp/azuread',
    bindings: '@cdktf/provider-azuread',
    prefix: 'azuread',
    computed: {},
    // Entra ID object ids are GUIDs.
    genericId: (ctx) => fakeGuid(seedOf(ctx)),
  },
];

/** A fake for any other computed string: GUIDs for `…_id`, the home tenant for `tenant_id`. */
export function fakeString(ctx: FakeContext, path: string): string {
  const leaf = path.split('.').pop() ?? path;
  if (leaf === 'tenant_id') return ctx.tenantId;
  if (leaf === 'subscription_id') return ctx.subscriptionId;
  if (leaf.endsWith('_id') || leaf === 'id') return fakeGuid(`${seedOf(ctx)}:${path}`);
  return `standin-${fakeGuid(`${seedOf(ctx)}:${path}`).slice(0, 8)}`;
}
