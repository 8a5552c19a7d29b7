import { defineRule, RuleContext } from '../rule';
import type { TfResource } from '../../model/types';
import { asBoolean, blockCount, boolProblem, firstSet, stringProblem } from '../attributes';
import { ownEntry } from '../../model/values';

const WEB_APPS = [
  'azurerm_linux_web_app',
  'azurerm_windows_web_app',
  'azurerm_linux_function_app',
  'azurerm_windows_function_app',
];
const WEB_SLOTS = [
  'azurerm_linux_web_app_slot',
  'azurerm_windows_web_app_slot',
  'azurerm_linux_function_app_slot',
  'azurerm_windows_function_app_slot',
];
/** Database server configuration resources that can turn off required TLS. */
const SERVER_CONFIGURATIONS = [
  'azurerm_postgresql_flexible_server_configuration',
  'azurerm_mysql_flexible_server_configuration',
];

const TLS12 = ['1.2', '1.3'];

/** The TLS attribute, accepted values and azurerm 4.x default per resource type. */
const MINIMUM_TLS: Readonly<
  Record<string, { names: readonly string[]; allowed: readonly string[]; providerDefault: string }>
> = {
  azurerm_mssql_server: { names: ['minimum_tls_version'], allowed: TLS12, providerDefault: '1.2' },
  azurerm_mssql_managed_instance: { names: ['minimum_tls_version'], allowed: TLS12, providerDefault: '1.2' },
  azurerm_redis_cache: { names: ['minimum_tls_version'], allowed: TLS12, providerDefault: '1.2' },
  azurerm_cosmosdb_account: {
    names: ['minimal_tls_version'],
    allowed: ['Tls12', 'Tls13'],
    providerDefault: 'Tls12',
  },
  azurerm_eventhub_namespace: { names: ['minimum_tls_version'], allowed: TLS12, providerDefault: '1.2' },
  azurerm_servicebus_namespace: { names: ['minimum_tls_version'], allowed: TLS12, providerDefault: '1.2' },
};

export const ENC_004 = defineRule({
  id: 'ENC-004',
  title: 'Databases, web endpoints and gateways require TLS 1.2 or newer; no FTP, HTTPS only',
  severity: 'error',
  rationale:
    'Connections to databases and web applications carry patient data and credentials; they must be encrypted with a current TLS version, and plain FTP or HTTP must be off.',
  anchors: { mcsb: ['DP-3'], checkov: ['CKV_AZURE_52', 'CKV_AZURE_14', 'CKV_AZURE_15', 'CKV_AZURE_78'] },
  resourceTypes: [
    ...Object.keys(MINIMUM_TLS),
    ...WEB_APPS,
    ...WEB_SLOTS,
    ...SERVER_CONFIGURATIONS,
    'azurerm_container_app',
    'azurerm_application_gateway',
  ],
  fix: 'Leave minimum TLS settings at their 1.2 defaults (or raise them), set https_only = true and site_config.ftps_state = "Disabled" (or "FtpsOnly") on web apps, keep allow_insecure_connections off on Container App ingress, keep require_secure_transport on, and keep the Redis non-TLS port closed. Application gateways: ssl_policy with policy_name AppGwSslPolicy20220101(S) or min_protocol_version TLSv1_2, and every HTTP listener only a redirect to an HTTPS listener.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      for (const problem of problemsOf(context, resource))
        if (problem) yield { resource, message: `${problem}.` };
    }
  },
});

function problemsOf(context: RuleContext, resource: TfResource): (string | undefined)[] {
  if (resource.type === 'azurerm_application_gateway') return gatewayProblems(context, resource);
  const tls = ownEntry(MINIMUM_TLS, resource.type);
  if (tls) {
    const problems = [
      stringProblem(context, resource, tls.names, {
        allowed: tls.allowed,
        providerDefault: tls.providerDefault,
      }),
    ];
    if (resource.type === 'azurerm_redis_cache') {
      problems.push(
        boolProblem(context, resource, ['non_ssl_port_enabled', 'enable_non_ssl_port'], {
          want: false,
          providerDefault: false,
        }),
      );
    }
    return problems;
  }
  if (SERVER_CONFIGURATIONS.includes(resource.type)) {
    const name = firstSet(context, resource, ['name']).resolved;
    if (name.kind !== 'known' || String(name.value).toLowerCase() !== 'require_secure_transport') return [];
    const value = firstSet(context, resource, ['value']).resolved;
    if (value.kind === 'known' && ['on', 'true', '1'].includes(String(value.value).toLowerCase())) return [];
    return [
      `require_secure_transport is ${value.kind === 'known' ? JSON.stringify(value.value) : 'not verifiable before apply'}`,
    ];
  }
  // Container Apps: ingress redirects HTTP to HTTPS unless insecure connections are allowed (default false).
  if (resource.type === 'azurerm_container_app')
    return [
      boolProblem(context, resource, [['ingress', 0, 'allow_insecure_connections']], {
        want: false,
        providerDefault: false,
      }),
    ];
  // Web apps and slots: https_only defaults to false; site_config TLS defaults to 1.2; FTP state to Disabled.
  const problems = [
    boolProblem(context, resource, ['https_only'], { want: true, providerDefault: false }),
    stringProblem(context, resource, [['site_config', 0, 'minimum_tls_version']], {
      allowed: TLS12,
      providerDefault: '1.2',
    }),
    stringProblem(context, resource, [['site_config', 0, 'scm_minimum_tls_version']], {
      allowed: TLS12,
      providerDefault: '1.2',
    }),
    stringProblem(context, resource, [['site_config', 0, 'ftps_state']], {
      allowed: ['Disabled', 'FtpsOnly'],
      providerDefault: 'Disabled',
    }),
  ];
  const ftpBasicAuth = firstSet(context, resource, ['ftp_publish_basic_authentication_enabled']).resolved;
  if (ftpBasicAuth.kind === 'known' && asBoolean(ftpBasicAuth.value) === true)
    problems.push('ftp_publish_basic_authentication_enabled is true');
  return problems;
}

/** Predefined policies whose minimum is TLS 1.2. */
const GATEWAY_TLS12_POLICIES = [
  'AppGwSslPolicy20170401S',
  'AppGwSslPolicy20220101',
  'AppGwSslPolicy20220101S',
];

/** The TLS policy (new gateways default to a TLS 1.0 policy on older API versions) and the HTTP listeners. */
function gatewayProblems(context: RuleContext, resource: TfResource): (string | undefined)[] {
  const problems: (string | undefined)[] = [];
  const policy = blockCount(context, resource, 'ssl_policy');
  if (policy.kind === 'unknown') problems.push(policy.reason);
  else if (policy.count === 0)
    problems.push(
      'ssl_policy is not set, so the TLS minimum is the service default (TLS 1.0 on older API versions)',
    );
  else {
    const type = firstSet(context, resource, [['ssl_policy', 0, 'policy_type']]).resolved;
    const predefined = type.kind === 'known' && String(type.value) === 'Predefined';
    problems.push(
      predefined
        ? stringProblem(context, resource, [['ssl_policy', 0, 'policy_name']], {
            allowed: GATEWAY_TLS12_POLICIES,
          })
        : stringProblem(context, resource, [['ssl_policy', 0, 'min_protocol_version']], {
            allowed: ['TLSv1_2', 'TLSv1_3'],
          }),
    );
  }
  problems.push(...httpListenerProblems(context, resource));
  return problems;
}

/** An HTTP listener may only redirect to an HTTPS listener; anything else serves pages in clear text. */
function httpListenerProblems(context: RuleContext, resource: TfResource): string[] {
  const named = (block: string, field: string): Map<string, number> | string => {
    const count = blockCount(context, resource, block);
    if (count.kind === 'unknown') return count.reason;
    const out = new Map<string, number>();
    for (let i = 0; i < count.count; i++) {
      const name = context.read(resource, [block, i, field]);
      if (name.kind !== 'known') return `${block}[${i}].${field} cannot be verified before apply`;
      out.set(String(name.value), i);
    }
    return out;
  };
  const text = (path: (string | number)[]): string | undefined => {
    const value = context.read(resource, path);
    return value.kind === 'known' ? String(value.value) : value.kind === 'absent' ? '' : undefined;
  };
  const listeners = named('http_listener', 'name');
  const rules = named('request_routing_rule', 'http_listener_name');
  const redirects = named('redirect_configuration', 'name');
  for (const index of [listeners, rules, redirects])
    if (typeof index === 'string') return [`${index}, so plain HTTP listeners cannot be ruled out`];
  const listenerAt = listeners as Map<string, number>;
  const redirectAt = redirects as Map<string, number>;
  const count = blockCount(context, resource, 'request_routing_rule');
  const problems: string[] = [];
  for (let r = 0; r < (count.kind === 'count' ? count.count : 0); r++) {
    const listener = text(['request_routing_rule', r, 'http_listener_name']) ?? '';
    const l = listenerAt.get(listener);
    const protocol = l === undefined ? undefined : text(['http_listener', l, 'protocol']);
    if (protocol === undefined) {
      problems.push(
        `request_routing_rule[${r}] uses listener ${JSON.stringify(listener)}, whose protocol cannot be verified`,
      );
      continue;
    }
    if (protocol.toLowerCase() !== 'http') continue;
    const redirect = text(['request_routing_rule', r, 'redirect_configuration_name']);
    const d = redirect ? redirectAt.get(redirect) : undefined;
    if (d === undefined) {
      problems.push(
        `request_routing_rule[${r}] serves the HTTP listener ${JSON.stringify(listener)} without a redirect`,
      );
      continue;
    }
    const target = text(['redirect_configuration', d, 'target_listener_name']);
    const url = text(['redirect_configuration', d, 'target_url']);
    const t = target ? listenerAt.get(target) : undefined;
    const secure =
      (t !== undefined && text(['http_listener', t, 'protocol'])?.toLowerCase() === 'https') ||
      (url !== undefined && url.toLowerCase().startsWith('https://'));
    if (!secure)
      problems.push(
        `redirect_configuration ${JSON.stringify(redirect)} of the HTTP listener ${JSON.stringify(listener)} does not lead to HTTPS`,
      );
  }
  return problems;
}
