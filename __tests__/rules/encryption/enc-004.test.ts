/** The valid and invalid cases of ENC-004 (`policies/rules/encryption/enc-004-tls-endpoints.ts`). */
import { ENC_004 } from '../../../policies/rules/encryption/enc-004-tls-endpoints';
import { gateway } from '../../helpers/rules/applications';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(ENC_004, {
  valid: [
    {
      name: 'defaults for SQL, Redis and Cosmos; web app HTTPS only with FTPS disabled',
      synth: tf({
        'azurerm_mssql_server.s': { location: 'norwayeast' },
        'azurerm_redis_cache.r': { location: 'norwayeast', minimum_tls_version: '1.2' },
        'azurerm_cosmosdb_account.c': { location: 'norwayeast' },
        'azurerm_linux_web_app.w': { https_only: true, site_config: { ftps_state: 'Disabled' } },
        'azurerm_postgresql_flexible_server_configuration.c': {
          name: 'require_secure_transport',
          value: 'on',
        },
        'azurerm_postgresql_flexible_server_configuration.other': { name: 'log_connections', value: 'off' },
        'azurerm_windows_web_app.basic': {
          https_only: true,
          ftp_publish_basic_authentication_enabled: false,
        },
        'azurerm_redis_cache.closed': { location: 'norwayeast', non_ssl_port_enabled: false },
        'azurerm_postgresql_flexible_server_configuration.bool': {
          name: 'require_secure_transport',
          value: 'true',
        },
        'azurerm_mysql_flexible_server_configuration.numeric': {
          name: 'require_secure_transport',
          value: '1',
        },
        'data.azurerm_linux_web_app.existing': { name: 'app-legacy', resource_group_name: 'rg-web' },
      }),
      plan: plan([
        { at: 'azurerm_mssql_server.s', values: { minimum_tls_version: '1.2' } },
        {
          at: 'azurerm_windows_function_app.f',
          values: { https_only: true, site_config: [{ minimum_tls_version: '1.2', ftps_state: 'FtpsOnly' }] },
        },
      ]),
    },
    // application gateways use TLS 1.2+ and serve no plain HTTP
    {
      name: 'a predefined 2022 policy, a custom TLS 1.2 minimum; HTTP only as a redirect to HTTPS',
      synth: tf({
        'azurerm_application_gateway.agw': gateway(),
        'azurerm_application_gateway.custom': gateway({
          ssl_policy: [{ policy_type: 'CustomV2', min_protocol_version: 'TLSv1_2' }],
          redirect_configuration: [
            { name: 'to-https', redirect_type: 'Permanent', target_url: 'https://x.no' },
          ],
        }),
      }),
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

resource "azurerm_application_gateway" "custom" {
  location = "norwayeast"
  resource_group_name = "rg"
  name = "agw"
  sku {
    name = "WAF_v2"
    tier = "WAF_v2"
  }
  firewall_policy_id = azurerm_web_application_firewall_policy.waf.id
  ssl_policy {
    policy_type = "CustomV2"
    min_protocol_version = "TLSv1_2"
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
    target_url = "https://x.no"
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
    // Container App ingress is HTTPS only
    {
      name: 'insecure connections unset or false',
      synth: tf({
        'azurerm_container_app.a': { ingress: [{ target_port: 80 }] },
        'azurerm_container_app.b': { ingress: [{ target_port: 80, allow_insecure_connections: false }] },
        'azurerm_container_app.none': {},
      }),
    },
  ],
  invalid: [
    {
      name: 'old TLS, non-TLS Redis port (4.x and 3.x names), HTTP web app with FTP, secure transport off',
      messages: [
        'minimal_tls_version is "Tls" (expected "Tls12" or "Tls13").',
        'https_only is not set, and the provider default is false.',
        'site_config.ftps_state is "AllAllowed" (expected "Disabled" or "FtpsOnly").',
        'minimum_tls_version is "1.0" (expected "1.2" or "1.3").',
        'require_secure_transport is "OFF".',
        'non_ssl_port_enabled is true.',
        'enable_non_ssl_port is true.',
      ],
      synth: tf({
        'azurerm_mssql_server.s': { minimum_tls_version: '1.0' },
        'azurerm_redis_cache.r': { non_ssl_port_enabled: true },
        'azurerm_redis_cache.r3': { enable_non_ssl_port: true },
        'azurerm_cosmosdb_account.c': { minimal_tls_version: 'Tls' },
        'azurerm_linux_web_app.w': { site_config: [{ ftps_state: 'AllAllowed' }] },
        'azurerm_mysql_flexible_server_configuration.c': { name: 'require_secure_transport', value: 'OFF' },
      }),
      plan: plan([
        {
          at: 'azurerm_linux_web_app.w',
          values: { https_only: true, site_config: [{ minimum_tls_version: '1.1', ftps_state: 'Disabled' }] },
        },
      ]),
      hcl: `
resource "azurerm_mssql_server" "s" {
  minimum_tls_version = "1.0"
}

resource "azurerm_redis_cache" "r" {
  non_ssl_port_enabled = true
}

resource "azurerm_redis_cache" "r3" {
  enable_non_ssl_port = true
}

resource "azurerm_cosmosdb_account" "c" {
  minimal_tls_version = "Tls"
}

resource "azurerm_linux_web_app" "w" {
  site_config {
    ftps_state = "AllAllowed"
  }
}

resource "azurerm_mysql_flexible_server_configuration" "c" {
  name = "require_secure_transport"
  value = "OFF"
}
`,
      errors: [
        ['ENC-004', 'azurerm_cosmosdb_account.c'],
        ['ENC-004', 'azurerm_linux_web_app.w'],
        ['ENC-004', 'azurerm_linux_web_app.w'],
        ['ENC-004', 'azurerm_mssql_server.s'],
        ['ENC-004', 'azurerm_mysql_flexible_server_configuration.c'],
        ['ENC-004', 'azurerm_redis_cache.r'],
        ['ENC-004', 'azurerm_redis_cache.r3'],
      ],
      planErrors: [['ENC-004', 'azurerm_linux_web_app.w']],
    },
    {
      name: 'FTP publishing with basic authentication; secure transport from a variable without a default; old SCM TLS',
      messages: [
        'site_config.scm_minimum_tls_version is "1.0" (expected "1.2" or "1.3").',
        'ftp_publish_basic_authentication_enabled is true.',
        'require_secure_transport is not verifiable before apply.',
      ],
      synth: tf(
        {
          'azurerm_linux_function_app_slot.staging': {
            https_only: true,
            ftp_publish_basic_authentication_enabled: true,
            site_config: [{ ftps_state: 'FtpsOnly' }],
          },
          'azurerm_postgresql_flexible_server_configuration.tls': {
            name: 'require_secure_transport',
            value: '${var.secure_transport}',
          },
          'azurerm_windows_web_app.scm': {
            https_only: true,
            site_config: [{ scm_minimum_tls_version: '1.0' }],
          },
        },
        { variable: { secure_transport: { type: 'string' } } },
      ),
      plan: plan([
        {
          at: 'azurerm_linux_function_app_slot.staging',
          values: { https_only: true, ftp_publish_basic_authentication_enabled: true },
        },
      ]),
      errors: [
        ['ENC-004', 'azurerm_linux_function_app_slot.staging'],
        ['ENC-004', 'azurerm_postgresql_flexible_server_configuration.tls'],
        ['ENC-004', 'azurerm_windows_web_app.scm'],
      ],
      planErrors: [['ENC-004', 'azurerm_linux_function_app_slot.staging']],
    },
    // application gateways use TLS 1.2+ and serve no plain HTTP
    {
      name: 'no TLS policy, a 2015 policy, an HTTP listener serving pages, a redirect to HTTP',
      // The family's messages carry the address today; the engine is about to print it itself.
      message:
        /(ssl_policy is not set, so the TLS minimum is the service default \(TLS 1\.0 on older API versions\)|ssl_policy\.policy_name is "AppGwSslPolicy20150501" \(expected "AppGwSslPolicy20170401S" or "AppGwSslPolicy20220101" or "AppGwSslPolicy20220101S"\)|request_routing_rule\[1\] serves the HTTP listener "web-http" without a redirect|redirect_configuration "to-https" of the HTTP listener "web-http" does not lead to HTTPS)\.$/,
      synth: tf({
        'azurerm_application_gateway.none': gateway({ ssl_policy: undefined }),
        'azurerm_application_gateway.old': gateway({
          ssl_policy: [{ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20150501' }],
        }),
        'azurerm_application_gateway.plain': gateway({
          request_routing_rule: [
            { name: 'a', rule_type: 'Basic', http_listener_name: 'web-https' },
            {
              name: 'b',
              rule_type: 'Basic',
              http_listener_name: 'web-http',
              backend_address_pool_name: 'be',
            },
          ],
        }),
        'azurerm_application_gateway.loop': gateway({
          redirect_configuration: [
            { name: 'to-https', redirect_type: 'Permanent', target_listener_name: 'web-http' },
          ],
        }),
      }),
      errors: [
        ['ENC-004', 'azurerm_application_gateway.loop'],
        ['ENC-004', 'azurerm_application_gateway.none'],
        ['ENC-004', 'azurerm_application_gateway.old'],
        ['ENC-004', 'azurerm_application_gateway.plain'],
      ],
    },
    // Container App ingress is HTTPS only
    {
      name: 'insecure connections allowed',
      synth: tf({ 'azurerm_container_app.a': { ingress: [{ allow_insecure_connections: true }] } }),
      errors: [['ENC-004', 'azurerm_container_app.a']],
    },
  ],
});
