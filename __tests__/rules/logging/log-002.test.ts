/** The valid and invalid cases of LOG-002 (`policies/rules/logging/log-002-workspace-retention.ts`). */
import { LOG_002 } from '../../../policies/rules/logging/log-002-workspace-retention';
import { LAW } from '../../helpers/rules/logging';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(LOG_002, {
  valid: [
    {
      name: 'a year of retention; local auth off under the newer and the older name',
      synth: tf({
        'azurerm_log_analytics_workspace.a': LAW,
        'azurerm_log_analytics_workspace.b': {
          location: 'norwayeast',
          retention_in_days: 730,
          local_authentication_disabled: true,
        },
      }),
      plan: plan([
        { at: 'azurerm_log_analytics_workspace.a', values: { ...LAW, local_authentication_disabled: true } },
      ]),
      hcl: `
resource "azurerm_log_analytics_workspace" "a" {
  name = "law"
  location = "norwayeast"
  retention_in_days = 365
  local_authentication_enabled = false
}

resource "azurerm_log_analytics_workspace" "b" {
  location = "norwayeast"
  retention_in_days = 730
  local_authentication_disabled = true
}
`,
    },
    {
      name: 'an existing workspace read as a data source is not checked',
      synth: tf({
        'data.azurerm_log_analytics_workspace.central': {
          name: 'law-central',
          resource_group_name: 'rg-mon',
        },
      }),
      plan: plan([{ at: 'data.azurerm_log_analytics_workspace.central', values: { name: 'law-central' } }]),
    },
  ],
  invalid: [
    {
      name: 'default retention and local auth; short retention',
      messages: [
        'local (shared-key) authentication is not disabled; the provider default enables it.',
        'retention_in_days is not set (provider default 30); at least 365 days are required.',
        'retention_in_days is 90; at least 365 days are required.',
      ],
      synth: tf({
        'azurerm_log_analytics_workspace.a': { location: 'norwayeast' },
        'azurerm_log_analytics_workspace.b': { ...LAW, retention_in_days: 90 },
      }),
      plan: plan([
        {
          at: 'azurerm_log_analytics_workspace.a',
          index: 0,
          values: { ...LAW, local_authentication_enabled: true, local_authentication_disabled: false },
        },
      ]),
      hcl: `
resource "azurerm_log_analytics_workspace" "a" {
  location = "norwayeast"
}

resource "azurerm_log_analytics_workspace" "b" {
  name = "law"
  location = "norwayeast"
  retention_in_days = 90
  local_authentication_enabled = false
}
`,
      errors: [
        ['LOG-002', 'azurerm_log_analytics_workspace.a'],
        ['LOG-002', 'azurerm_log_analytics_workspace.a'],
        ['LOG-002', 'azurerm_log_analytics_workspace.b'],
      ],
      planErrors: [['LOG-002', 'azurerm_log_analytics_workspace.a[0]']],
    },
    {
      name: 'local authentication explicitly enabled, under the newer and the older name',
      messages: [
        'local (shared-key) authentication is enabled; the provider default enables it.',
        'local (shared-key) authentication is enabled; the provider default enables it.',
      ],
      synth: tf({
        'azurerm_log_analytics_workspace.new': { ...LAW, local_authentication_enabled: true },
        'azurerm_log_analytics_workspace.old': {
          name: 'law-old',
          location: 'norwayeast',
          retention_in_days: 365,
          local_authentication_disabled: false,
        },
      }),
      errors: [
        ['LOG-002', 'azurerm_log_analytics_workspace.new'],
        ['LOG-002', 'azurerm_log_analytics_workspace.old'],
      ],
    },
    {
      name: 'retention from an input variable without a default',
      messages: ['retention_in_days cannot be verified before apply; at least 365 days are required.'],
      synth: tf(
        {
          'azurerm_log_analytics_workspace.a': {
            ...LAW,
            retention_in_days: '${var.retention_days}',
          },
        },
        { variable: { retention_days: { type: 'number' } } },
      ),
      plan: plan([
        {
          at: 'azurerm_log_analytics_workspace.a',
          values: { name: 'law', location: 'norwayeast', local_authentication_enabled: false },
          unknown: { retention_in_days: true },
        },
      ]),
      errors: [['LOG-002', 'azurerm_log_analytics_workspace.a']],
    },
  ],
});
