/**
 * The private DNS zones each hub creates, derived from what the estate puts behind private endpoints:
 * the platform's own (state account blobs, Key Vaults), the zones of the application kinds the trusts
 * declare (`apps:`), and whatever the extensions declare. A zone nobody needs is not created, and a
 * team's own zone (PostgreSQL, Service Bus) joins the hub's set instead of clashing with it.
 */
import { aksPrivateDnsZone } from '../constructs/containers/kubernetes-cluster';
import type { NorwayRegion } from '../constructs/core/region';
import { POSTGRESQL_PRIVATE_DNS_ZONE } from '../constructs/database/postgresql-flexible-server';
import { SQL_PRIVATE_DNS_ZONE } from '../constructs/database/sql-server';
import { HEALTH_DATA_PRIVATE_DNS_ZONES } from '../constructs/health/health-data-services';
import { CONTAINER_REGISTRY_PRIVATE_DNS_ZONE } from '../constructs/containers/container-registry';
import { EVENT_HUBS_PRIVATE_DNS_ZONE } from '../constructs/messaging/event-hubs-namespace';
import { SERVICE_BUS_PRIVATE_DNS_ZONE } from '../constructs/messaging/service-bus-namespace';
import { FILE_PRIVATE_DNS_ZONE } from '../constructs/storage/file-share-account';
import { WEB_APP_PRIVATE_DNS_ZONE } from '../constructs/web/linux-web-app';
import type { AppConfig, PlatformConfig } from './config/schema';
import type { PlatformExtension } from './extensions';

export const BLOB_ZONE = 'privatelink.blob.core.windows.net';
export const VAULT_ZONE = 'privatelink.vaultcore.azure.net';
export const POSTGRESQL_ZONE = POSTGRESQL_PRIVATE_DNS_ZONE;
export const SQL_ZONE = SQL_PRIVATE_DNS_ZONE;
export const FILE_ZONE = FILE_PRIVATE_DNS_ZONE;
export const SERVICE_BUS_ZONE = SERVICE_BUS_PRIVATE_DNS_ZONE;
export const HEALTH_DATA_ZONES = HEALTH_DATA_PRIVATE_DNS_ZONES;
export const CONTAINER_REGISTRY_ZONE = CONTAINER_REGISTRY_PRIVATE_DNS_ZONE;
/** The same zone as Service Bus: one zone for both, created once. */
export const EVENT_HUBS_ZONE = EVENT_HUBS_PRIVATE_DNS_ZONE;
export const WEB_APP_ZONE = WEB_APP_PRIVATE_DNS_ZONE;

/** Zones every hub needs for the platform (state account, Key Vault) and the trusts' storage. */
export const ESTATE_DNS_ZONES: readonly string[] = [BLOB_ZONE, VAULT_ZONE];

/** The zones an application kind puts its private endpoints (or private API server) in, per region. */
const APP_ZONES: Readonly<
  Record<AppConfig['kind'], (regions: readonly NorwayRegion[]) => readonly string[]>
> = {
  aks: (regions) => regions.map(aksPrivateDnsZone),
  gateway: () => [],
  postgresql: () => [POSTGRESQL_ZONE],
  sql: () => [SQL_ZONE],
  files: () => [FILE_ZONE],
  healthdata: () => HEALTH_DATA_ZONES,
  messaging: () => [SERVICE_BUS_ZONE],
  registry: () => [CONTAINER_REGISTRY_ZONE],
  eventhubs: () => [EVENT_HUBS_ZONE],
  windowsvm: () => [],
  backupvault: () => [],
  webapp: () => [WEB_APP_ZONE],
  // The internal environment's zone is its own default domain, created with it in the workload stack.
  containerapp: () => [],
};

/**
 * The estate's zones first (stable order), then those the configured applications and the extensions
 * need, in name order, each once.
 */
export function requiredDnsZones(
  config?: Pick<PlatformConfig, 'trusts'> & Partial<Pick<PlatformConfig, 'environments'>>,
  extensions: readonly PlatformExtension[] = [],
): string[] {
  // Workloads run in their environment's primary region (a private AKS zone is per region).
  const regions = [...new Set((config?.environments ?? []).map((e) => e.primary.region))];
  const fromApps = (config?.trusts ?? []).flatMap((t) =>
    Object.values(t.apps).flatMap((a) => APP_ZONES[a.kind](regions)),
  );
  const extra = [...fromApps, ...extensions.flatMap((e) => e.privateDnsZones ?? [])].filter(
    (z) => !ESTATE_DNS_ZONES.includes(z),
  );
  return [...ESTATE_DNS_ZONES, ...[...new Set(extra)].sort()];
}
