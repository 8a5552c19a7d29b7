import { defineRule, RuleContext } from '../rule';
import type { TfResource } from '../../model/types';
import { asBoolean, boolProblem, firstSet, stringProblem } from '../attributes';

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
  title: 'Databases and web endpoints require TLS 1.2 or newer; no FTP, HTTPS only',
  severity: 'error',
  rationale:
    'Connections to databases and web applications carry patient data and credentials; they must be encrypted with a current TLS version, and plain FTP or HTTP must be off.',
  anchors: { mcsb: ['DP-3'], checkov: ['CKV_AZURE_52', 'CKV_AZURE_14', 'CKV_AZURE_15', 'CKV_AZURE_78'] },
  resourceTypes: [...Object.keys(MINIMUM_TLS), ...WEB_APPS, ...WEB_SLOTS, ...SERVER_CONFIGURATIONS],
  fix: 'Leave minimum TLS settings at their 1.2 defaults (or raise them), set https_only = true and site_config.ftps_state = "Disabled" (or "FtpsOnly") on web apps, keep require_secure_transport on, and keep the Redis non-TLS port closed.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      for (const problem of problemsOf(context, resource))
        if (problem) yield { resource, message: `${problem}.` };
    }
  },
});

function problemsOf(context: RuleContext, resource: TfResource): (string | undefined)[] {
  const tls = MINIMUM_TLS[resource.type];
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
