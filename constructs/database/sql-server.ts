/**
 * Azure SQL in Norway: a logical server with Entra ID authentication only, no public network access
 * (a private endpoint with its DNS zone), TDE with a customer-managed key, auditing to the Norway
 * workspace, and its databases (zone-redundant where the region has zones, geo backup storage to the
 * pair, long-term retention, diagnostics, deletion protection); optionally a failover group to a
 * partner server in the pair region.
 */
import { Construct } from 'constructs';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { MssqlDatabase } from '@cdktf/provider-azurerm/lib/mssql-database';
import { MssqlFailoverGroup } from '@cdktf/provider-azurerm/lib/mssql-failover-group';
import { MssqlServer } from '@cdktf/provider-azurerm/lib/mssql-server';
import { MssqlServerExtendedAuditingPolicy } from '@cdktf/provider-azurerm/lib/mssql-server-extended-auditing-policy';
import {
  CustomerManagedKeyOption,
  DiagnosticSettingsOption,
  isRelaxed,
  LockConfig,
  ManagedIdentitiesConfig,
  NorwayConstructProps,
} from '../core/interfaces';
import { nameProblem, SQL_SERVER_NAME } from '../core/naming';
import { NorwayRegion, REGION_CAPABILITIES, regionCapabilities } from '../core/region';
import { Problems } from '../core/validation';
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
  validateLockAt,
  validatePrivateEndpoints,
  validateRoleAssignments,
} from '../interfaces';
import { NorwayKeyVaultKey } from '../keyvault/key-vault-key';
import type { EntraAdministrator } from './postgresql-flexible-server';

/** The `privatelink` zone SQL private endpoints register in. */
export const SQL_PRIVATE_DNS_ZONE = 'privatelink.database.windows.net';

export interface SqlDatabaseConfig {
  /** @default 'GP_Gen5_2' */
  readonly skuName?: string;
  /** @default 32 */
  readonly maxSizeGb?: number;
  /** Days of point-in-time restore (1-35). @default 35 */
  readonly shortTermRetentionDays?: number;
  /** @default - weekly backups kept 12 weeks, monthly 12 months, yearly (week 1) 5 years */
  readonly longTermRetention?: {
    readonly weeklyRetention: string;
    readonly monthlyRetention: string;
    readonly yearlyRetention: string;
  };
  /** @default - CanNotDelete lock and prevent_destroy */
  readonly lock?: LockConfig;
}

export interface NorwaySqlServerProps extends NorwayConstructProps {
  /** 2-63 lowercase letters, digits and hyphens; globally unique. */
  readonly name: string;
  /** The Entra ID tenant that authenticates sign-ins. */
  readonly tenantId: string;
  /** The Entra ID group that administers the server (SQL authentication is off). */
  readonly entraAdministrator: EntraAdministrator;
  /** Databases on the server by name. @default - none */
  readonly databases?: Readonly<Record<string, SqlDatabaseConfig>>;
  /**
   * A server in the pair region to fail over to; creates a failover group (`FailoverGroup`) with every
   * database. @default - none
   */
  readonly failoverPartner?: NorwaySqlServer;
  /** Required: TDE with a key in a Norway Key Vault, or `{ relaxed: true, justification }`. */
  readonly customerManagedKey: CustomerManagedKeyOption;
  /** Required: audit logs (server) and database diagnostics to a Log Analytics workspace in Norway. */
  readonly diagnosticSettings: DiagnosticSettingsOption;
  /** Required: at least one; the server has no public network access. */
  readonly privateEndpoints: PrivateEndpoints;
  /** Lock on the server. @default - CanNotDelete lock and prevent_destroy */
  readonly lock?: LockConfig;
  /** @default - none */
  readonly roleAssignments?: RoleAssignments;
  /** @default - no system-assigned identity; only the identities the construct creates itself (the customer-managed key's) */
  readonly managedIdentities?: ManagedIdentitiesConfig;
}

const DATABASE_NAME = /^[A-Za-z0-9][A-Za-z0-9-_]{0,127}$/;

export class NorwaySqlServer extends Construct {
  readonly resource: MssqlServer;
  readonly id: string;
  readonly region: NorwayRegion;
  readonly key?: NorwayKeyVaultKey;
  readonly databases: Readonly<Record<string, MssqlDatabase>>;
  readonly failoverGroup?: MssqlFailoverGroup;

  constructor(scope: Construct, id: string, props: NorwaySqlServerProps) {
    super(scope, id);
    const problems = new Problems(this);
    problems.region(props.region);
    const known = REGION_CAPABILITIES[props.region] !== undefined;
    const bad = nameProblem(props.name, SQL_SERVER_NAME);
    if (bad) problems.add(`${bad}; e.g. 'sql-hospital-records'`);
    if (!props.entraAdministrator?.objectId || !props.entraAdministrator?.principalName)
      problems.add(
        'entraAdministrator needs objectId and principalName: the Entra ID group that administers the server',
      );
    if (!props.tenantId)
      problems.add('tenantId is empty: pass the Entra ID tenant that authenticates sign-ins');
    for (const [name, db] of Object.entries(props.databases ?? {})) {
      if (!DATABASE_NAME.test(name))
        problems.add(`databases key ${JSON.stringify(name)} is not a valid database name`);
      const days = db.shortTermRetentionDays ?? 35;
      if (!Number.isInteger(days) || days < 1 || days > 35)
        problems.add(`databases.${name}.shortTermRetentionDays ${days} is outside 1-35`);
      validateLockAt(problems, `databases.${name}.lock`, db.lock);
    }
    if (props.failoverPartner && known) {
      const pair = regionCapabilities(props.region).pair;
      if (props.failoverPartner.region !== pair)
        problems.add(
          `failoverPartner is in ${props.failoverPartner.region}; a failover group goes only to the pair region ${pair}`,
        );
    }
    validateCustomerManagedKey(problems, props.customerManagedKey, { protects: 'the databases (TDE)' });
    validateDiagnosticSettings(problems, props.diagnosticSettings);
    requirePrivateEndpoint(problems, props.privateEndpoints);
    validatePrivateEndpoints(problems, props.privateEndpoints);
    validateLock(problems, props.lock);
    validateRoleAssignments(problems, props.roleAssignments);
    problems.throwIfAny();

    this.region = props.region;
    const tags = props.tags ? { ...props.tags } : undefined;
    const zones = regionCapabilities(props.region).zones;
    const cmk = addCustomerManagedKey(
      this,
      { region: props.region, resourceGroupName: props.resourceGroupName, resourceName: props.name, tags },
      props.customerManagedKey,
    );
    this.key = cmk?.key;

    this.resource = new MssqlServer(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      version: '12.0',
      minimumTlsVersion: '1.2',
      publicNetworkAccessEnabled: false,
      // No data leaves through the server's own outbound connections (linked servers, external tables).
      outboundNetworkRestrictionEnabled: true,
      azureadAdministrator: {
        loginUsername: props.entraAdministrator.principalName,
        objectId: props.entraAdministrator.objectId,
        tenantId: props.tenantId,
        azureadAuthenticationOnly: true,
      },
      identity: identityBlock(props.managedIdentities, false, cmk ? [cmk.identity.id] : []),
      primaryUserAssignedIdentityId: cmk?.identity.id,
      transparentDataEncryptionKeyVaultKeyId: cmk?.key.id,
      dependsOn: cmk ? [cmk.keyAccess] : undefined,
      tags,
    });
    this.id = this.resource.id;

    // Auditing goes to the workspace through the master database's SQLSecurityAuditEvents (LOG-003).
    const auditing = new MssqlServerExtendedAuditingPolicy(this, 'Auditing', {
      serverId: this.resource.id,
      enabled: true,
      logMonitoringEnabled: true,
    });
    if (!isRelaxed(props.diagnosticSettings)) {
      new MonitorDiagnosticSetting(this, 'AuditDiagnostics', {
        name: props.diagnosticSettings.name ?? 'to-log-analytics',
        targetResourceId: `${this.resource.id}/databases/master`,
        logAnalyticsWorkspaceId: props.diagnosticSettings.workspaceId,
        logAnalyticsDestinationType: 'Dedicated',
        enabledLog: [{ category: 'SQLSecurityAuditEvents' }],
        dependsOn: [auditing],
      });
    }

    const databases: Record<string, MssqlDatabase> = {};
    for (const [name, db] of Object.entries(props.databases ?? {})) {
      const scope = new Construct(this, `Database-${name}`);
      const resource = new MssqlDatabase(scope, 'Resource', {
        name,
        serverId: this.resource.id,
        skuName: db.skuName ?? 'GP_Gen5_2',
        maxSizeGb: db.maxSizeGb ?? 32,
        zoneRedundant: zones.length > 0,
        // Backups zone-redundant and copied to the pair (GeoZone), or geo-only where there are no zones.
        storageAccountType: zones.length > 0 ? 'GeoZone' : 'Geo',
        transparentDataEncryptionEnabled: true,
        shortTermRetentionPolicy: { retentionDays: db.shortTermRetentionDays ?? 35 },
        longTermRetentionPolicy: {
          weeklyRetention: db.longTermRetention?.weeklyRetention ?? 'P12W',
          monthlyRetention: db.longTermRetention?.monthlyRetention ?? 'P12M',
          yearlyRetention: db.longTermRetention?.yearlyRetention ?? 'P5Y',
          weekOfYear: 1,
        },
        tags,
      });
      protectFromDeletion(scope, resource, db.lock);
      addDiagnosticSettings(scope, resource.id, props.diagnosticSettings);
      databases[name] = resource;
    }
    this.databases = databases;

    if (props.failoverPartner) {
      this.failoverGroup = new MssqlFailoverGroup(this, 'FailoverGroup', {
        name: `${props.name}-fog`,
        serverId: this.resource.id,
        partnerServer: [{ id: props.failoverPartner.id }],
        databases: Object.values(databases).map((d) => d.id),
        readWriteEndpointFailoverPolicy: { mode: 'Automatic', graceMinutes: 60 },
        tags,
      });
    }

    protectFromDeletion(this, this.resource, props.lock);
    addRoleAssignments(this, this.resource.id, props.roleAssignments);
    addPrivateEndpoints(
      this,
      {
        region: props.region,
        resourceGroupName: props.resourceGroupName,
        resourceId: this.resource.id,
        resourceName: props.name,
        defaultSubresource: 'sqlServer',
        tags,
      },
      props.privateEndpoints,
    );
  }
}
