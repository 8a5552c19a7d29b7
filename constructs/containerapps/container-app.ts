/**
 * A Container App on an internal environment: ingress inside the virtual network only (no external
 * ingress), HTTPS only, images pulled with a managed identity (no registry password), secrets only as
 * Key Vault references. The app gets a user-assigned identity of its own (child id `Identity`), created
 * before the app so its grants (`AcrPull` on the registry, Key Vault secret access) exist before the
 * first revision starts.
 */
import { Construct } from 'constructs';
import { ContainerApp } from '@cdktf/provider-azurerm/lib/container-app';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import type { LockConfig, ManagedIdentitiesConfig, NorwayConstructProps } from '../core/interfaces';
import type { NorwayRegion } from '../core/region';
import { isLiteral, Problems } from '../core/validation';
import {
  addRoleAssignments,
  identityBlock,
  protectFromDeletion,
  RoleAssignments,
  validateLock,
  validateRoleAssignments,
} from '../interfaces';

/** The environment an app runs in: a `NorwayContainerAppEnvironment`. */
export interface IContainerAppEnvironment {
  readonly id: string;
  readonly region: NorwayRegion;
  readonly workloadProfileNames: readonly string[];
}

/** A container registry the app pulls from with its identity. */
export interface ContainerRegistryPull {
  /** Login server, e.g. `crhospital.azurecr.io`. */
  readonly server: string;
  /** Resource id of the registry: the app's identity is granted `AcrPull` on it. */
  readonly registryId: string;
}

/** A secret as a Key Vault reference; its value never enters the configuration or the state. */
export interface KeyVaultSecretReference {
  /** Versionless id of the Key Vault secret (`https://<vault>.vault.azure.net/secrets/<name>`). */
  readonly keyVaultSecretId: string;
}

export interface NorwayContainerAppProps extends Omit<NorwayConstructProps, 'region'> {
  /** 2-32 lower-case letters, digits and hyphens, starting with a letter. */
  readonly name: string;
  /** The internal environment (its region is the app's). */
  readonly environment: IContainerAppEnvironment;
  /** The image, e.g. `crhospital.azurecr.io/lab/results:1.4.2`. */
  readonly image: string;
  /** Where images come from. @default - none (a public image, pulled anonymously) */
  readonly registry?: ContainerRegistryPull;
  /**
   * Secrets by name, each a Key Vault reference. The app's `identity` must be allowed to read them
   * (e.g. `Key Vault Secrets User` on the vault). @default - none
   */
  readonly secrets?: Readonly<Record<string, KeyVaultSecretReference>>;
  /** Environment variables: a literal, or `{ secretName }` of one of `secrets`. @default - none */
  readonly env?: Readonly<Record<string, string | { readonly secretName: string }>>;
  /** The port the container listens on. @default 8080 */
  readonly targetPort?: number;
  /** vCPU (0.25-4). @default 0.5 */
  readonly cpu?: number;
  /** Memory, twice the vCPU in GiB. @default '1Gi' */
  readonly memory?: string;
  /** @default 1 */
  readonly minReplicas?: number;
  /** @default 3 */
  readonly maxReplicas?: number;
  /** @default - the environment's first workload profile */
  readonly workloadProfileName?: string;
  /** @default - no system-assigned identity; only the identities the construct creates itself (the app's user-assigned `Identity`) */
  readonly managedIdentities?: ManagedIdentitiesConfig;
  /** @default - none */
  readonly roleAssignments?: RoleAssignments;
  /** The app is stateless, so none by default. @default - none */
  readonly lock?: LockConfig;
}

const NAME = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;
const SECRET = /^[a-z0-9][a-z0-9.-]{0,252}$/;

export class NorwayContainerApp extends Construct {
  readonly resource: ContainerApp;
  readonly id: string;
  readonly region: NorwayRegion;
  /** The app's own identity: grant it what the app reads (Key Vault secrets, databases). */
  readonly identity: UserAssignedIdentity;

  constructor(scope: Construct, id: string, props: NorwayContainerAppProps) {
    super(scope, id);
    const problems = new Problems(this);
    const region = props.environment?.region;
    problems.region(region);
    if (isLiteral(props.name) && !NAME.test(props.name))
      problems.add(
        `name ${JSON.stringify(props.name)} is invalid; use 2-32 lower-case letters, digits and hyphens, starting with a letter`,
      );
    if (!props.image)
      problems.add('image is empty: pass the image to run, e.g. crhospital.azurecr.io/app:1.0');
    if (props.registry && (!props.registry.server || !props.registry.registryId))
      problems.add('registry needs server and registryId (the app pulls with its identity, granted AcrPull)');
    const secrets = props.secrets ?? {};
    for (const [name, secret] of Object.entries(secrets)) {
      if (!SECRET.test(name))
        problems.add(
          `secrets key ${JSON.stringify(name)} is invalid; use lower-case letters, digits, '.' or '-'`,
        );
      if (!secret?.keyVaultSecretId)
        problems.add(
          `secrets.${name}.keyVaultSecretId is empty: secrets are Key Vault references only (IAM-001)`,
        );
    }
    for (const [name, value] of Object.entries(props.env ?? {}))
      if (typeof value !== 'string' && !(value.secretName in secrets))
        problems.add(`env.${name} names secret ${JSON.stringify(value.secretName)}, which is not in secrets`);
    const targetPort = props.targetPort ?? 8080;
    if (!Number.isInteger(targetPort) || targetPort < 1 || targetPort > 65535)
      problems.add(`targetPort ${targetPort} is outside 1-65535`);
    const cpu = props.cpu ?? 0.5;
    const memory = props.memory ?? '1Gi';
    if (cpu < 0.25 || cpu > 4 || Math.round(cpu * 4) !== cpu * 4)
      problems.add(`cpu ${cpu} is not a multiple of 0.25 between 0.25 and 4`);
    else if (memory !== `${cpu * 2}Gi`)
      problems.add(`memory ${memory} does not match cpu ${cpu}; use '${cpu * 2}Gi'`);
    const minReplicas = props.minReplicas ?? 1;
    const maxReplicas = props.maxReplicas ?? 3;
    if (!Number.isInteger(minReplicas) || minReplicas < 0 || minReplicas > maxReplicas || maxReplicas > 300)
      problems.add(`replicas ${minReplicas}-${maxReplicas} are not 0 <= min <= max <= 300`);
    const profiles = props.environment?.workloadProfileNames ?? [];
    const profile = props.workloadProfileName ?? profiles[0];
    if (profile === undefined || !profiles.includes(profile))
      problems.add(
        `workloadProfileName ${JSON.stringify(profile)} is not a profile of the environment (${profiles.join(', ') || 'none'})`,
      );
    validateLock(problems, props.lock);
    validateRoleAssignments(problems, props.roleAssignments);
    problems.throwIfAny();

    this.region = region;
    const tags = props.tags ? { ...props.tags } : undefined;
    this.identity = new UserAssignedIdentity(this, 'Identity', {
      name: `${props.name}-id`,
      location: region,
      resourceGroupName: props.resourceGroupName,
      tags,
    });
    const pull = props.registry
      ? new RoleAssignment(this, 'RegistryPull', {
          scope: props.registry.registryId,
          roleDefinitionName: 'AcrPull',
          principalId: this.identity.principalId,
          principalType: 'ServicePrincipal',
        })
      : undefined;

    this.resource = new ContainerApp(this, 'Resource', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      containerAppEnvironmentId: props.environment.id,
      revisionMode: 'Single',
      workloadProfileName: profile,
      identity: identityBlock(props.managedIdentities, false, [this.identity.id]),
      ingress: {
        // Reachable inside the virtual network only, over HTTPS only.
        externalEnabled: false,
        allowInsecureConnections: false,
        targetPort,
        transport: 'auto',
        trafficWeight: [{ latestRevision: true, percentage: 100 }],
      },
      registry: props.registry ? [{ server: props.registry.server, identity: this.identity.id }] : undefined,
      secret:
        Object.keys(secrets).length > 0
          ? Object.entries(secrets).map(([name, s]) => ({
              name,
              keyVaultSecretId: s.keyVaultSecretId,
              identity: this.identity.id,
            }))
          : undefined,
      template: {
        minReplicas,
        maxReplicas,
        container: [
          {
            name: props.name,
            image: props.image,
            cpu,
            memory,
            env: Object.entries(props.env ?? {}).map(([name, value]) =>
              typeof value === 'string' ? { name, value } : { name, secretName: value.secretName },
            ),
          },
        ],
      },
      dependsOn: pull ? [pull] : undefined,
      tags,
    });
    this.id = this.resource.id;

    if (props.lock) protectFromDeletion(this, this.resource, props.lock);
    addRoleAssignments(this, this.resource.id, props.roleAssignments);
  }
}
