/**
 * Inputs for the reporter tests: those of report-inputs.ts, plus a synthesized stack built from raw provider
 * resources and the default platform, each checked once.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'cdktf';
import { CosmosdbAccount } from '@cdktf/provider-azurerm/lib/cosmosdb-account';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { MssqlServer } from '@cdktf/provider-azurerm/lib/mssql-server';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { NORWAY_EAST } from '../../constructs/core/region';
import { NorwayStack } from '../../stacks/norway-stack';
import { suppress } from '../../policies/cdktf/suppress';
import { checkModels, CheckOptions } from '../../policies/engine/engine';
import { ALL_RULES } from '../../policies/rules';
import type { CheckResult } from '../../policies/engine/result';
import { loadCdktfOut } from '../../policies/model/load-cdktf-out';

import { SECRETS } from './report-inputs';
import { TODAY } from './today';

export { FIXTURES, PLAN_FILE, planReport, POLICY_FILE, ROOT, SECRETS } from './report-inputs';

export const STACK_ID = 'data-noe';

/**
 * A stack of raw provider resources, synthesized with `app.synth()` into a temporary cdktf.out: a store
 * in westeurope, a GRS account with a customer-managed key and blob diagnostics, a literal SQL password,
 * and a construct suppression that expires within 30 days.
 */
export function synthStack(): { outdir: string; stack: NorwayStack } {
  const outdir = mkdtempSync(join(tmpdir(), 'norway-reports-'));
  process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = 'true';
  const app = new App({ outdir });
  const stack = buildDataStack(app);
  app.synth();
  return { outdir, stack };
}

export function buildDataStack(app: App, id = STACK_ID): NorwayStack {
  const stack = new NorwayStack(app, id, {
    region: NORWAY_EAST,
    state: {
      resourceGroupName: 'rg-tfstate-noe',
      storageAccountName: 'sttfstatenoe001',
      containerName: 'tfstate',
    },
    policy: { today: TODAY },
  });
  const rg = new ResourceGroup(stack, 'rg', { name: 'rg-data-noe', location: NORWAY_EAST });
  const vault = new KeyVault(stack, 'vault', {
    name: 'kv-data-noe',
    location: rg.location,
    resourceGroupName: rg.name,
    tenantId: '00000000-0000-0000-0000-0000000000aa',
    skuName: 'premium',
    purgeProtectionEnabled: true,
  });
  const key = new KeyVaultKey(stack, 'key', {
    name: 'cmk',
    keyVaultId: vault.id,
    keyType: 'RSA-HSM',
    keySize: 3072,
    keyOpts: ['wrapKey', 'unwrapKey'],
  });
  const logs = new LogAnalyticsWorkspace(stack, 'logs', {
    name: 'log-data-noe',
    location: rg.location,
    resourceGroupName: rg.name,
    retentionInDays: 365,
  });
  const records = new StorageAccount(stack, 'records', {
    name: 'strecordsnoe001',
    location: rg.location,
    resourceGroupName: rg.name,
    accountTier: 'Standard',
    accountReplicationType: 'GRS',
    customerManagedKey: {
      keyVaultKeyId: key.versionlessId,
      userAssignedIdentityId: '${azurerm_user_assigned_identity.cmk.id}',
    },
  });
  new MonitorDiagnosticSetting(stack, 'records-blob-diagnostics', {
    name: 'diag-records-blob',
    targetResourceId: `${records.id}/blobServices/default`,
    logAnalyticsWorkspaceId: logs.id,
    enabledLog: [{ categoryGroup: 'allLogs' }],
  });
  const abroad = new StorageAccount(stack, 'abroad', {
    name: 'stabroadweu001',
    location: 'westeurope',
    resourceGroupName: rg.name,
    accountTier: 'Standard',
    accountReplicationType: 'LRS',
  });
  suppress(abroad, {
    ruleId: 'RES-001',
    reason: 'Migration source, removed after the cut-over (CHG-2291)',
    expires: '2026-12-05',
  });
  new CosmosdbAccount(stack, 'journal', {
    name: 'cosmos-journal-noe',
    location: rg.location,
    resourceGroupName: rg.name,
    offerType: 'Standard',
    consistencyPolicy: { consistencyLevel: 'Session' },
    geoLocation: [
      { location: NORWAY_EAST, failoverPriority: 0 },
      { location: 'swedencentral', failoverPriority: 1 },
    ],
  });
  new MssqlServer(stack, 'sql', {
    name: 'sql-data-noe',
    location: rg.location,
    resourceGroupName: rg.name,
    version: '12.0',
    administratorLogin: 'sqladmin',
    administratorLoginPassword: SECRETS.sqlPassword,
  });
  return stack;
}

export function synthStackReport(outdir: string, options: Partial<CheckOptions> = {}): CheckResult {
  return checkModels(loadCdktfOut(outdir), { rules: ALL_RULES, today: TODAY, ...options });
}

/** The default platform from the embedded configuration, synthesized in-process as `cdktf synth` would. */
export function platformReport(): { report: CheckResult; outdir: string } {
  // Loaded here, not at the top: only the tests that need the whole platform pay for importing it.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { loadConfig }: typeof import('../../stacks/config/load') = require('../../stacks/config/load');
  const { buildPlatform }: typeof import('../../stacks/platform-app') = require('../../stacks/platform-app');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const outdir = mkdtempSync(join(tmpdir(), 'norway-platform-'));
  process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = 'true';
  const app = new App({ outdir });
  buildPlatform(app, loadConfig({}).config, { policy: { today: TODAY } });
  app.synth();
  return { report: synthStackReport(outdir), outdir };
}

export function writeTemp(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}
