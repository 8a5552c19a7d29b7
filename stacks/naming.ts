/**
 * Stack ids and resource names derived from the configuration. Stack ids become Terraform state keys
 * (`<stack>.tfstate`) and resource names become Azure names: changing a rule here renames (replaces)
 * infrastructure, so these functions are the contract between the configuration and what is deployed.
 */
import type { NorwayRegion } from '../constructs/core/region';
import type { EnvironmentConfig, PlatformConfig, TrustConfig } from './config/schema';

/** Short region suffixes, as in Microsoft's naming examples (`noe`, `now`). */
export const REGION_SHORT: Readonly<Record<NorwayRegion, string>> = { norwayeast: 'noe', norwaywest: 'now' };

export type SiteRole = 'primary' | 'dr';

export const BOOTSTRAP_STACK_ID = 'bootstrap';

export function platformStackId(environment: string, region: NorwayRegion): string {
  return `platform-${environment}-${region}`;
}

export function workloadStackId(trust: string, environment: string): string {
  return `workload-${trust}-${environment}`;
}

/** Names of the platform resources of one environment in one region. */
export function platformNames(config: PlatformConfig, env: EnvironmentConfig, region: NorwayRegion) {
  const base = `${config.organisation.code}-${env.name}`;
  const r = REGION_SHORT[region];
  return {
    resourceGroup: `rg-${base}-platform-${r}`,
    hubNetwork: `vnet-${base}-hub-${r}`,
    logAnalytics: `log-${base}-${r}`,
    keyVault: `kv-${base}-${r}`,
    backupVault: `rsv-${base}-${r}`,
  };
}

/** Names of one trust's workload resources in one environment. */
export function workloadNames(config: PlatformConfig, trust: TrustConfig, env: EnvironmentConfig) {
  const org = config.organisation.code;
  const r = REGION_SHORT[env.primary.region];
  const base = `${org}-${trust.name}-${env.name}`;
  return {
    resourceGroup: `rg-${base}-${r}`,
    spokeNetwork: `vnet-${base}-${r}`,
    scaleSet: `vmss-${org}-${trust.code}-${env.name}-${r}`,
    // Storage account names allow 24 lower-case letters and digits: st + org (≤5) + code (≤6) + env (≤8) + r (3) ≤ 24.
    storageAccount: `st${org}${trust.code}${env.name}${r}`,
    /** PostgreSQL server names are global: psql + org + code + env + app + region (≤ 63). */
    postgresqlServer: (app: string) => `psql-${org}-${trust.code}-${env.name}-${app}-${r}`,
    sqlServer: (app: string) => `sql-${org}-${trust.code}-${env.name}-${app}-${r}`,
    // Windows computer names are at most 15 characters: code (≤6) + app (≤8, truncated).
    windowsVm: (app: string) => `vm${trust.code}${app}`.slice(0, 15),
    // A storage account name (≤ 24): the construct rejects, naming the app, one that does not fit.
    fileShareAccount: (app: string) => `st${org}${trust.code}${env.name}${app}`,
    healthWorkspace: (app: string) => `hds${org}${trust.code}${env.name}${app}`,
    backupVault: (app: string) => `bvault-${org}-${trust.code}-${env.name}-${app}-${r}`,
    serviceBus: (app: string) => `sb-${org}-${trust.code}-${env.name}-${app}-${r}`,
    // Registry names are letters and digits only (5-50): cr + org + code + env + app + region.
    containerRegistry: (app: string) => `cr${org}${trust.code}${env.name}${app}${r}`,
    eventHubs: (app: string) => `evhns-${org}-${trust.code}-${env.name}-${app}-${r}`,
    /** Web app names are global (≤ 60): app + org + code + env + app + region. */
    webApp: (app: string) => `app-${org}-${trust.code}-${env.name}-${app}-${r}`,
    containerAppEnvironment: (app: string) => `cae-${org}-${trust.code}-${env.name}-${app}-${r}`,
    // Container App names are unique in their environment only (≤ 32).
    containerApp: (app: string) => `ca-${trust.code}-${app}`,
    kubernetesCluster: (app: string) => `aks-${org}-${trust.code}-${env.name}-${app}-${r}`,
    applicationGateway: (app: string) => `agw-${org}-${trust.code}-${env.name}-${app}-${r}`,
  };
}

/** Names of the Terraform state resources (the bootstrap stack). */
export function stateNames(config: PlatformConfig) {
  return {
    resourceGroup: config.state.resourceGroupName,
    storageAccount: config.state.storageAccountName,
    container: config.state.containerName,
    keyVault: `kv-${config.organisation.code}-tfstate-${REGION_SHORT[config.state.region]}`,
    logAnalytics: `log-${config.organisation.code}-tfstate-${REGION_SHORT[config.state.region]}`,
  };
}
