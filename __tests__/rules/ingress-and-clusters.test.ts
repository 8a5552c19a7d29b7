/**
 * The checks an Application Gateway, its WAF policy, an AKS cluster and a file share need: valid and
 * invalid tables for NET-010 and the rules of the families extended for them (ENC-001, ENC-003,
 * ENC-004, IAM-001, LOG-001).
 */
import { ENC_001 } from '../../policies/rules/encryption/enc-001-storage-transport';
import { ENC_003 } from '../../policies/rules/encryption/enc-003-disk-encryption';
import { ENC_004 } from '../../policies/rules/encryption/enc-004-tls-endpoints';
import { IAM_001 } from '../../policies/rules/identity/iam-001-entra-only';
import { LOG_001 } from '../../policies/rules/logging/log-001-diagnostic-settings';
import { NET_010 } from '../../policies/rules/network/net-010-web-application-firewall';
import { ruleTester, tf } from '../helpers/rule-tester';

const AT = { location: 'norwayeast', resource_group_name: 'rg' };

/** A gateway with one HTTPS site and its HTTP redirect, as NorwayApplicationGateway builds it. */
function gateway(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...AT,
    name: 'agw',
    sku: [{ name: 'WAF_v2', tier: 'WAF_v2' }],
    firewall_policy_id: '${azurerm_web_application_firewall_policy.waf.id}',
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
    ...extra,
  };
}

const WAF = {
  ...AT,
  name: 'waf',
  policy_settings: [{ enabled: true, mode: 'Prevention' }],
  managed_rules: [{ managed_rule_set: [{ type: 'OWASP', version: '3.2' }] }],
};

describe('NET-010: application gateways filter every request with a WAF in Prevention mode', () => {
  ruleTester(NET_010, {
    valid: [
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
      },
    ],
    invalid: [
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
        errors: [
          ['NET-010', 'azurerm_application_gateway.bare'],
          ['NET-010', 'azurerm_application_gateway.detect'],
          ['NET-010', 'azurerm_application_gateway.std'],
          ['NET-010', 'azurerm_web_application_firewall_policy.off'],
          ['NET-010', 'azurerm_web_application_firewall_policy.old'],
          ['NET-010', 'azurerm_web_application_firewall_policy.old'],
        ],
      },
    ],
  });
});

describe('ENC-004: application gateways use TLS 1.2+ and serve no plain HTTP', () => {
  ruleTester(ENC_004, {
    valid: [
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
      },
    ],
    invalid: [
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
    ],
  });
});

describe('ENC-001 and IAM-001: file shares over SMB, without stored access policies', () => {
  const account = { ...AT, name: 'st', account_tier: 'Premium', account_kind: 'FileStorage' };
  ruleTester(ENC_001, {
    valid: [
      {
        name: 'SMB by default and by name',
        synth: tf({
          'azurerm_storage_account.st': account,
          'azurerm_storage_share.a': {
            name: 'a',
            storage_account_id: '${azurerm_storage_account.st.id}',
            quota: 100,
          },
          'azurerm_storage_share.b': {
            name: 'b',
            storage_account_id: '${azurerm_storage_account.st.id}',
            quota: 100,
            enabled_protocol: 'SMB',
          },
        }),
      },
    ],
    invalid: [
      {
        name: 'an NFS share',
        messages: [
          'enabled_protocol is "NFS" (expected "SMB"): NFS carries the share\'s files unencrypted and unauthenticated.',
        ],
        synth: tf({
          'azurerm_storage_account.st': account,
          'azurerm_storage_share.nfs': {
            name: 'nfs',
            storage_account_id: '${azurerm_storage_account.st.id}',
            quota: 100,
            enabled_protocol: 'NFS',
          },
        }),
        errors: [['ENC-001', 'azurerm_storage_share.nfs']],
      },
    ],
  });
  ruleTester(IAM_001, {
    valid: [
      {
        name: 'a share without acl',
        synth: tf({ 'azurerm_storage_share.a': { name: 'a', storage_account_id: 'x', quota: 100 } }),
      },
    ],
    invalid: [
      {
        name: 'a share with a stored access policy',
        message: /acl defines stored access policies, which sign SAS tokens with the account key\.$/,
        synth: tf({
          'azurerm_storage_share.sas': {
            name: 'sas',
            storage_account_id: 'x',
            quota: 100,
            acl: [{ id: 'policy', access_policy: [{ permissions: 'r' }] }],
          },
        }),
        errors: [['IAM-001', 'azurerm_storage_share.sas']],
      },
    ],
  });
});

describe('ENC-003 and LOG-001: AKS nodes encrypted at the host, clusters monitored', () => {
  const workspace = { ...AT, name: 'log', sku: 'PerGB2018' };
  const diagnostics = (target: string) => ({
    name: 'to-log-analytics',
    target_resource_id: `\${${target}.id}`,
    log_analytics_workspace_id: '${azurerm_log_analytics_workspace.log.id}',
    enabled_log: [{ category_group: 'audit' }],
  });
  ruleTester(ENC_003, {
    valid: [
      {
        name: 'host encryption on every pool, a disk encryption set',
        synth: tf({
          'azurerm_kubernetes_cluster.aks': {
            ...AT,
            disk_encryption_set_id: 'des',
            default_node_pool: [{ name: 'system', host_encryption_enabled: true }],
          },
          'azurerm_kubernetes_cluster_node_pool.apps': { name: 'apps', host_encryption_enabled: true },
        }),
      },
    ],
    invalid: [
      {
        name: 'pools without host encryption, a cluster without a disk encryption set',
        messages: [
          'default_node_pool.host_encryption_enabled is not set, and the provider default is false: node disks and caches are not encrypted at the host.',
          'disk_encryption_set_id is not set, so node OS disks are encrypted with platform-managed keys only.',
          'host_encryption_enabled is false: node disks and caches are not encrypted at the host.',
        ],
        synth: tf({
          'azurerm_kubernetes_cluster.aks': { ...AT, default_node_pool: [{ name: 'system' }] },
          'azurerm_kubernetes_cluster_node_pool.apps': { name: 'apps', host_encryption_enabled: false },
        }),
        errors: [
          ['ENC-003', 'azurerm_kubernetes_cluster.aks'],
          ['ENC-003', 'azurerm_kubernetes_cluster.aks'],
          ['ENC-003', 'azurerm_kubernetes_cluster_node_pool.apps'],
        ],
      },
    ],
  });
  ruleTester(LOG_001, {
    valid: [
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
      },
    ],
    invalid: [
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
        errors: [
          ['LOG-001', 'azurerm_application_gateway.agw'],
          ['LOG-001', 'azurerm_kubernetes_cluster.abroad'],
          ['LOG-001', 'azurerm_kubernetes_cluster.bare'],
          ['LOG-001', 'azurerm_kubernetes_cluster.bare'],
        ],
      },
    ],
  });
});
