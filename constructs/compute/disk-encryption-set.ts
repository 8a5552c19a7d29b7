/**
 * A disk encryption set: managed disks encrypted with a customer-managed key from a Norway Key Vault,
 * on top of platform encryption (double encryption), following the key's rotation.
 */
import { Construct } from 'constructs';
import { DiskEncryptionSet } from '@cdktf/provider-azurerm/lib/disk-encryption-set';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { ICustomerManagedKeyVault, NorwayConstructProps } from '../core/interfaces';
import type { NorwayRegion } from '../core/region';
import { Problems } from '../core/validation';
import { NorwayKeyVaultKey } from '../keyvault/key-vault-key';

export interface NorwayDiskEncryptionSetProps extends NorwayConstructProps {
  readonly name: string;
  /** The vault that holds the key (a `NorwayKeyVault`). */
  readonly keyVault: ICustomerManagedKeyVault;
  /** @default - `<name>-key` */
  readonly keyName?: string;
}

export class NorwayDiskEncryptionSet extends Construct {
  readonly resource: DiskEncryptionSet;
  readonly region: NorwayRegion;
  readonly id: string;
  readonly diskEncryptionSetId: string;
  readonly key: NorwayKeyVaultKey;
  /** Disks may use the set only once it can read the key: depend on this. */
  readonly keyAccess: RoleAssignment;

  constructor(scope: Construct, id: string, props: NorwayDiskEncryptionSetProps) {
    super(scope, id);
    const problems = new Problems(this);
    problems.region(props.region);
    if (!props.keyVault) problems.add('keyVault is missing: pass the NorwayKeyVault that holds the disk key');
    problems.throwIfAny();

    this.region = props.region;
    const tags = props.tags ? { ...props.tags } : undefined;
    this.key = new NorwayKeyVaultKey(this, 'Key', {
      keyVault: props.keyVault,
      name: props.keyName ?? `${props.name}-key`,
      tags,
    });
    this.resource = new DiskEncryptionSet(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      keyVaultKeyId: this.key.versionlessId,
      autoKeyRotationEnabled: true,
      encryptionType: 'EncryptionAtRestWithPlatformAndCustomerKeys',
      identity: { type: 'SystemAssigned' },
      tags,
    });
    this.id = this.resource.id;
    this.diskEncryptionSetId = this.resource.id;
    this.keyAccess = new RoleAssignment(this, 'KeyAccess', {
      scope: this.key.resourceId,
      roleDefinitionName: 'Key Vault Crypto Service Encryption User',
      principalId: this.resource.identity.principalId,
      principalType: 'ServicePrincipal',
    });
  }
}
