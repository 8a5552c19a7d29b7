/**
 * A Windows VM for clinical systems, hardened as the Linux VM is: no public IP, Trusted Launch (secure
 * boot, vTPM), encryption at host, a customer-managed disk key, managed identity, managed boot
 * diagnostics, patches from Azure, and a zone where the region has them. The admin password is never
 * a literal: pass a reference (a sensitive variable, or a secret kept in Key Vault).
 */
import { Construct } from 'constructs';
import { NetworkInterface } from '@cdktf/provider-azurerm/lib/network-interface';
import { WindowsVirtualMachine } from '@cdktf/provider-azurerm/lib/windows-virtual-machine';
import type { ManagedIdentitiesConfig, NorwayConstructProps } from '../core/interfaces';
import { NorwayRegion, REGION_CAPABILITIES, regionCapabilities } from '../core/region';
import { isLiteral, Problems } from '../core/validation';
import { identityBlock } from '../interfaces/managed-identities';
import type { NorwayDiskEncryptionSet } from './disk-encryption-set';
import {
  diskEncryption,
  DiskCustomerManagedKeyOption,
  SourceImage,
  validateDiskEncryption,
} from './linux-compute';

/** Windows Server 2022 Datacenter Azure Edition, generation 2 (supports Trusted Launch and hotpatch). */
export const WINDOWS_SERVER_2022_GEN2: SourceImage = {
  publisher: 'MicrosoftWindowsServer',
  offer: 'WindowsServer',
  sku: '2022-datacenter-azure-edition',
  version: 'latest',
};

export interface NorwayWindowsVirtualMachineProps extends NorwayConstructProps {
  /** 1-15 characters (the Windows computer name limit). */
  readonly name: string;
  /** The subnet the network interface lives in; no public IP is ever attached. */
  readonly subnetId: string;
  /** A reference to the admin password (a sensitive variable or a Key Vault secret), never a literal. */
  readonly adminPassword: string;
  /** @default 'azureadmin' */
  readonly adminUsername?: string;
  /** @default 'Standard_D2s_v5' */
  readonly size?: string;
  /** @default WINDOWS_SERVER_2022_GEN2 */
  readonly image?: SourceImage;
  /**
   * Required: disk encryption with a customer-managed key. `{ keyVault }` creates a disk encryption
   * set (child `DiskEncryption`), `{ diskEncryptionSetId }` shares an existing one, and
   * `{ relaxed: true, justification }` uses platform-managed keys.
   */
  readonly customerManagedKey: DiskCustomerManagedKeyOption;
  /** @default - '1' in Norway East, none in Norway West */
  readonly zone?: string;
  /**
   * Unlike most constructs, a VM's resource needs a system-assigned identity (Entra ID sign-in, the
   * monitoring agent).
   * @default - system-assigned, plus the identities the construct creates itself (none)
   */
  readonly managedIdentities?: ManagedIdentitiesConfig;
}

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9-]{0,14}$/;
const RESERVED_USERNAMES = ['administrator', 'admin', 'user', 'guest', 'root', 'test', 'sys'];

export class NorwayWindowsVirtualMachine extends Construct {
  readonly resource: WindowsVirtualMachine;
  readonly networkInterface: NetworkInterface;
  readonly region: NorwayRegion;
  readonly id: string;
  readonly virtualMachineId: string;
  readonly zone?: string;
  readonly diskEncryptionSet?: NorwayDiskEncryptionSet;

  constructor(scope: Construct, id: string, props: NorwayWindowsVirtualMachineProps) {
    super(scope, id);
    const problems = new Problems(this);
    problems.region(props.region);
    const known = REGION_CAPABILITIES[props.region] !== undefined;
    if (!NAME.test(props.name))
      problems.add(
        `name ${JSON.stringify(props.name)} is invalid; a Windows computer name is 1-15 letters, digits or hyphens`,
      );
    if (isLiteral(props.adminPassword) || !props.adminPassword)
      problems.add(
        'adminPassword is a literal (or empty); pass a reference (a sensitive TerraformVariable or a Key Vault secret) so it is not in the code (IAM-004)',
      );
    const user = props.adminUsername ?? 'azureadmin';
    if (RESERVED_USERNAMES.includes(user.toLowerCase()))
      problems.add(`adminUsername ${JSON.stringify(user)} is reserved by Windows; pick another`);
    if (props.zone !== undefined && known && !regionCapabilities(props.region).zones.includes(props.zone))
      problems.add(
        `zone ${JSON.stringify(props.zone)} does not exist in ${props.region} (zones: ${regionCapabilities(props.region).zones.join(', ') || 'none'})`,
      );
    validateDiskEncryption(problems, props);
    problems.throwIfAny();

    this.region = props.region;
    this.zone = props.zone ?? regionCapabilities(props.region).zones[0];
    const encryption = diskEncryption(this, props);
    this.diskEncryptionSet = encryption.set;
    const tags = props.tags ? { ...props.tags } : undefined;

    this.networkInterface = new NetworkInterface(this, 'Nic', {
      name: `${props.name}-nic`,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      ipConfiguration: [
        { name: 'internal', primary: true, subnetId: props.subnetId, privateIpAddressAllocation: 'Dynamic' },
      ],
      tags,
    });
    this.resource = new WindowsVirtualMachine(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      size: props.size ?? 'Standard_D2s_v5',
      zone: this.zone,
      networkInterfaceIds: [this.networkInterface.id],
      adminUsername: user,
      adminPassword: props.adminPassword,
      encryptionAtHostEnabled: true,
      secureBootEnabled: true,
      vtpmEnabled: true,
      // Patches are orchestrated by Azure; automatic updates stay on inside the guest.
      patchMode: 'AutomaticByPlatform',
      enableAutomaticUpdates: true,
      sourceImageReference: { ...(props.image ?? WINDOWS_SERVER_2022_GEN2) },
      osDisk: {
        caching: 'ReadWrite',
        storageAccountType: 'Premium_LRS',
        diskEncryptionSetId: encryption.diskEncryptionSetId,
      },
      bootDiagnostics: {},
      identity: identityBlock(props.managedIdentities, true),
      dependsOn: encryption.dependsOn.length > 0 ? encryption.dependsOn : undefined,
      tags,
    });
    this.id = this.resource.id;
    this.virtualMachineId = this.resource.id;
  }
}
