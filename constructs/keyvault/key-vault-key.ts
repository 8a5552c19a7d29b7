/** A key in a Norway Key Vault for customer-managed encryption, with rotation and expiry (ENC-005). */
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import type { ICustomerManagedKeyVault } from '../core/interfaces';
import { Problems } from '../core/validation';

export interface NorwayKeyVaultKeyProps {
  /** The vault the key lives in (a `NorwayKeyVault`). */
  readonly keyVault: ICustomerManagedKeyVault;
  readonly name: string;
  /** @default 'RSA-HSM' (needs the vault's default premium SKU) */
  readonly keyType?: 'RSA' | 'RSA-HSM';
  /** @default 3072 */
  readonly keySize?: 2048 | 3072 | 4096;
  /** ISO 8601 duration after which Azure rotates the key. @default 'P1Y' (one year after creation) */
  readonly rotateAfter?: string;
  /** ISO 8601 duration after which each key version expires. @default 'P2Y' */
  readonly expireAfter?: string;
  /** ISO 8601 duration before expiry when Event Grid notifies. @default 'P30D' */
  readonly notifyBeforeExpiry?: string;
  /** A fixed expiry (RFC 3339) for the current version. @default - none; the rotation policy's expireAfter applies */
  readonly expirationDate?: string;
  /** @default - none */
  readonly tags?: Readonly<Record<string, string>>;
}

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+D)?$/;

export class NorwayKeyVaultKey extends Construct {
  readonly resource: KeyVaultKey;
  /** Versioned key id (data-plane URL). */
  readonly id: string;
  /** Versionless key id: services that follow rotation (storage, disk encryption sets) use it. */
  readonly versionlessId: string;
  /** ARM resource id of the key, for role assignments scoped to the key. */
  readonly resourceId: string;
  readonly name: string;

  constructor(scope: Construct, id: string, props: NorwayKeyVaultKeyProps) {
    super(scope, id);
    const rotateAfter = props.rotateAfter ?? 'P1Y';
    const expireAfter = props.expireAfter ?? 'P2Y';
    const notifyBeforeExpiry = props.notifyBeforeExpiry ?? 'P30D';
    const problems = new Problems(this);
    for (const [what, value] of Object.entries({ rotateAfter, expireAfter, notifyBeforeExpiry })) {
      if (!ISO_DURATION.test(value))
        problems.add(`${what} ${JSON.stringify(value)} is not an ISO 8601 duration such as 'P1Y' or 'P90D'`);
    }
    problems.throwIfAny();

    // Only same-stack dependencies: a vault from another stack was applied (with its role assignments)
    // before this stack, and a depends_on across stacks would become a remote-state output reference,
    // which `terraform validate` rejects ("References in depends_on must be to a whole object").
    const stack = TerraformStack.of(this);
    const keyDependencies = (props.keyVault.keyDependencies ?? []).filter(
      (d) => !(d instanceof Construct) || TerraformStack.of(d) === stack,
    );

    this.resource = new KeyVaultKey(this, 'Resource', {
      name: props.name,
      keyVaultId: props.keyVault.keyVaultId,
      keyType: props.keyType ?? 'RSA-HSM',
      keySize: props.keySize ?? 3072,
      keyOpts: ['wrapKey', 'unwrapKey'],
      expirationDate: props.expirationDate,
      rotationPolicy: {
        automatic: { timeAfterCreation: rotateAfter },
        expireAfter,
        notifyBeforeExpiry,
      },
      tags: props.tags ? { ...props.tags } : undefined,
      dependsOn: keyDependencies.length > 0 ? keyDependencies : undefined,
      // Losing the key makes everything encrypted with it unreadable.
      lifecycle: { preventDestroy: true },
    });
    this.id = this.resource.id;
    this.versionlessId = this.resource.versionlessId;
    this.resourceId = this.resource.resourceId;
    this.name = this.resource.name;
  }
}
