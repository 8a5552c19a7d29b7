/** The valid and invalid cases of RES-005 (`policies/rules/residency/res-005-log-destinations.ts`). */
import { RES_005 } from '../../../policies/rules/residency/res-005-log-destinations';
import { SA_NL, SA_NO, SUB } from '../../helpers/rules/residency';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

const LAW_NO = { name: 'law', location: 'norwayeast' };

ruleTester(RES_005, {
  valid: [
    {
      name: 'flow log to a Norway account without traffic analytics',
      synth: tf({
        'azurerm_storage_account.sa': SA_NO,
        'azurerm_network_watcher_flow_log.f': {
          network_watcher_name: 'nw',
          storage_account_id: '${azurerm_storage_account.sa.id}',
          enabled: true,
        },
      }),
    },
    {
      name: 'an existing Application Insights read through a data source sends nothing',
      plan: plan([
        {
          at: 'data.azurerm_application_insights.shared',
          values: { workspace_id: `${SUB}/Microsoft.OperationalInsights/workspaces/central` },
          actions: ['read'],
        },
      ]),
    },
    {
      name: 'diagnostic setting to a Norway workspace and a storage sub-resource target',
      synth: tf({
        'azurerm_log_analytics_workspace.law': LAW_NO,
        'azurerm_monitor_diagnostic_setting.d': {
          target_resource_id: '${azurerm_storage_account.sa.id}/blobServices/default',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        },
      }),
      plan: plan([
        { at: 'azurerm_log_analytics_workspace.law', values: LAW_NO },
        {
          at: 'azurerm_monitor_diagnostic_setting.d',
          unknown: { log_analytics_workspace_id: true },
          references: { log_analytics_workspace_id: ['azurerm_log_analytics_workspace.law.id'] },
        },
      ]),
    },
    {
      name: 'Event Hub destination through an authorization rule on a Norway namespace',
      synth: tf({
        'azurerm_eventhub_namespace.ns': { location: 'norwayeast' },
        'azurerm_eventhub_namespace_authorization_rule.r': {
          namespace_name: '${azurerm_eventhub_namespace.ns.name}',
        },
        'azurerm_monitor_diagnostic_setting.d': {
          eventhub_authorization_rule_id: '${azurerm_eventhub_namespace_authorization_rule.r.id}',
        },
      }),
    },
    {
      name: 'flow log with traffic analytics in Norway',
      synth: tf({
        'azurerm_log_analytics_workspace.law': LAW_NO,
        'azurerm_storage_account.sa': SA_NO,
        'azurerm_network_watcher_flow_log.f': {
          storage_account_id: '${azurerm_storage_account.sa.id}',
          traffic_analytics: {
            enabled: true,
            workspace_region: 'norwayeast',
            workspace_resource_id: '${azurerm_log_analytics_workspace.law.id}',
          },
        },
      }),
      hcl: `
resource "azurerm_log_analytics_workspace" "law" {
  name = "law"
  location = "norwayeast"
}

resource "azurerm_storage_account" "sa" {
  name = "sano"
  location = "norwayeast"
  account_replication_type = "GRS"
}

resource "azurerm_network_watcher_flow_log" "f" {
  storage_account_id = azurerm_storage_account.sa.id
  traffic_analytics {
    enabled = true
    workspace_region = "norwayeast"
    workspace_resource_id = azurerm_log_analytics_workspace.law.id
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'diagnostic logs shipped to a partner solution',
      messages: ['partner_solution_id sends logs to a partner solution outside our control.'],
      synth: tf({
        'azurerm_monitor_diagnostic_setting.d': {
          partner_solution_id: `${SUB}/Microsoft.Datadog/monitors/dd`,
        },
      }),
      plan: plan([
        {
          at: 'module.mon.azurerm_monitor_diagnostic_setting.d',
          index: 'kv',
          values: { partner_solution_id: `${SUB}/Microsoft.Datadog/monitors/dd` },
        },
      ]),
      errors: [['RES-005', 'azurerm_monitor_diagnostic_setting.d']],
      planErrors: [['RES-005', 'module.mon.azurerm_monitor_diagnostic_setting.d["kv"]']],
      message: /partner solution/,
    },
    {
      name: 'workspace abroad, and an external workspace id',
      messages: [
        'the location of log_analytics_workspace_id azurerm_log_analytics_workspace.law is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
        'log_analytics_workspace_id /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/central points at a resource that is not in the checked estate; pass its stack, plan or state with --context.',
      ],
      synth: tf({
        'azurerm_log_analytics_workspace.law': { location: 'westeurope' },
        'azurerm_monitor_diagnostic_setting.a': {
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        },
        'azurerm_monitor_diagnostic_setting.b': {
          log_analytics_workspace_id: `${SUB}/Microsoft.OperationalInsights/workspaces/central`,
        },
      }),
      errors: [
        ['RES-005', 'azurerm_monitor_diagnostic_setting.a'],
        ['RES-005', 'azurerm_monitor_diagnostic_setting.b'],
      ],
    },
    {
      name: 'data export and flow-log traffic analytics region abroad',
      messages: [
        'the location of destination_resource_id azurerm_storage_account.nl is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
        'traffic_analytics.workspace_region is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
        'traffic_analytics.workspace_resource_id cannot be resolved: var.ws has no default and no validation that limits it.',
      ],
      synth: tf(
        {
          'azurerm_storage_account.nl': SA_NL,
          'azurerm_log_analytics_data_export_rule.x': {
            destination_resource_id: '${azurerm_storage_account.nl.id}',
          },
          'azurerm_network_watcher_flow_log.f': {
            traffic_analytics: [
              { enabled: true, workspace_region: 'westeurope', workspace_resource_id: '${var.ws}' },
            ],
          },
        },
        { variable: { ws: { type: 'string' } } },
      ),
      hcl: `
resource "azurerm_storage_account" "nl" {
  name = "sanl"
  location = "westeurope"
  account_replication_type = "LRS"
}

resource "azurerm_log_analytics_data_export_rule" "x" {
  destination_resource_id = azurerm_storage_account.nl.id
}

resource "azurerm_network_watcher_flow_log" "f" {
  traffic_analytics {
    enabled = true
    workspace_region = "westeurope"
    workspace_resource_id = var.ws
  }
}

variable "ws" {
  type = string
}
`,
      errors: [
        ['RES-005', 'azurerm_log_analytics_data_export_rule.x'],
        ['RES-005', 'azurerm_network_watcher_flow_log.f'],
        ['RES-005', 'azurerm_network_watcher_flow_log.f'],
      ],
    },
  ],
});
