/**
 * A single Linux VM with the scale set's defaults: no public IP, SSH keys only, encryption at host,
 * customer-managed disk key, trusted launch, managed identity, managed boot diagnostics, and a zone where
 * the region has them. Use it where each machine is backed up on its own (`NorwayRecoveryVault`).
 */
import { Construct } from 'constructs';
import { identityBlock } from '../interfaces/managed-identities';
import { LinuxVirtualMachine } from '@cdktf/provider-azurerm/lib/linux-virtual-machine';
import { NetworkInterface } from '@cdktf/provider-azurerm/lib/network-interface';
import { regionCapabilities, REGION_CAPABILITIES } from '../core/region';
import type { NorwayRegion } from '../core/region';
import { Problems } from '../core/validation';
import type { NorwayDiskEncryptionSet } from './disk-encryption-set';
import {
  diskEncryption,
  NorwayLinuxComputeProps,
  hardenedLinuxSettings,
  validateCompute,
} from './linux-compute';

export interface NorwayLinuxVirtualMachineProps extends NorwayLinuxComputeProps {
  /**
   * The availability zone; asking for one in a region without zones (Norway West) is an error.
   * @default - '1' in Norway East, none in Norway West
   */
  readonly zone?: string;
}

export class NorwayLinuxVirtualMachine extends Construct {
  readonly resource: LinuxVirtualMachine;
  readonly networkInterface: NetworkInterface;
  readonly region: NorwayRegion;
  readonly id: string;
  readonly virtualMachineId: string;
  readonly zone?: string;
  readonly diskEncryptionSet?: NorwayDiskEncryptionSet;
  readonly principalId: string;
  readonly privateIpAddress: string;

  constructor(scope: Construct, id: string, props: NorwayLinuxVirtualMachineProps) {
    super(scope, id);
    const problems = new Problems(this);
    validateCompute(problems, props, props.zone === undefined ? undefined : [props.zone]);
    problems.throwIfAny();

    this.region = props.region;
    this.zone =
      props.zone ??
      (REGION_CAPABILITIES[props.region] ? regionCapabilities(props.region).zones[0] : undefined);
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
    this.resource = new LinuxVirtualMachine(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      size: props.size ?? 'Standard_D2s_v5',
      zone: this.zone,
      networkInterfaceIds: [this.networkInterface.id],
      ...hardenedLinuxSettings(props, encryption),
      bootDiagnostics: {},
      // VMs default to a system-assigned identity (for Entra sign-in and agents): see `managedIdentities`.
      identity: identityBlock(props.managedIdentities, true),
      dependsOn: encryption.dependsOn.length > 0 ? encryption.dependsOn : undefined,
      tags,
    });
    this.id = this.resource.id;
    this.virtualMachineId = this.resource.id;
    this.principalId = this.resource.identity.principalId;
    this.privateIpAddress = this.networkInterface.privateIpAddress;
  }
}
