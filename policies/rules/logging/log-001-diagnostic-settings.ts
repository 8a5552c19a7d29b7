import { NOT_IN_ESTATE } from '../../model/resolve';
import { defineRule, RuleContext } from '../rule';
import { resourceKey, unresolvedNote } from '../attributes';
import { locationProblem } from '../location';

/** Resources whose access logs must reach a Norway workspace. */
const LOGGED_TYPES = [
  'azurerm_storage_account',
  'azurerm_key_vault',
  'azurerm_mssql_database',
  'azurerm_postgresql_flexible_server',
  'azurerm_mysql_flexible_server',
  'azurerm_cosmosdb_account',
  'azurerm_network_security_group',
  // Health Data Services: who read which patient resource or study.
  'azurerm_healthcare_fhir_service',
  'azurerm_healthcare_dicom_service',
];

export const LOG_001 = defineRule({
  id: 'LOG-001',
  title: 'Data stores, Key Vaults and NSGs send diagnostics to a Log Analytics workspace in Norway',
  severity: 'error',
  rationale:
    'The patient records act and Normen require that access to health data is logged and the logs reviewed. Without a diagnostic setting, reads of patient data leave no trace we keep.',
  anchors: { mcsb: ['LT-3'], regulation: ['Pasientjournalloven § 22', 'Normen: logging and log review'] },
  resourceTypes: LOGGED_TYPES,
  fix: 'Add an azurerm_monitor_diagnostic_setting with target_resource_id = the resource (for storage, the account or its blob service) and log_analytics_workspace_id = a workspace in Norway in this configuration (our constructs do this with diagnosticSettings).',
  *check(context) {
    const settings = indexSettings(context);
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      const found = settings.get(resourceKey(context.model, resource));
      if (!found) {
        yield {
          resource,
          message: `no diagnostic setting in this configuration${unresolvedNote('the diagnostic setting', settings.unresolved)}.`,
        };
      } else if (!found.ok) {
        yield {
          resource,
          message: `no diagnostic setting sends its logs to a Norway Log Analytics workspace (${found.problems.join('; ')}).`,
        };
      }
    }
  },
});

/** Target resource → whether one of its diagnostic settings reaches a Norway workspace. Built once per run. */
function indexSettings(
  context: RuleContext,
): Map<string, { ok: boolean; problems: string[] }> & { unresolved: string[] } {
  const out = Object.assign(new Map<string, { ok: boolean; problems: string[] }>(), {
    unresolved: [] as string[],
  });
  for (const setting of context.model.byType.get('azurerm_monitor_diagnostic_setting') ?? []) {
    if (setting.mode !== 'managed') continue;
    const target = context.target(setting, 'target_resource_id');
    if (target.kind !== 'resource') {
      out.unresolved.push(setting.address);
      continue;
    }
    const key = resourceKey(target.model, target.resource);
    const entry = out.get(key) ?? { ok: false, problems: [] };
    out.set(key, entry);
    if (entry.ok) continue;
    const workspace = context.target(setting, 'log_analytics_workspace_id');
    let problem: string | undefined;
    if (workspace.kind === 'absent') problem = `${setting.address} has no log_analytics_workspace_id`;
    else if (workspace.kind === 'external')
      problem = `${setting.address} sends to ${workspace.value}, which is ${NOT_IN_ESTATE}`;
    else if (workspace.kind === 'unknown')
      problem = `${setting.address}: the workspace cannot be resolved (${workspace.reason})`;
    else if (workspace.resource.type !== 'azurerm_log_analytics_workspace')
      problem = `${setting.address} points at ${workspace.resource.address}, not a Log Analytics workspace`;
    else {
      const where = locationProblem(
        context.locationOf(workspace.resource),
        `the workspace ${workspace.resource.address}`,
      );
      if (where) problem = `${setting.address}: ${where}`;
    }
    if (problem) entry.problems.push(problem);
    else entry.ok = true;
  }
  return out;
}
