/**
 * The rules as they judge a Container Registry and an Event Hubs namespace (and a Service Bus key
 * attached by a resource of its own): valid and invalid tables with exact rule ids and addresses.
 */
import { ENC_002 } from '../../policies/rules/encryption/enc-002-customer-managed-keys';
import { IAM_001 } from '../../policies/rules/identity/iam-001-entra-only';
import { LOG_001 } from '../../policies/rules/logging/log-001-diagnostic-settings';
import { NET_001 } from '../../policies/rules/network/net-001-public-network-access';
import { NET_005 } from '../../policies/rules/network/net-005-private-endpoints';
import { plan, ruleTester, tf } from '../helpers/rule-tester';

const AT = { location: 'norwayeast', resource_group_name: 'rg' };
const ACR = { ...AT, name: 'acr', sku: 'Premium', public_network_access_enabled: false };
const EH = { ...AT, name: 'eh', sku: 'Premium' };
const KEY = {
  'azurerm_key_vault.kv': { ...AT, name: 'kv' },
  'azurerm_key_vault_key.k': { key_vault_id: '${azurerm_key_vault.kv.id}', name: 'k' },
};

ruleTester(NET_001, {
  valid: [
    {
      name: 'a registry with public access, anonymous pull and the export policy off',
      synth: tf({
        'azurerm_container_registry.acr': {
          ...ACR,
          anonymous_pull_enabled: false,
          export_policy_enabled: false,
        },
        'azurerm_eventhub_namespace.eh': { ...EH, public_network_access_enabled: false },
      }),
      plan: plan([
        {
          at: 'azurerm_container_registry.acr',
          values: { ...ACR, anonymous_pull_enabled: false, export_policy_enabled: false },
        },
      ]),
    },
  ],
  invalid: [
    {
      name: 'anonymous pull on; the export policy left at its default (on) or on',
      messages: [
        'anonymous_pull_enabled is true; anyone who reaches the registry can pull images.',
        'export_policy_enabled is not set, and the provider default is true; images and artifacts can be exported out of the registry.',
        'export_policy_enabled is true; images and artifacts can be exported out of the registry.',
      ],
      synth: tf({
        'azurerm_container_registry.anonymous': { ...ACR, anonymous_pull_enabled: true },
        'azurerm_container_registry.exporting': { ...ACR, export_policy_enabled: true },
      }),
      plan: plan([
        {
          at: 'azurerm_container_registry.exporting',
          values: { ...ACR, anonymous_pull_enabled: false, export_policy_enabled: true },
        },
      ]),
      errors: [
        ['NET-001', 'azurerm_container_registry.anonymous'],
        ['NET-001', 'azurerm_container_registry.anonymous'],
        ['NET-001', 'azurerm_container_registry.exporting'],
      ],
      planErrors: [['NET-001', 'azurerm_container_registry.exporting']],
    },
    {
      name: 'an export policy that cannot be verified before apply fails closed',
      synth: tf(
        { 'azurerm_container_registry.acr': { ...ACR, export_policy_enabled: '${var.export}' } },
        { variable: { export: { type: 'bool' } } },
      ),
      errors: [['NET-001', 'azurerm_container_registry.acr']],
      message: /^export_policy_enabled cannot be verified before apply/,
    },
    {
      name: 'an Event Hubs namespace with public access at the provider default',
      synth: tf({ 'azurerm_eventhub_namespace.eh': EH }),
      errors: [['NET-001', 'azurerm_eventhub_namespace.eh']],
    },
  ],
});

ruleTester(ENC_002, {
  valid: [
    {
      name: 'Event Hubs and Service Bus keys attached by their own resources, from a Norway vault',
      synth: tf({
        ...KEY,
        'azurerm_eventhub_namespace.eh': EH,
        'azurerm_eventhub_namespace_customer_managed_key.eh': {
          eventhub_namespace_id: '${azurerm_eventhub_namespace.eh.id}',
          key_vault_key_ids: ['${azurerm_key_vault_key.k.versionless_id}'],
          infrastructure_encryption_enabled: true,
        },
        'azurerm_servicebus_namespace.sb': { ...AT, name: 'sb', sku: 'Premium' },
        'azurerm_servicebus_namespace_customer_managed_key.sb': {
          namespace_id: '${azurerm_servicebus_namespace.sb.id}',
          key_vault_key_id: '${azurerm_key_vault_key.k.versionless_id}',
        },
        'azurerm_container_registry.acr': {
          ...ACR,
          encryption: [
            { key_vault_key_id: '${azurerm_key_vault_key.k.versionless_id}', identity_client_id: 'c' },
          ],
        },
      }),
      plan: plan([
        { at: 'azurerm_key_vault.kv', values: KEY['azurerm_key_vault.kv'] },
        {
          at: 'azurerm_key_vault_key.k',
          values: { name: 'k' },
          unknown: { key_vault_id: true, versionless_id: true },
          references: { key_vault_id: ['azurerm_key_vault.kv.id', 'azurerm_key_vault.kv'] },
        },
        { at: 'azurerm_eventhub_namespace.eh', values: EH },
        {
          at: 'azurerm_eventhub_namespace_customer_managed_key.eh',
          values: {},
          unknown: { eventhub_namespace_id: true, key_vault_key_ids: true },
          references: {
            eventhub_namespace_id: ['azurerm_eventhub_namespace.eh.id', 'azurerm_eventhub_namespace.eh'],
            key_vault_key_ids: ['azurerm_key_vault_key.k.versionless_id', 'azurerm_key_vault_key.k'],
          },
        },
      ]),
    },
  ],
  invalid: [
    {
      name: 'an Event Hubs namespace with no key; one whose key list is empty; one with a key in a vault abroad',
      messages: [
        'encrypted with platform-managed keys only; no customer-managed key is configured.',
        'key_vault_key_ids of azurerm_eventhub_namespace_customer_managed_key.empty lists no key.',
        'encrypted with platform-managed keys only; no customer-managed key is configured.',
        'the key vault azurerm_key_vault.abroad is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azurerm_key_vault.abroad': { ...AT, name: 'abroad', location: 'westeurope' },
        'azurerm_key_vault_key.abroad': { key_vault_id: '${azurerm_key_vault.abroad.id}', name: 'k' },
        'azurerm_eventhub_namespace.none': EH,
        'azurerm_eventhub_namespace.empty': EH,
        'azurerm_eventhub_namespace_customer_managed_key.empty': {
          eventhub_namespace_id: '${azurerm_eventhub_namespace.empty.id}',
          key_vault_key_ids: [],
        },
        'azurerm_eventhub_namespace.abroad': EH,
        'azurerm_eventhub_namespace_customer_managed_key.abroad': {
          eventhub_namespace_id: '${azurerm_eventhub_namespace.abroad.id}',
          key_vault_key_ids: ['${azurerm_key_vault_key.abroad.versionless_id}'],
        },
      }),
      errors: [
        ['ENC-002', 'azurerm_eventhub_namespace.abroad'],
        ['ENC-002', 'azurerm_eventhub_namespace.empty'],
        ['ENC-002', 'azurerm_eventhub_namespace.empty'],
        ['ENC-002', 'azurerm_eventhub_namespace.none'],
      ],
    },
    {
      name: 'a second key in the list outside the estate fails on its own',
      synth: tf({
        ...KEY,
        'azurerm_eventhub_namespace.eh': EH,
        'azurerm_eventhub_namespace_customer_managed_key.eh': {
          eventhub_namespace_id: '${azurerm_eventhub_namespace.eh.id}',
          key_vault_key_ids: [
            '${azurerm_key_vault_key.k.versionless_id}',
            'https://elsewhere.vault.azure.net/keys/k',
          ],
        },
      }),
      errors: [['ENC-002', 'azurerm_eventhub_namespace.eh']],
      message: /^key_vault_key_ids\[1\] https:\/\/elsewhere/,
    },
  ],
});

ruleTester(LOG_001, {
  valid: [
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
  ],
  invalid: [
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
  ],
});

ruleTester(IAM_001, {
  valid: [
    {
      name: 'a disabled registry token, an Event Hubs namespace with local auth off',
      synth: tf({
        'azurerm_container_registry_token.t': {
          name: 't',
          resource_group_name: 'rg',
          container_registry_name: 'acr',
          scope_map_id: 'x',
          enabled: false,
        },
        'azurerm_eventhub_namespace.eh': { ...EH, local_authentication_enabled: false },
      }),
    },
  ],
  invalid: [
    {
      name: 'a registry token enabled by default or explicitly',
      messages: [
        'enabled is not set, and the provider default is true; a registry token is a password outside Entra ID.',
        'enabled is true; a registry token is a password outside Entra ID.',
      ],
      synth: tf({
        'azurerm_container_registry_token.default': { name: 'd', container_registry_name: 'acr' },
        'azurerm_container_registry_token.on': { name: 'o', container_registry_name: 'acr', enabled: true },
      }),
      plan: plan([{ at: 'azurerm_container_registry_token.on', values: { name: 'o', enabled: true } }]),
      errors: [
        ['IAM-001', 'azurerm_container_registry_token.default'],
        ['IAM-001', 'azurerm_container_registry_token.on'],
      ],
      planErrors: [['IAM-001', 'azurerm_container_registry_token.on']],
    },
  ],
});

ruleTester(NET_005, {
  valid: [
    {
      name: 'a registry and an Event Hubs namespace behind private endpoints',
      synth: tf({
        'azurerm_container_registry.acr': ACR,
        'azurerm_eventhub_namespace.eh': EH,
        ...Object.fromEntries(
          [
            ['acr', 'azurerm_container_registry.acr', 'registry'],
            ['eh', 'azurerm_eventhub_namespace.eh', 'namespace'],
          ].map(([key, target, sub]) => [
            `azurerm_private_endpoint.${key}`,
            {
              ...AT,
              name: key,
              subnet_id: 's',
              private_service_connection: [
                {
                  name: key,
                  private_connection_resource_id: `\${${target}.id}`,
                  subresource_names: [sub],
                  is_manual_connection: false,
                },
              ],
            },
          ]),
        ),
      }),
    },
  ],
  invalid: [
    {
      name: 'an Event Hubs namespace and a Service Bus namespace with no private endpoint',
      synth: tf({
        'azurerm_eventhub_namespace.eh': EH,
        'azurerm_servicebus_namespace.sb': { ...AT, name: 'sb', sku: 'Premium' },
      }),
      errors: [
        ['NET-005', 'azurerm_eventhub_namespace.eh'],
        ['NET-005', 'azurerm_servicebus_namespace.sb'],
      ],
    },
  ],
});
