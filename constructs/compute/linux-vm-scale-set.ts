/**
 * A Linux VM scale set: no public IP, SSH keys only, encryption at host, OS disks encrypted with a
 * customer-managed key, trusted launch, a managed identity, boot diagnostics on managed storage, and
 * zones 1-3 where the region has them (Norway East) and none where it does not (Norway West).
 */
import { Construct } from 'constructs';
import { identityBlock } from '../interfaces/managed-identities';
import { LinuxVirtualMachineScaleSet } from '@cdktf/provider-azurerm/lib/linux-virtual-machine-scale-set';
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

export interface NorwayLinuxVmScaleSetProps extends NorwayLinuxComputeProps {
  /** @default 2 */
  readonly instances?: number;
  /**
   * Availability zones; asking for any in a region without zones (Norway West) is an error.
   * @default - all the region's zones ('1', '2', '3' in Norway East), none in Norway West
   */
  readonly zones?: readonly string[];
  /** @default 'Manual' */
  readonly upgradeMode?: 'Manual' | 'Automatic' | 'Rolling';
  /** Load balancer backend pools for the primary IP configuration. @default - none */
  readonly loadBalancerBackendAddressPoolIds?: readonly string[];
  /** Health probe (needed for automatic and rolling upgrades). @default - none */
  readonly healthProbeId?: string;
}

export class NorwayLinuxVmScaleSet extends Construct {
  readonly resource: LinuxVirtualMachineScaleSet;
  readonly region: NorwayRegion;
  readonly id: string;
  readonly zones: readonly string[];
  /** The disk encryption set the construct created, when it created one. */
  readonly diskEncryptionSet?: NorwayDiskEncryptionSet;
  /** Principal id of the system-assigned identity (when on). */
  readonly principalId: string;

  constructor(scope: Construct, id: string, props: NorwayLinuxVmScaleSetProps) {
    super(scope, id);
    const problems = new Problems(this);
    validateCompute(problems, props, props.zones);
    const instances = props.instances ?? 2;
    if (!Number.isInteger(instances) || instances < 0 || instances > 1000)
      problems.add(`instances ${instances} is outside 0-1000`);
    problems.throwIfAny();

    this.region = props.region;
    this.zones =
      props.zones ?? (REGION_CAPABILITIES[props.region] ? regionCapabilities(props.region).zones : []);
    const encryption = diskEncryption(this, props);
    this.diskEncryptionSet = encryption.set;

    this.resource = new LinuxVirtualMachineScaleSet(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      sku: props.size ?? 'Standard_D2s_v5',
      instances,
      zones: this.zones.length > 0 ? [...this.zones] : undefined,
      zoneBalance: this.zones.length > 1 ? true : undefined,
      ...hardenedLinuxSettings(props, encryption),
      upgradeMode: props.upgradeMode ?? 'Manual',
      healthProbeId: props.healthProbeId,
      networkInterface: [
        {
          name: 'primary',
          primary: true,
          ipConfiguration: [
            {
              name: 'internal',
              primary: true,
              subnetId: props.subnetId,
              loadBalancerBackendAddressPoolIds: props.loadBalancerBackendAddressPoolIds
                ? [...props.loadBalancerBackendAddressPoolIds]
                : undefined,
            },
          ],
        },
      ],
      // An empty block means managed boot diagnostics storage: no storage account keys, nothing public.
      bootDiagnostics: {},
      // VMs default to a system-assigned identity (for Entra sign-in and agents): see `managedIdentities`.
      identity: identityBlock(props.managedIdentities, true),
      dependsOn: encryption.dependsOn.length > 0 ? encryption.dependsOn : undefined,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.id = this.resource.id;
    this.principalId = this.resource.identity.principalId;
  }
}
