/** The valid and invalid cases of LOG-001 (`policies/rules/logging/log-001-diagnostic-settings.ts`). */
import { LOG_001 } from '../../../policies/rules/logging/log-001-diagnostic-settings';
import { ACR, AT, EH, gateway } from '../../helpers/rules/applications';
import { LAW } from '../../helpers/rules/logging';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

const workspace = { ...AT, name: 'log', sku: 'PerGB2018' };

const diagnostics = (target: string) => ({
  name: 'to-log-analytics',
  target_resource_id: `\${${target}.id}`,
  log_analytics_workspace_id: '${azurerm_log_analytics_workspace.log.id}',
  enabled_log: [{ category_group: 'audit' }],
});

const SA = { name: 'sa', location: 'norwayeast' };

const WORKSPACE = { 'azurerm_log_analytics_workspace.law': { ...AT, name: 'law' } };

ruleTester(LOG_001, {
  valid: [
    {
      name: 'storage (through its blob service) and Key Vault with settings to a Norway workspace',
      synth: tf({
        'azurerm_log_analytics_workspace.law': LAW,
        'azurerm_storage_account.sa': SA,
        'azurerm_key_vault.kv': { location: 'norwayeast' },
        'azurerm_monitor_diagnostic_setting.sa': {
          target_resource_id: '${azurerm_storage_account.sa.id}/blobServices/default',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        },
        'azurerm_monitor_diagnostic_setting.kv': {
          target_resource_id: '${azurerm_key_vault.kv.id}',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        },
      }),
      plan: plan([
        { at: 'module.mon.azurerm_log_analytics_workspace.law', values: LAW },
        { at: 'module.mon.azurerm_storage_account.sa', index: 0, values: SA },
        {
          at: 'module.mon.azurerm_monitor_diagnostic_setting.sa',
          index: 0,
          unknown: { target_resource_id: true, log_analytics_workspace_id: true },
          references: {
            target_resource_id: ['azurerm_storage_account.sa[0].id', 'azurerm_storage_account.sa'],
            log_analytics_workspace_id: ['azurerm_log_analytics_workspace.law.id'],
          },
        },
      ]),
    },
    {
      name: 'one good setting is enough next to one to a storage archive',
      synth: tf({
        'azurerm_log_analytics_workspace.law': LAW,
        'azurerm_network_security_group.nsg': { location: 'norwayeast' },
        'azurerm_storage_account.archive': SA,
        'azurerm_monitor_diagnostic_setting.archive': {
          target_resource_id: '${azurerm_network_security_group.nsg.id}',
          storage_account_id: '${azurerm_storage_account.archive.id}',
        },
        'azurerm_monitor_diagnostic_setting.law': {
          target_resource_id: '${azurerm_network_security_group.nsg.id}',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        },
        'azurerm_monitor_diagnostic_setting.sa': {
          target_resource_id: '${azurerm_storage_account.archive.id}',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        },
      }),
    },
    {
      name: 'an existing Key Vault read as a data source is not checked',
      synth: tf({
        'data.azurerm_key_vault.platform': { name: 'kv-platform', resource_group_name: 'rg-shared' },
      }),
      plan: plan([{ at: 'data.azurerm_key_vault.platform', values: { name: 'kv-platform' } }]),
    },
    {
      name: 'FHIR and DICOM services with diagnostics to a Norway workspace',
      synth: tf({
        'azurerm_log_analytics_workspace.law': LAW,
        'azurerm_healthcare_fhir_service.fhir': { location: 'norwayeast' },
        'azurerm_healthcare_dicom_service.dicom': { location: 'norwayeast' },
        'azurerm_monitor_diagnostic_setting.fhir': {
          target_resource_id: '${azurerm_healthcare_fhir_service.fhir.id}',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        },
        'azurerm_monitor_diagnostic_setting.dicom': {
          target_resource_id: '${azurerm_healthcare_dicom_service.dicom.id}',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        },
      }),
    },
    // AKS nodes encrypted at the host, clusters monitored
    {
      name: 'a cluster with Container Insights and audit logs, a gateway with diagnostics, to a Norway workspace',
      synth: tf({
        'azurerm_log_analytics_workspace.log': workspace,
        'azurerm_kubernetes_cluster.aks': {
          ...AT,
          oms_agent: [{ log_analytics_workspace_id: '${azurerm_log_analytics_workspace.log.id}' }],
        },
        'azurerm_monitor_diagnostic_setting.aks': diagnostics('azurerm_kubernetes_cluster.aks'),
        'azurerm_application_gateway.agw': gateway(),
        'azurerm_monitor_diagnostic_setting.agw': diagnostics('azurerm_application_gateway.agw'),
      }),
      hcl: `
resource "azurerm_log_analytics_workspace" "log" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "log"
  sku = "PerGB2018"
}

resource "azurerm_kubernetes_cluster" "aks" {
  location = "norwayeast"
  resource_group_name = "rg"
  oms_agent {
    log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  }
}

resource "azurerm_monitor_diagnostic_setting" "aks" {
  name = "to-log-analytics"
  target_resource_id = azurerm_kubernetes_cluster.aks.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "audit"
  }
}

resource "azurerm_monitor_diagnostic_setting" "agw" {
  name = "to-log-analytics"
  target_resource_id = azurerm_application_gateway.agw.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "audit"
  }
}

resource "azurerm_application_gateway" "agw" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "agw"
  sku {
    name = "WAF_v2"
    tier = "WAF_v2"
  }
  firewall_policy_id = azurerm_web_application_firewall_policy.waf.id
  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20220101S"
  }
  http_listener {
    name = "web-https"
    protocol = "Https"
    ssl_certificate_name = "web"
  }
  http_listener {
    name = "web-http"
    protocol = "Http"
  }
  redirect_configuration {
    name = "to-https"
    redirect_type = "Permanent"
    target_listener_name = "web-https"
  }
  request_routing_rule {
    name = "web-https"
    rule_type = "Basic"
    http_listener_name = "web-https"
    backend_address_pool_name = "be"
  }
  request_routing_rule {
    name = "web-http"
    rule_type = "Basic"
    http_listener_name = "web-http"
    redirect_configuration_name = "to-https"
  }
}
`,
    },
    {
      name: 'a registry and both namespaces with diagnostics to a Norway workspace',
      synth: tf({
        'azurerm_log_analytics_workspace.log': { ...AT, name: 'log' },
        'azurerm_container_registry.acr': ACR,
        'azurerm_eventhub_namespace.eh': EH,
        'azurerm_servicebus_namespace.sb': { ...AT, name: 'sb', sku: 'Premium' },
        ...Object.fromEntries(
          [
            'azurerm_container_registry.acr',
            'azurerm_eventhub_namespace.eh',
            'azurerm_servicebus_namespace.sb',
          ].map((target, i) => [
            `azurerm_monitor_diagnostic_setting.d${i}`,
            {
              name: 'd',
              target_resource_id: `\${${target}.id}`,
              log_analytics_workspace_id: '${azurerm_log_analytics_workspace.log.id}',
            },
          ]),
        ),
      }),
    },
    // Container Apps environments log to a Norway workspace
    {
      name: 'the environment names a Norway workspace',
      synth: tf({
        ...WORKSPACE,
        'azurerm_container_app_environment.cae': {
          ...AT,
          logs_destination: 'log-analytics',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'no setting at all',
      messages: [
        'no diagnostic setting in this configuration.',
        'no diagnostic setting in this configuration.',
      ],
      synth: tf({
        'azurerm_key_vault.kv': { location: 'norwayeast' },
        'azurerm_mssql_database.db': { server_id: 'x' },
      }),
      plan: plan([
        {
          at: 'module.db.azurerm_postgresql_flexible_server.pg',
          index: 'a',
          values: { location: 'norwayeast' },
        },
      ]),
      errors: [
        ['LOG-001', 'azurerm_key_vault.kv'],
        ['LOG-001', 'azurerm_mssql_database.db'],
      ],
      planErrors: [['LOG-001', 'module.db.azurerm_postgresql_flexible_server.pg["a"]']],
      message: /no diagnostic setting/,
    },
    {
      name: 'a for_each setting whose target is each.value does not count (fails closed)',
      messages: [
        'no diagnostic setting in this configuration (the diagnostic setting azurerm_monitor_diagnostic_setting.all could not be resolved to a resource, so it does not count).',
      ],
      synth: tf({
        'azurerm_log_analytics_workspace.law': LAW,
        'azurerm_key_vault.kv': { location: 'norwayeast' },
        'azurerm_monitor_diagnostic_setting.all': {
          for_each: '${var.targets}',
          target_resource_id: '${each.value}',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        },
      }),
      errors: [['LOG-001', 'azurerm_key_vault.kv']],
      message: /azurerm_monitor_diagnostic_setting\.all could not be resolved/,
    },
    {
      name: 'a setting to a workspace abroad, one to an external workspace, one without a workspace',
      messages: [
        'no diagnostic setting sends its logs to a Norway Log Analytics workspace (azurerm_monitor_diagnostic_setting.a: the workspace azurerm_log_analytics_workspace.nl is "westeurope", outside Norway (allowed: norwayeast or norwaywest)).',
        'no diagnostic setting sends its logs to a Norway Log Analytics workspace (azurerm_monitor_diagnostic_setting.b sends to /subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/central, which is not in the checked estate; pass its stack, plan or state with --context).',
        'no diagnostic setting sends its logs to a Norway Log Analytics workspace (azurerm_monitor_diagnostic_setting.c has no log_analytics_workspace_id).',
      ],
      synth: tf({
        'azurerm_log_analytics_workspace.nl': { ...LAW, location: 'westeurope' },
        'azurerm_key_vault.a': {},
        'azurerm_key_vault.b': {},
        'azurerm_key_vault.c': {},
        'azurerm_monitor_diagnostic_setting.a': {
          target_resource_id: '${azurerm_key_vault.a.id}',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.nl.id}',
        },
        'azurerm_monitor_diagnostic_setting.b': {
          target_resource_id: '${azurerm_key_vault.b.id}',
          log_analytics_workspace_id:
            '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/central',
        },
        'azurerm_monitor_diagnostic_setting.c': {
          target_resource_id: '${azurerm_key_vault.c.id}',
          eventhub_authorization_rule_id: '${var.rule}',
        },
      }),
      errors: [
        ['LOG-001', 'azurerm_key_vault.a'],
        ['LOG-001', 'azurerm_key_vault.b'],
        ['LOG-001', 'azurerm_key_vault.c'],
      ],
      message: /Norway Log Analytics workspace/,
    },
    {
      name: 'a workspace id from an input variable, and a storage account given as the workspace',
      messages: [
        'no diagnostic setting sends its logs to a Norway Log Analytics workspace (azurerm_monitor_diagnostic_setting.a: the workspace cannot be resolved (var.workspace_id has no default and no validation that limits it)).',
        'no diagnostic setting sends its logs to a Norway Log Analytics workspace (azurerm_monitor_diagnostic_setting.b points at azurerm_storage_account.archive, not a Log Analytics workspace).',
        'no diagnostic setting sends its logs to a Norway Log Analytics workspace (azurerm_monitor_diagnostic_setting.archive: the workspace cannot be resolved (var.workspace_id has no default and no validation that limits it)).',
      ],
      synth: tf(
        {
          'azurerm_storage_account.archive': SA,
          'azurerm_key_vault.a': { location: 'norwayeast' },
          'azurerm_key_vault.b': { location: 'norwayeast' },
          'azurerm_monitor_diagnostic_setting.a': {
            target_resource_id: '${azurerm_key_vault.a.id}',
            log_analytics_workspace_id: '${var.workspace_id}',
          },
          'azurerm_monitor_diagnostic_setting.b': {
            target_resource_id: '${azurerm_key_vault.b.id}',
            log_analytics_workspace_id: '${azurerm_storage_account.archive.id}',
          },
          'azurerm_monitor_diagnostic_setting.archive': {
            target_resource_id: '${azurerm_storage_account.archive.id}',
            log_analytics_workspace_id: '${var.workspace_id}',
          },
        },
        { variable: { workspace_id: { type: 'string' } } },
      ),
      errors: [
        ['LOG-001', 'azurerm_key_vault.a'],
        ['LOG-001', 'azurerm_key_vault.b'],
        ['LOG-001', 'azurerm_storage_account.archive'],
      ],
    },
    {
      name: 'every problem of every setting on one resource is listed',
      messages: [
        'no diagnostic setting sends its logs to a Norway Log Analytics workspace (azurerm_monitor_diagnostic_setting.a has no log_analytics_workspace_id; azurerm_monitor_diagnostic_setting.b: the workspace azurerm_log_analytics_workspace.se is "swedencentral", outside Norway (allowed: norwayeast or norwaywest)).',
      ],
      synth: tf({
        'azurerm_log_analytics_workspace.se': { ...LAW, location: 'swedencentral' },
        'azurerm_key_vault.kv': { location: 'norwayeast' },
        'azurerm_monitor_diagnostic_setting.a': {
          target_resource_id: '${azurerm_key_vault.kv.id}',
          eventhub_name: 'audit',
        },
        'azurerm_monitor_diagnostic_setting.b': {
          target_resource_id: '${azurerm_key_vault.kv.id}',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.se.id}',
        },
      }),
      errors: [['LOG-001', 'azurerm_key_vault.kv']],
    },
    {
      name: 'FHIR and DICOM services without diagnostics: reads of patient resources leave no trace',
      synth: tf({
        'azurerm_healthcare_fhir_service.fhir': { location: 'norwayeast' },
        'azurerm_healthcare_dicom_service.dicom': { location: 'norwayeast' },
      }),
      errors: [
        ['LOG-001', 'azurerm_healthcare_fhir_service.fhir'],
        ['LOG-001', 'azurerm_healthcare_dicom_service.dicom'],
      ],
    },
    // AKS nodes encrypted at the host, clusters monitored
    {
      name: 'no oms_agent, no diagnostic settings; Container Insights to a workspace abroad',
      messages: [
        'oms_agent is not set: no Container Insights, so container logs and node health reach no Norway workspace.',
        'no diagnostic setting in this configuration.',
        'no diagnostic setting in this configuration.',
        'oms_agent: the workspace azurerm_log_analytics_workspace.abroad is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azurerm_log_analytics_workspace.abroad': { ...workspace, name: 'abroad', location: 'westeurope' },
        'azurerm_log_analytics_workspace.log': workspace,
        'azurerm_kubernetes_cluster.bare': { ...AT },
        'azurerm_kubernetes_cluster.abroad': {
          ...AT,
          oms_agent: [{ log_analytics_workspace_id: '${azurerm_log_analytics_workspace.abroad.id}' }],
        },
        'azurerm_monitor_diagnostic_setting.abroad': diagnostics('azurerm_kubernetes_cluster.abroad'),
        'azurerm_application_gateway.agw': gateway(),
      }),
      hcl: `
resource "azurerm_log_analytics_workspace" "abroad" {
  location = "westeurope"
  resource_group_name = "rg"
  name = "abroad"
  sku = "PerGB2018"
}

resource "azurerm_log_analytics_workspace" "log" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "log"
  sku = "PerGB2018"
}

resource "azurerm_kubernetes_cluster" "bare" {
  location = "norwayeast"
  resource_group_name = "rg"
}

resource "azurerm_kubernetes_cluster" "abroad" {
  location = "norwayeast"
  resource_group_name = "rg"
  oms_agent {
    log_analytics_workspace_id = azurerm_log_analytics_workspace.abroad.id
  }
}

resource "azurerm_monitor_diagnostic_setting" "abroad" {
  name = "to-log-analytics"
  target_resource_id = azurerm_kubernetes_cluster.abroad.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "audit"
  }
}

resource "azurerm_application_gateway" "agw" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "agw"
  sku {
    name = "WAF_v2"
    tier = "WAF_v2"
  }
  firewall_policy_id = azurerm_web_application_firewall_policy.waf.id
  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20220101S"
  }
  http_listener {
    name = "web-https"
    protocol = "Https"
    ssl_certificate_name = "web"
  }
  http_listener {
    name = "web-http"
    protocol = "Http"
  }
  redirect_configuration {
    name = "to-https"
    redirect_type = "Permanent"
    target_listener_name = "web-https"
  }
  request_routing_rule {
    name = "web-https"
    rule_type = "Basic"
    http_listener_name = "web-https"
    backend_address_pool_name = "be"
  }
  request_routing_rule {
    name = "web-http"
    rule_type = "Basic"
    http_listener_name = "web-http"
    redirect_configuration_name = "to-https"
  }
}
`,
      errors: [
        ['LOG-001', 'azurerm_application_gateway.agw'],
        ['LOG-001', 'azurerm_kubernetes_cluster.abroad'],
        ['LOG-001', 'azurerm_kubernetes_cluster.bare'],
        ['LOG-001', 'azurerm_kubernetes_cluster.bare'],
      ],
    },
    {
      name: 'a registry and an Event Hubs namespace without diagnostics',
      synth: tf({ 'azurerm_container_registry.acr': ACR, 'azurerm_eventhub_namespace.eh': EH }),
      plan: plan([{ at: 'azurerm_eventhub_namespace.eh', values: EH }]),
      errors: [
        ['LOG-001', 'azurerm_container_registry.acr'],
        ['LOG-001', 'azurerm_eventhub_namespace.eh'],
      ],
      planErrors: [['LOG-001', 'azurerm_eventhub_namespace.eh']],
    },
    // Container Apps environments log to a Norway workspace
    {
      name: 'a workspace outside the estate, one abroad, and none at all',
      synth: tf({
        'azurerm_log_analytics_workspace.abroad': { ...AT, location: 'westeurope', name: 'abroad' },
        'azurerm_container_app_environment.external': {
          ...AT,
          log_analytics_workspace_id:
            '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w',
        },
        'azurerm_container_app_environment.abroad': {
          ...AT,
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.abroad.id}',
        },
        'azurerm_container_app_environment.none': { ...AT },
      }),
      errors: [
        ['LOG-001', 'azurerm_container_app_environment.abroad'],
        ['LOG-001', 'azurerm_container_app_environment.external'],
        ['LOG-001', 'azurerm_container_app_environment.none'],
      ],
    },
    {
      name: 'AKS oms_agent: from a dynamic block, to a storage account, to an id outside the estate, unresolvable',
      synth: tf({
        'azurerm_log_analytics_workspace.log': workspace,
        'azurerm_storage_account.sa': SA,
        'azurerm_monitor_diagnostic_setting.sa': diagnostics('azurerm_storage_account.sa'),
        'azurerm_kubernetes_cluster.dynamic': {
          ...AT,
          dynamic: { oms_agent: { for_each: '${var.agents}', content: { log_analytics_workspace_id: 'x' } } },
        },
        'azurerm_kubernetes_cluster.storage': {
          ...AT,
          oms_agent: [{ log_analytics_workspace_id: '${azurerm_storage_account.sa.id}' }],
        },
        'azurerm_kubernetes_cluster.external': {
          ...AT,
          oms_agent: [
            {
              log_analytics_workspace_id:
                '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/other',
            },
          ],
        },
        'azurerm_kubernetes_cluster.computed': {
          ...AT,
          oms_agent: [{ log_analytics_workspace_id: '${var.workspace}' }],
        },
        'azurerm_monitor_diagnostic_setting.dynamic': diagnostics('azurerm_kubernetes_cluster.dynamic'),
        'azurerm_monitor_diagnostic_setting.storage': diagnostics('azurerm_kubernetes_cluster.storage'),
        'azurerm_monitor_diagnostic_setting.external': diagnostics('azurerm_kubernetes_cluster.external'),
        'azurerm_monitor_diagnostic_setting.computed': diagnostics('azurerm_kubernetes_cluster.computed'),
      }),
      errors: [
        ['LOG-001', 'azurerm_kubernetes_cluster.computed'],
        ['LOG-001', 'azurerm_kubernetes_cluster.dynamic'],
        ['LOG-001', 'azurerm_kubernetes_cluster.external'],
        ['LOG-001', 'azurerm_kubernetes_cluster.storage'],
      ],
      messages: [
        'oms_agent is built by a dynamic block, so Container Insights cannot be verified.',
        'oms_agent: oms_agent.log_analytics_workspace_id is /subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/other, which is not in the checked estate; pass its stack, plan or state with --context.',
        'oms_agent: oms_agent.log_analytics_workspace_id is not resolvable to a workspace.',
        'oms_agent: oms_agent.log_analytics_workspace_id points at azurerm_storage_account.sa, not a Log Analytics workspace.',
      ],
    },
  ],
});
