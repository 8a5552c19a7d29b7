import { NOT_IN_ESTATE } from '../../model/resolve';
import { defineRule, RuleContext } from '../rule';
import type { TfResource } from '../../model/types';
import { blockCount, resourceKey, unresolvedNote } from '../attributes';
import { locationProblem } from '../location';
import { ownEntry } from '../../model/values';

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
  // Who pulled which image; who sent or read which events and messages.
  'azurerm_container_registry',
  'azurerm_eventhub_namespace',
  'azurerm_servicebus_namespace',
  // Web apps: HTTP and audit logs of who reached the application that serves patient data.
  'azurerm_linux_web_app',
  'azurerm_windows_web_app',
  // Container Apps environments: their apps' console and system logs (see WORKSPACE_ATTRIBUTE).
  'azurerm_container_app_environment',
  // Who did what in a cluster (API server audit), and who came through the front door (WAF and access logs).
  'azurerm_kubernetes_cluster',
  'azurerm_application_gateway',
];

/** Types that send logs to a workspace of their own accord: the attribute naming it counts as a setting. */
const WORKSPACE_ATTRIBUTE: Readonly<Record<string, string>> = {
  azurerm_container_app_environment: 'log_analytics_workspace_id',
};

export const LOG_001 = defineRule({
  id: 'LOG-001',
  title:
    'Data stores, Key Vaults, NSGs, clusters and gateways send diagnostics to a Log Analytics workspace in Norway',
  severity: 'error',
  rationale:
    'The patient records act and Normen require that access to health data is logged and the logs reviewed. Without a diagnostic setting, reads of patient data leave no trace we keep.',
  anchors: { mcsb: ['LT-3'], regulation: ['Pasientjournalloven § 22', 'Normen: logging and log review'] },
  resourceTypes: LOGGED_TYPES,
  fix: 'Add an azurerm_monitor_diagnostic_setting with target_resource_id = the resource (for storage, the account or its blob service) and log_analytics_workspace_id = a workspace in Norway in this configuration (our constructs do this with diagnosticSettings); a Container Apps environment may name the workspace in log_analytics_workspace_id instead; AKS clusters also need oms_agent to a workspace in Norway.',
  *check(context) {
    const settings = indexSettings(context);
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      const own = ownEntry(WORKSPACE_ATTRIBUTE, resource.type);
      if (own && context.isWritten(resource, own)) {
        const problem = workspaceProblem(context, resource, own, own);
        if (problem) yield { resource, message: `${problem}.` };
        continue;
      }
      if (resource.type === 'azurerm_kubernetes_cluster') {
        const agent = blockCount(context, resource, 'oms_agent');
        if (agent.kind === 'unknown')
          yield { resource, message: `${agent.reason}, so Container Insights cannot be verified.` };
        else if (agent.count === 0)
          yield {
            resource,
            message:
              'oms_agent is not set: no Container Insights, so container logs and node health reach no Norway workspace.',
          };
        else {
          const workspace = context.target(resource, ['oms_agent', 0, 'log_analytics_workspace_id']);
          const problem =
            workspace.kind === 'resource' && workspace.resource.type !== 'azurerm_log_analytics_workspace'
              ? `oms_agent.log_analytics_workspace_id points at ${workspace.resource.address}, not a Log Analytics workspace`
              : workspace.kind === 'resource'
                ? locationProblem(
                    context.locationOf(workspace.resource),
                    `the workspace ${workspace.resource.address}`,
                  )
                : `oms_agent.log_analytics_workspace_id is ${workspace.kind === 'external' ? `${workspace.value}, which is ${NOT_IN_ESTATE}` : 'not resolvable to a workspace'}`;
          if (problem) yield { resource, message: `oms_agent: ${problem}.` };
        }
      }
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
    const problem = workspaceProblem(context, setting, 'log_analytics_workspace_id', setting.address);
    if (problem) entry.problems.push(problem);
    else entry.ok = true;
  }
  return out;
}

/**
 * Why `attribute` of `resource` does not name a Log Analytics workspace in Norway, or undefined;
 * `who` opens the sentence (the setting's address, or the attribute of the resource judged).
 */
function workspaceProblem(
  context: RuleContext,
  resource: TfResource,
  attribute: string,
  who: string,
): string | undefined {
  const workspace = context.target(resource, attribute);
  if (workspace.kind === 'absent') return `${who} has no ${attribute}`;
  if (workspace.kind === 'external') return `${who} sends to ${workspace.value}, which is ${NOT_IN_ESTATE}`;
  if (workspace.kind === 'unknown') return `${who}: the workspace cannot be resolved (${workspace.reason})`;
  if (workspace.resource.type !== 'azurerm_log_analytics_workspace')
    return `${who} points at ${workspace.resource.address}, not a Log Analytics workspace`;
  const where = locationProblem(
    context.locationOf(workspace.resource),
    `the workspace ${workspace.resource.address}`,
  );
  return where ? `${who}: ${where}` : undefined;
}
