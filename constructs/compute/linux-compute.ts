/** What the Linux VM and VM scale set constructs share: props, validation and disk encryption. */
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import {
  CustomerManagedKeyOption,
  isRelaxed,
  ManagedIdentitiesConfig,
  NorwayConstructProps,
} from '../core/interfaces';
import { regionCapabilities, REGION_CAPABILITIES } from '../core/region';
import { Problems, warnRelaxed } from '../core/validation';
import { NorwayDiskEncryptionSet } from './disk-encryption-set';

export interface SourceImage {
  readonly publisher: string;
  readonly offer: string;
  readonly sku: string;
  readonly version: string;
}

/** Ubuntu 22.04 LTS, generation 2 (supports trusted launch). */
export const UBUNTU_2204_GEN2: SourceImage = {
  publisher: 'Canonical',
  offer: '0001-com-ubuntu-server-jammy',
  sku: '22_04-lts-gen2',
  version: 'latest',
};

/** A disk encryption set that already exists, shared by several VMs. */
export interface ExistingDiskEncryptionSet {
  /** E.g. `NorwayDiskEncryptionSet.id`. */
  readonly diskEncryptionSetId: string;
  /** What disks must wait for (the set's key access, `NorwayDiskEncryptionSet.keyAccess`). @default - none */
  readonly dependencies?: readonly ITerraformDependable[];
}

/** Disk keys: a new disk encryption set from a key vault, an existing set, or relaxed. */
export type DiskCustomerManagedKeyOption = CustomerManagedKeyOption | ExistingDiskEncryptionSet;

function isExistingSet(option: DiskCustomerManagedKeyOption): option is ExistingDiskEncryptionSet {
  return 'diskEncryptionSetId' in option;
}

export interface NorwayLinuxComputeProps extends NorwayConstructProps {
  readonly name: string;
  /** The subnet the network interfaces live in; no public IP is ever attached. */
  readonly subnetId: string;
  /** OpenSSH public keys (`ssh-ed25519 …`, `ssh-rsa …`, `ecdsa-sha2-…`); password authentication is off. */
  readonly sshPublicKeys: readonly string[];
  /** @default 'azureadmin' */
  readonly adminUsername?: string;
  /** @default 'Standard_D2s_v5' */
  readonly size?: string;
  /** @default UBUNTU_2204_GEN2 */
  readonly image?: SourceImage;
  /**
   * Required: disk encryption with a customer-managed key. `{ keyVault }` creates a disk encryption
   * set (child `DiskEncryption`), `{ diskEncryptionSetId }` shares an existing one, and
   * `{ relaxed: true, justification }` uses platform-managed keys.
   */
  readonly customerManagedKey: DiskCustomerManagedKeyOption;
  /** @default 'Premium_LRS' */
  readonly osDiskType?: 'Premium_LRS' | 'StandardSSD_LRS' | 'Premium_ZRS' | 'StandardSSD_ZRS';
  /**
   * Unlike most constructs, a VM's resource needs a system-assigned identity (Entra ID sign-in, the
   * monitoring agent).
   * @default - system-assigned, plus the identities the construct creates itself (none)
   */
  readonly managedIdentities?: ManagedIdentitiesConfig;
  /** cloud-init, base64-encoded. @default - none */
  readonly customData?: string;
}

const SSH_KEY = /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/=]+( .*)?$/;
const USERNAME = /^[a-z_][a-z0-9_-]{0,31}$/;
const RESERVED_USERNAMES = ['root', 'admin', 'administrator', 'user', 'guest', 'test', 'adm', 'sys'];

/** Validate what VMs and scale sets share, and the zones asked for against the region. */
export function validateCompute(
  problems: Problems,
  props: NorwayLinuxComputeProps,
  zones: readonly string[] | undefined,
): void {
  problems.region(props.region);
  if (REGION_CAPABILITIES[props.region] && zones && zones.length > 0) {
    const caps = regionCapabilities(props.region);
    if (caps.zones.length === 0) {
      problems.add(
        `zones ${JSON.stringify(zones)} asked for in ${props.region}, but ${caps.displayName} has no availability zones; ` +
          `leave zones out there (zone redundancy is available in ${caps.pair})`,
      );
    } else {
      const unknown = zones.filter((z) => !caps.zones.includes(z));
      if (unknown.length > 0)
        problems.add(
          `zones ${unknown.join(', ')} do not exist in ${props.region} (it has ${caps.zones.join(', ')})`,
        );
    }
  }
  if (props.sshPublicKeys.length === 0)
    problems.add('sshPublicKeys is empty: SSH keys are the only way in (password authentication is off)');
  props.sshPublicKeys.forEach((key, i) => {
    if (!SSH_KEY.test(key.trim()))
      problems.add(
        `sshPublicKeys[${i}] is not an OpenSSH public key (ssh-ed25519, ssh-rsa or ecdsa-sha2-nistp*)`,
      );
  });
  const user = props.adminUsername ?? 'azureadmin';
  if (!USERNAME.test(user) || RESERVED_USERNAMES.includes(user)) {
    problems.add(
      `adminUsername ${JSON.stringify(user)} is invalid or reserved; use lowercase letters, digits, '_' or '-' and not ${RESERVED_USERNAMES.join('/')}`,
    );
  }
  validateDiskEncryption(problems, props);
  if (
    props.osDiskType?.endsWith('_ZRS') &&
    REGION_CAPABILITIES[props.region] &&
    regionCapabilities(props.region).zones.length === 0
  ) {
    problems.add(
      `osDiskType ${props.osDiskType} needs availability zones, which ${props.region} does not have; use Premium_LRS`,
    );
  }
}

/** What disk encryption needs from a VM's props; Linux and Windows VMs share it. */
export type DiskEncryptionProps = Pick<
  NorwayLinuxComputeProps,
  'region' | 'resourceGroupName' | 'name' | 'tags' | 'customerManagedKey'
>;

/** A customer-managed disk key or an existing disk encryption set is required (or a justified relaxation). */
export function validateDiskEncryption(problems: Problems, props: DiskEncryptionProps): void {
  const cmk = props.customerManagedKey as DiskCustomerManagedKeyOption | undefined;
  if (cmk === undefined) {
    problems.add(
      'customerManagedKey is missing: pass { keyVault } with a NorwayKeyVault (or { diskEncryptionSetId }) so disks are encrypted with a ' +
        'key the hospital controls (ENC-003), or { relaxed: true, justification } for platform-managed keys',
    );
  } else if (isRelaxed(cmk)) {
    problems.relaxed('customerManagedKey', cmk);
  } else if (isExistingSet(cmk)) {
    if (!cmk.diskEncryptionSetId) problems.add('customerManagedKey.diskEncryptionSetId is empty');
  } else if (!cmk.keyVault) {
    problems.add('customerManagedKey.keyVault is missing: pass the NorwayKeyVault that holds the disk key');
  }
}

export interface DiskEncryption {
  readonly diskEncryptionSetId?: string;
  readonly dependsOn: ITerraformDependable[];
  readonly set?: NorwayDiskEncryptionSet;
}

/** The disk encryption set disks use: created from `customerManagedKey`, given, or none (relaxed). */
export function diskEncryption(scope: Construct, props: DiskEncryptionProps): DiskEncryption {
  const cmk = props.customerManagedKey;
  if (isRelaxed(cmk)) {
    warnRelaxed(scope, 'disks encrypted with platform-managed keys instead of a customer-managed key', cmk);
    return { dependsOn: [] };
  }
  if (isExistingSet(cmk)) {
    return { diskEncryptionSetId: cmk.diskEncryptionSetId, dependsOn: [...(cmk.dependencies ?? [])] };
  }
  const set = new NorwayDiskEncryptionSet(scope, 'DiskEncryption', {
    region: props.region,
    resourceGroupName: props.resourceGroupName,
    name: `${props.name}-des`,
    keyVault: cmk.keyVault,
    keyName: cmk.keyName,
    tags: props.tags,
  });
  return { diskEncryptionSetId: set.id, dependsOn: [set.keyAccess], set };
}

/**
 * The hardened settings a Linux VM and a scale set share: SSH keys only, encryption at host, trusted
 * launch, the image, and an OS disk encrypted with the disk encryption set. One place, so the two
 * cannot drift apart.
 */
export function hardenedLinuxSettings(props: NorwayLinuxComputeProps, encryption: DiskEncryption) {
  const adminUsername = props.adminUsername ?? 'azureadmin';
  return {
    adminUsername,
    disablePasswordAuthentication: true,
    adminSshKey: props.sshPublicKeys.map((publicKey) => ({
      username: adminUsername,
      publicKey: publicKey.trim(),
    })),
    encryptionAtHostEnabled: true,
    secureBootEnabled: true,
    vtpmEnabled: true,
    sourceImageReference: { ...(props.image ?? UBUNTU_2204_GEN2) },
    customData: props.customData,
    osDisk: {
      caching: 'ReadWrite',
      storageAccountType: props.osDiskType ?? 'Premium_LRS',
      diskEncryptionSetId: encryption.diskEncryptionSetId,
    },
  };
}
