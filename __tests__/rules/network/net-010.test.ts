/** The valid and invalid cases of NET-010 (`policies/rules/network/net-010-web-application-firewall.ts`). */
import { NET_010 } from '../../../policies/rules/network/net-010-web-application-firewall';
import { AT, gateway } from '../../helpers/rules/applications';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

const WAF = {
  ...AT,
  name: 'waf',
  policy_settings: [{ enabled: true, mode: 'Prevention' }],
  managed_rules: [{ managed_rule_set: [{ type: 'OWASP', version: '3.2' }] }],
};

ruleTester(NET_010, {
  valid: [
    // application gateways filter every request with a WAF in Prevention mode
    {
      name: 'WAF_v2 with a policy in Prevention (OWASP 3.2, and the provider defaults for mode)',
      synth: tf({
        'azurerm_application_gateway.agw': gateway(),
        'azurerm_web_application_firewall_policy.waf': WAF,
        'azurerm_web_application_firewall_policy.drs': {
          ...AT,
          name: 'drs',
          managed_rules: [{ managed_rule_set: [{ type: 'Microsoft_DefaultRuleSet', version: '2.1' }] }],
        },
        'azurerm_application_gateway.inline': gateway({
          firewall_policy_id: undefined,
          waf_configuration: [{ enabled: true, firewall_mode: 'Prevention', rule_set_version: '3.2' }],
        }),
      }),
      plan: plan([
        {
          at: 'azurerm_application_gateway.agw',
          values: {
            location: 'norwayeast',
            resource_group_name: 'rg',
            name: 'agw',
            sku: [{ name: 'WAF_v2', tier: 'WAF_v2' }],
            ssl_policy: [{ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20220101S' }],
            http_listener: [
              { name: 'web-https', protocol: 'Https', ssl_certificate_name: 'web' },
              { name: 'web-http', protocol: 'Http' },
            ],
            redirect_configuration: [
              { name: 'to-https', redirect_type: 'Permanent', target_listener_name: 'web-https' },
            ],
            request_routing_rule: [
              {
                name: 'web-https',
                rule_type: 'Basic',
                http_listener_name: 'web-https',
                backend_address_pool_name: 'be',
              },
              {
                name: 'web-http',
                rule_type: 'Basic',
                http_listener_name: 'web-http',
                redirect_configuration_name: 'to-https',
              },
            ],
          },
          unknown: { firewall_policy_id: true },
          references: {
            firewall_policy_id: [
              'azurerm_web_application_firewall_policy.waf.id',
              'azurerm_web_application_firewall_policy.waf',
            ],
          },
        },
        {
          at: 'azurerm_application_gateway.inline',
          values: {
            location: 'norwayeast',
            resource_group_name: 'rg',
            name: 'agw',
            sku: [{ name: 'WAF_v2', tier: 'WAF_v2' }],
            ssl_policy: [{ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20220101S' }],
            http_listener: [
              { name: 'web-https', protocol: 'Https', ssl_certificate_name: 'web' },
              { name: 'web-http', protocol: 'Http' },
            ],
            redirect_configuration: [
              { name: 'to-https', redirect_type: 'Permanent', target_listener_name: 'web-https' },
            ],
            request_routing_rule: [
              {
                name: 'web-https',
                rule_type: 'Basic',
                http_listener_name: 'web-https',
                backend_address_pool_name: 'be',
              },
              {
                name: 'web-http',
                rule_type: 'Basic',
                http_listener_name: 'web-http',
                redirect_configuration_name: 'to-https',
              },
            ],
            waf_configuration: [{ enabled: true, firewall_mode: 'Prevention', rule_set_version: '3.2' }],
          },
        },
        {
          at: 'azurerm_web_application_firewall_policy.waf',
          values: {
            location: 'norwayeast',
            resource_group_name: 'rg',
            name: 'waf',
            policy_settings: [{ enabled: true, mode: 'Prevention' }],
            managed_rules: [{ managed_rule_set: [{ type: 'OWASP', version: '3.2' }] }],
          },
        },
        {
          at: 'azurerm_web_application_firewall_policy.drs',
          values: {
            location: 'norwayeast',
            resource_group_name: 'rg',
            name: 'drs',
            managed_rules: [{ managed_rule_set: [{ type: 'Microsoft_DefaultRuleSet', version: '2.1' }] }],
          },
        },
      ]),
      hcl: `
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

resource "azurerm_application_gateway" "inline" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "agw"
  sku {
    name = "WAF_v2"
    tier = "WAF_v2"
  }
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
  waf_configuration {
    enabled = true
    firewall_mode = "Prevention"
    rule_set_version = "3.2"
  }
}

resource "azurerm_web_application_firewall_policy" "waf" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "waf"
  policy_settings {
    enabled = true
    mode = "Prevention"
  }
  managed_rules {
    managed_rule_set {
      type = "OWASP"
      version = "3.2"
    }
  }
}

resource "azurerm_web_application_firewall_policy" "drs" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "drs"
  managed_rules {
    managed_rule_set {
      type = "Microsoft_DefaultRuleSet"
      version = "2.1"
    }
  }
}
`,
    },
    {
      name: 'a rule set without a type is OWASP; OWASP 3.2 beside a set unknown before apply; the WAF tier',
      synth: tf({
        'azurerm_web_application_firewall_policy.untyped': {
          ...AT,
          name: 'untyped',
          managed_rules: [{ managed_rule_set: [{ version: '3.2' }] }],
        },
        'azurerm_web_application_firewall_policy.mixed': {
          ...AT,
          name: 'mixed',
          managed_rules: [
            {
              managed_rule_set: [
                { type: '${var.type}', version: '3.2' },
                { type: 'owasp', version: '3.3' },
              ],
            },
          ],
        },
      }),
    },
  ],
  invalid: [
    // application gateways filter every request with a WAF in Prevention mode
    {
      name: 'a Standard_v2 gateway, an inline WAF in Detection, a policy in Detection with old rules',
      messages: [
        'sku.tier is "Standard_v2" (expected "WAF_v2" or "WAF"): no web application firewall.',
        'waf_configuration.firewall_mode is "Detection" (expected "Prevention").',
        'policy_settings.mode is "Detection" (expected "Prevention").',
        'no managed_rule_set is OWASP 3.2+ or Microsoft_DefaultRuleSet 2.1+.',
        'policy_settings.enabled is false.',
        'neither firewall_policy_id nor waf_configuration is set: the WAF filters nothing.',
      ],
      synth: tf({
        'azurerm_application_gateway.std': gateway({ sku: [{ name: 'Standard_v2', tier: 'Standard_v2' }] }),
        'azurerm_application_gateway.detect': gateway({
          firewall_policy_id: undefined,
          waf_configuration: [{ enabled: true, firewall_mode: 'Detection', rule_set_version: '3.2' }],
        }),
        'azurerm_application_gateway.bare': gateway({ firewall_policy_id: undefined }),
        'azurerm_web_application_firewall_policy.old': {
          ...WAF,
          policy_settings: [{ mode: 'Detection' }],
          managed_rules: [{ managed_rule_set: [{ version: '3.1' }] }],
        },
        'azurerm_web_application_firewall_policy.off': { ...WAF, policy_settings: [{ enabled: false }] },
      }),
      plan: plan([
        {
          at: 'azurerm_application_gateway.std',
          values: {
            location: 'norwayeast',
            resource_group_name: 'rg',
            name: 'agw',
            sku: [{ name: 'Standard_v2', tier: 'Standard_v2' }],
            ssl_policy: [{ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20220101S' }],
            http_listener: [
              { name: 'web-https', protocol: 'Https', ssl_certificate_name: 'web' },
              { name: 'web-http', protocol: 'Http' },
            ],
            redirect_configuration: [
              { name: 'to-https', redirect_type: 'Permanent', target_listener_name: 'web-https' },
            ],
            request_routing_rule: [
              {
                name: 'web-https',
                rule_type: 'Basic',
                http_listener_name: 'web-https',
                backend_address_pool_name: 'be',
              },
              {
                name: 'web-http',
                rule_type: 'Basic',
                http_listener_name: 'web-http',
                redirect_configuration_name: 'to-https',
              },
            ],
          },
          unknown: { firewall_policy_id: true },
          references: {
            firewall_policy_id: [
              'azurerm_web_application_firewall_policy.waf.id',
              'azurerm_web_application_firewall_policy.waf',
            ],
          },
        },
        {
          at: 'azurerm_application_gateway.detect',
          values: {
            location: 'norwayeast',
            resource_group_name: 'rg',
            name: 'agw',
            sku: [{ name: 'WAF_v2', tier: 'WAF_v2' }],
            ssl_policy: [{ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20220101S' }],
            http_listener: [
              { name: 'web-https', protocol: 'Https', ssl_certificate_name: 'web' },
              { name: 'web-http', protocol: 'Http' },
            ],
            redirect_configuration: [
              { name: 'to-https', redirect_type: 'Permanent', target_listener_name: 'web-https' },
            ],
            request_routing_rule: [
              {
                name: 'web-https',
                rule_type: 'Basic',
                http_listener_name: 'web-https',
                backend_address_pool_name: 'be',
              },
              {
                name: 'web-http',
                rule_type: 'Basic',
                http_listener_name: 'web-http',
                redirect_configuration_name: 'to-https',
              },
            ],
            waf_configuration: [{ enabled: true, firewall_mode: 'Detection', rule_set_version: '3.2' }],
          },
        },
        {
          at: 'azurerm_application_gateway.bare',
          values: {
            location: 'norwayeast',
            resource_group_name: 'rg',
            name: 'agw',
            sku: [{ name: 'WAF_v2', tier: 'WAF_v2' }],
            ssl_policy: [{ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20220101S' }],
            http_listener: [
              { name: 'web-https', protocol: 'Https', ssl_certificate_name: 'web' },
              { name: 'web-http', protocol: 'Http' },
            ],
            redirect_configuration: [
              { name: 'to-https', redirect_type: 'Permanent', target_listener_name: 'web-https' },
            ],
            request_routing_rule: [
              {
                name: 'web-https',
                rule_type: 'Basic',
                http_listener_name: 'web-https',
                backend_address_pool_name: 'be',
              },
              {
                name: 'web-http',
                rule_type: 'Basic',
                http_listener_name: 'web-http',
                redirect_configuration_name: 'to-https',
              },
            ],
          },
        },
        {
          at: 'azurerm_web_application_firewall_policy.old',
          values: {
            location: 'norwayeast',
            resource_group_name: 'rg',
            name: 'waf',
            policy_settings: [{ mode: 'Detection' }],
            managed_rules: [{ managed_rule_set: [{ version: '3.1' }] }],
          },
        },
        {
          at: 'azurerm_web_application_firewall_policy.off',
          values: {
            location: 'norwayeast',
            resource_group_name: 'rg',
            name: 'waf',
            policy_settings: [{ enabled: false }],
            managed_rules: [{ managed_rule_set: [{ type: 'OWASP', version: '3.2' }] }],
          },
        },
      ]),
      hcl: `
resource "azurerm_application_gateway" "std" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "agw"
  sku {
    name = "Standard_v2"
    tier = "Standard_v2"
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

resource "azurerm_application_gateway" "detect" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "agw"
  sku {
    name = "WAF_v2"
    tier = "WAF_v2"
  }
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
  waf_configuration {
    enabled = true
    firewall_mode = "Detection"
    rule_set_version = "3.2"
  }
}

resource "azurerm_application_gateway" "bare" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "agw"
  sku {
    name = "WAF_v2"
    tier = "WAF_v2"
  }
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

resource "azurerm_web_application_firewall_policy" "old" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "waf"
  policy_settings {
    mode = "Detection"
  }
  managed_rules {
    managed_rule_set {
      version = "3.1"
    }
  }
}

resource "azurerm_web_application_firewall_policy" "off" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "waf"
  policy_settings {
    enabled = false
  }
  managed_rules {
    managed_rule_set {
      type = "OWASP"
      version = "3.2"
    }
  }
}
`,
      errors: [
        ['NET-010', 'azurerm_application_gateway.bare'],
        ['NET-010', 'azurerm_application_gateway.detect'],
        ['NET-010', 'azurerm_application_gateway.std'],
        ['NET-010', 'azurerm_web_application_firewall_policy.off'],
        ['NET-010', 'azurerm_web_application_firewall_policy.old'],
        ['NET-010', 'azurerm_web_application_firewall_policy.old'],
      ],
    },
    {
      name: 'rule sets too old, a rule set unknown before apply, rule sets from a dynamic block, an inline WAF from a dynamic block',
      synth: tf({
        'azurerm_web_application_firewall_policy.old': {
          ...AT,
          name: 'old',
          managed_rules: [
            {
              managed_rule_set: [
                { type: 'OWASP', version: '3.1' },
                { type: 'Microsoft_DefaultRuleSet', version: '2.0' },
                { type: 'Microsoft_BotManagerRuleSet', version: '1.0' },
              ],
            },
          ],
        },
        'azurerm_web_application_firewall_policy.unknown': {
          ...AT,
          name: 'unknown',
          managed_rules: [{ managed_rule_set: [{ type: 'OWASP', version: '${var.version}' }] }],
        },
        'azurerm_web_application_firewall_policy.dynamic': {
          ...AT,
          name: 'dynamic',
          managed_rules: [
            {
              dynamic: {
                managed_rule_set: { for_each: '${var.sets}', content: { type: 'OWASP', version: '3.2' } },
              },
            },
          ],
        },
        'azurerm_application_gateway.inline': gateway({
          firewall_policy_id: undefined,
          dynamic: { waf_configuration: { for_each: '${var.waf}', content: { enabled: true } } },
        }),
      }),
      errors: [
        ['NET-010', 'azurerm_application_gateway.inline'],
        ['NET-010', 'azurerm_web_application_firewall_policy.dynamic'],
        ['NET-010', 'azurerm_web_application_firewall_policy.old'],
        ['NET-010', 'azurerm_web_application_firewall_policy.unknown'],
      ],
      messages: [
        'managed_rule_set[0] cannot be verified before apply, and no other managed rule set is OWASP 3.2+ or Microsoft_DefaultRuleSet 2.1+.',
        'managed_rules.managed_rule_set is built by a dynamic block, so the managed rules cannot be verified.',
        'no managed_rule_set is OWASP 3.2+ or Microsoft_DefaultRuleSet 2.1+.',
        'waf_configuration is built by a dynamic block, so the WAF cannot be verified.',
      ],
    },
    {
      name: 'a managed rule set whose type is named like an inherited property (constructor, __proto__) covers nothing',
      synth: tf({
        'azurerm_web_application_firewall_policy.constructor': {
          ...WAF,
          managed_rules: [{ managed_rule_set: [{ type: 'Constructor', version: '3.2' }] }],
        },
        'azurerm_web_application_firewall_policy.proto': {
          ...WAF,
          managed_rules: [{ managed_rule_set: [{ type: '__proto__', version: '3.2' }] }],
        },
      }),
      errors: [
        ['NET-010', 'azurerm_web_application_firewall_policy.constructor'],
        ['NET-010', 'azurerm_web_application_firewall_policy.proto'],
      ],
      messages: [
        'no managed_rule_set is OWASP 3.2+ or Microsoft_DefaultRuleSet 2.1+.',
        'no managed_rule_set is OWASP 3.2+ or Microsoft_DefaultRuleSet 2.1+.',
      ],
    },
  ],
});
