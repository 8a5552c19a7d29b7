/**
 * The bootstrap stack: the storage account that holds every other stack's Terraform state, in Norway
 * East with its geo copy only in the pair Norway West (GZRS), versioning, soft delete, a deletion lock,
 * Entra ID only (no account keys, no SAS), encrypted with a key from its own Key Vault.
 *
 * It cannot keep its own state in the account it creates, so it alone uses a local backend (marked
 * bootstrap for TFS-001): run it once, by hand, and keep `terraform.bootstrap.tfstate` safe
 * (docs/deploy.md). Other stacks never read its state: they address the account by name.
 */
import { Construct } from 'constructs';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import type { RoleAssignmentConfig } from '../constructs/core/interfaces';
import type { RoleAssignments } from '../constructs/interfaces/role-assignments';
import { NorwayResourceGroup } from '../constructs/core/resource-group';
import { NorwayKeyVault } from '../constructs/keyvault/key-vault';
import { NorwayLogAnalyticsWorkspace } from '../constructs/monitoring/log-analytics-workspace';
import { NorwayStorageAccount } from '../constructs/storage/storage-account';
import { suppress } from '../policies/cdktf/suppress';
import { publicNetworkAccessFor, suppressBootstrapAccess } from './bootstrap-access';
import { planReaderAssignments } from './plan-readers';
import type { PlatformConfig } from './config/schema';
import { BOOTSTRAP_STACK_ID, stateNames } from './naming';
import { NorwayStack, NorwayStackProps } from './norway-stack';

export interface BootstrapStackProps {
  readonly config: PlatformConfig;
  /** Options for the synth-time policy guard. @default - the whole catalogue, today's date */
  readonly policy?: NorwayStackProps['policy'];
}

/** Review date of the bootstrap stack's standing suppressions: at most a year ahead, then re-decided. */
export const BOOTSTRAP_SUPPRESSIONS_EXPIRE = '2027-11-24';

export class BootstrapStack extends NorwayStack {
  readonly resourceGroup: NorwayResourceGroup;
  readonly logs: NorwayLogAnalyticsWorkspace;
  readonly keyVault: NorwayKeyVault;
  readonly stateAccount: NorwayStorageAccount;
  readonly container: StorageContainer;

  constructor(scope: Construct, props: BootstrapStackProps) {
    const { config } = props;
    super(scope, BOOTSTRAP_STACK_ID, {
      region: config.state.region,
      bootstrap: true,
      subscriptionId: config.state.subscriptionId ?? config.subscriptionId,
      tags: { ...config.tags, purpose: 'terraform-state' },
      policy: props.policy,
    });
    const names = stateNames(config);
    const publicNetworkAccess = publicNetworkAccessFor(config.bootstrapAccess);
    const client = new DataAzurermClientConfig(this, 'Client', {});

    this.resourceGroup = new NorwayResourceGroup(this, 'ResourceGroup', {
      region: this.region,
      name: names.resourceGroup,
    });
    const resourceGroupName = this.resourceGroup.name;
    // The state account's own access log (who read or wrote which state) stays next to it, in Norway.
    this.logs = new NorwayLogAnalyticsWorkspace(this, 'Logs', {
      region: this.region,
      resourceGroupName,
      name: names.logAnalytics,
    });
    const diagnosticSettings = { workspaceId: this.logs.workspaceId };

    this.keyVault = new NorwayKeyVault(this, 'KeyVault', {
      region: this.region,
      resourceGroupName,
      name: names.keyVault,
      tenantId: config.access.homeTenantId,
      diagnosticSettings,
      publicNetworkAccess,
      roleAssignments: {
        bootstrap: {
          roleDefinitionName: 'Key Vault Crypto Officer',
          principalId: client.objectId,
          description: 'The bootstrap identity creates the state account key.',
        },
        ...planReaderAssignments(config, 'keyVault'),
      },
    });

    // Keyed by principal (the deploying identity is a token, so it has its own key): adding or removing
    // a writer leaves the other assignments in place.
    const writer = (principalId: string): RoleAssignmentConfig => ({
      roleDefinitionName: 'Storage Blob Data Contributor',
      principalId,
      description: 'Reads and writes Terraform state with Entra ID (the account has no keys).',
    });
    const stateWriters: RoleAssignments = {
      bootstrap: writer(client.objectId),
      ...Object.fromEntries(config.state.blobDataContributors.map((id) => [`writer-${id}`, writer(id)])),
    };
    this.stateAccount = new NorwayStorageAccount(this, 'StateAccount', {
      region: this.region,
      resourceGroupName,
      name: names.storageAccount,
      // Zone-redundant in Norway East; the geo copy goes only to the pair, Norway West.
      replication: 'GZRS',
      customerManagedKey: { keyVault: this.keyVault },
      diagnosticSettings,
      publicNetworkAccess,
      // State history: a corrupted or deleted state file can be restored for 90 days.
      blobSoftDeleteRetentionDays: 90,
      containerSoftDeleteRetentionDays: 90,
      roleAssignments: { ...stateWriters, ...planReaderAssignments(config, 'storage') },
    });

    this.container = new StorageContainer(this, 'StateContainer', {
      name: names.container,
      // Created through Azure Resource Manager, so it works while the data plane is private.
      storageAccountId: this.stateAccount.storageAccountId,
      containerAccessType: 'private',
    });

    // The state account's private endpoints live in each hub (platform stacks, `StateAccess`), which
    // address the account by id because they never read bootstrap's local state; NET-005 cannot see them here.
    suppress(this.stateAccount, {
      ruleId: 'NET-005',
      reason:
        'Private endpoints to the state account are created in every hub by the platform stacks (StateAccess).',
      expires: BOOTSTRAP_SUPPRESSIONS_EXPIRE,
    });
    // Only the storage service (a trusted service) reads the state key after bootstrap; no client needs the vault.
    suppress(this.keyVault, {
      ruleId: 'NET-005',
      reason:
        'Only the storage service, as a trusted Azure service, uses this vault after bootstrap; no client reaches it.',
      expires: BOOTSTRAP_SUPPRESSIONS_EXPIRE,
    });

    suppressBootstrapAccess(config.bootstrapAccess, this.keyVault, this.stateAccount);
  }
}
