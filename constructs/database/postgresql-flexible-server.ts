/**
 * Azure Database for PostgreSQL Flexible Server in Norway: Entra ID authentication only, no public
 * network access (a private endpoint with its DNS zone), a customer-managed key, high availability
 * from the region's capabilities, geo-redundant backup only to the Norway pair, connection logging,
 * diagnostics to the Norway workspace and deletion protection.
 */
import { Construct } from 'constructs';
import { PostgresqlFlexibleServer } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server';
import { PostgresqlFlexibleServerActiveDirectoryAdministrator } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-active-directory-administrator';
import { PostgresqlFlexibleServerConfiguration } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-configuration';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import type {
  CustomerManagedKeyOption,
  DiagnosticSettingsOption,
  ICustomerManagedKeyVault,
  Relaxed,
  LockConfig,
  ManagedIdentitiesConfig,
  NorwayConstructProps,
} from '../core/interfaces';
import { isRelaxed } from '../core/interfaces';
import { nameProblem, POSTGRESQL_SERVER_NAME } from '../core/naming';
import { NorwayRegion, REGION_CAPABILITIES, regionCapabilities } from '../core/region';
import type { Tags } from '../core/tags';
import { Problems, warnRelaxed } from '../core/validation';
import {
  addCustomerManagedKey,
  addDiagnosticSettings,
  addPrivateEndpoints,
  addRoleAssignments,
  identityBlock,
  PrivateEndpoints,
  protectFromDeletion,
  requirePrivateEndpoint,
  RoleAssignments,
  validateCustomerManagedKey,
  validateDiagnosticSettings,
  validateLock,
  validatePrivateEndpoints,
  validateRoleAssignments,
} from '../interfaces';
import { NorwayKeyVaultKey } from '../keyvault/key-vault-key';

/** The `privatelink` zone PostgreSQL private endpoints register in. */
export const POSTGRESQL_PRIVATE_DNS_ZONE = 'privatelink.postgres.database.azure.com';

/** The Entra ID principal that administers the server (a group, in practice). */
export interface EntraAdministrator {
  readonly objectId: string;
  /** Display name of the principal (the user principal name for a user). */
  readonly principalName: string;
  /** @default 'Group' */
  readonly principalType?: 'User' | 'Group' | 'ServicePrincipal';
}

/**
 * Geo-redundant backup: the copy goes only to the pair region. With a customer-managed key the copy is
 * encrypted with a key in a vault in the pair region; `{ relaxed: true, justification }` goes without.
 */
export type GeoRedundantBackupOption =
  { readonly keyVault?: ICustomerManagedKeyVault; readonly tags?: Tags } | Relaxed;

export interface NorwayPostgresqlFlexibleServerProps extends NorwayConstructProps {
  /** 3-63 lowercase letters, digits and hyphens; globally unique. */
  readonly name: string;
  /** The Entra ID tenant that authenticates sign-ins. */
  readonly tenantId: string;
  /** Who administers the server through Entra ID (password authentication is off). */
  readonly entraAdministrator: EntraAdministrator;
  /** @default '16' */
  readonly version?: '13' | '14' | '15' | '16';
  /** @default 'GP_Standard_D2ds_v5' (General Purpose; Burstable has no high availability) */
  readonly skuName?: string;
  /** @default 131072 (128 GiB) */
  readonly storageMb?: number;
  /** Days of point-in-time restore (7-35). @default 35 */
  readonly backupRetentionDays?: number;
  /**
   * High availability: `ZoneRedundant` where the region has zones, `SameZone` where it has none.
   * @default - from the region's capabilities
   */
  readonly highAvailability?: { readonly mode: 'ZoneRedundant' | 'SameZone' } | Relaxed;
  /** @default - geo-redundant backup on, to the pair region */
  readonly geoRedundantBackup?: GeoRedundantBackupOption;
  /** Required: a key in a Norway Key Vault, or `{ relaxed: true, justification }`. */
  readonly customerManagedKey: CustomerManagedKeyOption;
  /** Required: server logs and metrics to a Log Analytics workspace in Norway. */
  readonly diagnosticSettings: DiagnosticSettingsOption;
  /** Required: at least one; the server has no public network access. */
  readonly privateEndpoints: PrivateEndpoints;
  /** @default - CanNotDelete lock and prevent_destroy */
  readonly lock?: LockConfig;
  /** @default - none */
  readonly roleAssignments?: RoleAssignments;
  /** @default - no system-assigned identity; only the identities the construct creates itself (the customer-managed key's) */
  readonly managedIdentities?: ManagedIdentitiesConfig;
}

const VERSIONS = ['13', '14', '15', '16'];

export class NorwayPostgresqlFlexibleServer extends Construct {
  readonly resource: PostgresqlFlexibleServer;
  readonly id: string;
  readonly region: NorwayRegion;
  readonly key?: NorwayKeyVaultKey;

  constructor(scope: Construct, id: string, props: NorwayPostgresqlFlexibleServerProps) {
    super(scope, id);
    const problems = new Problems(this);
    problems.region(props.region);
    const known = REGION_CAPABILITIES[props.region] !== undefined;
    const bad = nameProblem(props.name, POSTGRESQL_SERVER_NAME);
    if (bad) problems.add(`${bad}; e.g. 'psql-hospital-records'`);
    const version = props.version ?? '16';
    if (!VERSIONS.includes(version))
      problems.add(`version ${JSON.stringify(version)} is not one of ${VERSIONS.join(', ')}`);
    const retention = props.backupRetentionDays ?? 35;
    if (!Number.isInteger(retention) || retention < 7 || retention > 35)
      problems.add(`backupRetentionDays ${retention} is outside 7-35`);
    const skuName = props.skuName ?? 'GP_Standard_D2ds_v5';
    const zones = known ? regionCapabilities(props.region).zones : [];
    const ha = props.highAvailability;
    if (ha && isRelaxed(ha)) problems.relaxed('highAvailability', ha);
    else {
      if (skuName.startsWith('B_'))
        problems.add(`skuName ${skuName} is Burstable, which has no high availability; use a GP_ or MO_ SKU`);
      if (ha?.mode === 'ZoneRedundant' && known && zones.length === 0)
        problems.add(
          `highAvailability ZoneRedundant needs availability zones, which ${props.region} does not have; use SameZone`,
        );
    }
    if (!props.entraAdministrator?.objectId || !props.entraAdministrator?.principalName)
      problems.add(
        'entraAdministrator needs objectId and principalName: the Entra ID group that administers the server',
      );
    if (!props.tenantId)
      problems.add('tenantId is empty: pass the Entra ID tenant that authenticates sign-ins');
    validateCustomerManagedKey(problems, props.customerManagedKey, { protects: 'the database' });
    const geo = props.geoRedundantBackup ?? {};
    const cmkOn = props.customerManagedKey !== undefined && !isRelaxed(props.customerManagedKey);
    if (isRelaxed(geo)) problems.relaxed('geoRedundantBackup', geo);
    else if (cmkOn && known) {
      const pair = regionCapabilities(props.region).pair;
      if (!geo.keyVault)
        problems.add(
          `geoRedundantBackup.keyVault is missing: a geo backup encrypted with a customer-managed key needs a NorwayKeyVault in ${pair} (the pair)`,
        );
      else if (geo.keyVault.region !== pair)
        problems.add(
          `geoRedundantBackup.keyVault is in ${geo.keyVault.region}; the geo backup key must be in the pair region ${pair}`,
        );
    }
    validateDiagnosticSettings(problems, props.diagnosticSettings);
    requirePrivateEndpoint(problems, props.privateEndpoints);
    validatePrivateEndpoints(problems, props.privateEndpoints);
    validateLock(problems, props.lock);
    validateRoleAssignments(problems, props.roleAssignments);
    problems.throwIfAny();

    this.region = props.region;
    const tags = props.tags ? { ...props.tags } : undefined;
    const cmk = addCustomerManagedKey(
      this,
      { region: props.region, resourceGroupName: props.resourceGroupName, resourceName: props.name, tags },
      props.customerManagedKey,
    );
    this.key = cmk?.key;

    // The geo copy's key lives in the pair region, with an identity there that may use it.
    let geoKey: NorwayKeyVaultKey | undefined;
    let geoIdentity: UserAssignedIdentity | undefined;
    let geoAccess: RoleAssignment | undefined;
    if (cmk && !isRelaxed(geo) && geo.keyVault) {
      const pair = regionCapabilities(props.region).pair;
      geoKey = new NorwayKeyVaultKey(this, 'GeoBackupKey', {
        keyVault: geo.keyVault,
        name: `${props.name}-geo-cmk`,
        tags,
      });
      geoIdentity = new UserAssignedIdentity(this, 'GeoBackupKeyIdentity', {
        name: `${props.name}-geo-cmk`,
        location: pair,
        resourceGroupName: props.resourceGroupName,
        tags: { ...(tags ?? {}), ...(geo.tags ?? {}) },
      });
      geoAccess = new RoleAssignment(this, 'GeoBackupKeyAccess', {
        scope: geoKey.resourceId,
        roleDefinitionName: 'Key Vault Crypto Service Encryption User',
        principalId: geoIdentity.principalId,
        principalType: 'ServicePrincipal',
      });
    }
    const haMode =
      ha && isRelaxed(ha) ? undefined : (ha?.mode ?? (zones.length > 0 ? 'ZoneRedundant' : 'SameZone'));
    const ownIdentities = [cmk?.identity.id, geoIdentity?.id].filter((x): x is string => x !== undefined);

    this.resource = new PostgresqlFlexibleServer(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      version,
      skuName,
      storageMb: props.storageMb ?? 131072,
      autoGrowEnabled: true,
      backupRetentionDays: retention,
      geoRedundantBackupEnabled: !isRelaxed(geo),
      publicNetworkAccessEnabled: false,
      zone: zones.length > 0 ? zones[0] : undefined,
      highAvailability: haMode
        ? { mode: haMode, standbyAvailabilityZone: haMode === 'ZoneRedundant' ? zones[1] : undefined }
        : undefined,
      authentication: {
        activeDirectoryAuthEnabled: true,
        passwordAuthEnabled: false,
        tenantId: props.tenantId,
      },
      identity: identityBlock(props.managedIdentities, false, ownIdentities),
      customerManagedKey: cmk
        ? {
            keyVaultKeyId: cmk.key.versionlessId,
            primaryUserAssignedIdentityId: cmk.identity.id,
            geoBackupKeyVaultKeyId: geoKey?.versionlessId,
            geoBackupUserAssignedIdentityId: geoIdentity?.id,
          }
        : undefined,
      dependsOn: [cmk?.keyAccess, geoAccess].filter((x): x is RoleAssignment => x !== undefined),
      tags,
    });
    this.id = this.resource.id;

    new PostgresqlFlexibleServerActiveDirectoryAdministrator(this, 'EntraAdministrator', {
      serverName: this.resource.name,
      resourceGroupName: props.resourceGroupName,
      tenantId: props.tenantId,
      objectId: props.entraAdministrator.objectId,
      principalName: props.entraAdministrator.principalName,
      principalType: props.entraAdministrator.principalType ?? 'Group',
    });
    // Who connected, and TLS enforced in the server itself (LOG-003, ENC-004).
    for (const [childId, name, value] of [
      ['LogConnections', 'log_connections', 'on'],
      ['LogDisconnections', 'log_disconnections', 'on'],
      ['RequireSecureTransport', 'require_secure_transport', 'on'],
      ['MinimumTls', 'ssl_min_protocol_version', 'TLSv1.2'],
    ] as const) {
      new PostgresqlFlexibleServerConfiguration(this, childId, { serverId: this.resource.id, name, value });
    }

    if (ha && isRelaxed(ha)) warnRelaxed(this, 'high availability off', ha);
    if (isRelaxed(geo)) warnRelaxed(this, 'geo-redundant backup off (no copy in the pair region)', geo);
    protectFromDeletion(this, this.resource, props.lock);
    addRoleAssignments(this, this.resource.id, props.roleAssignments);
    addPrivateEndpoints(
      this,
      {
        region: props.region,
        resourceGroupName: props.resourceGroupName,
        resourceId: this.resource.id,
        resourceName: props.name,
        defaultSubresource: 'postgresqlServer',
        tags,
      },
      props.privateEndpoints,
    );
    addDiagnosticSettings(this, this.resource.id, props.diagnosticSettings);
  }
}
