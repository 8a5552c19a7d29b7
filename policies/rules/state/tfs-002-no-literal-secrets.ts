import { defineRule } from '../rule';
import { parseExpression } from '../../model/expressions';
import { isRecord } from '../../model/values';

/** Attribute and setting names that hold credentials (after `camelCase` → `camel_case`, lower-casing and `-` → `_`). */
const SECRET_NAME =
  /(^|_)(password|passwd|secret|client_secret|access_key|sas_token|shared_key|connection_string|primary_key|secondary_key|api_key|private_key|token)$/;
/** Resources whose `value` is the secret itself. */
const SECRET_VALUE_TYPES = new Set(['azurerm_key_vault_secret']);
/** Blocks whose `value` is a credential: connection strings, container app secrets. */
const CONNECTION_STRING_BLOCKS = new Set(['connection_string', 'secret']);
/** Backend settings that are credentials. */
const BACKEND_SECRETS = [
  'access_key',
  'sas_token',
  'client_secret',
  'client_certificate_password',
  'client_certificate',
];

/** App settings are often camelCase (`AzureAd__ClientSecret`, `ApiKey`): split words before matching. */
const normalise = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/-/g, '_');

/** A non-empty string written literally (not a reference, variable or function call). */
function isLiteralSecret(value: unknown): boolean {
  if (typeof value !== 'string' || value.trim() === '') return false;
  // An App Service Key Vault reference names the secret; it is not the secret.
  if (/^@Microsoft\.KeyVault\(/i.test(value.trim())) return false;
  return parseExpression(value).kind === 'literal';
}

/** Paths under `value` where a secret is written as a literal. */
function* literalSecrets(value: unknown, path: string, inConnectionString: boolean): Iterable<string> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++)
      yield* literalSecrets(value[i], `${path}[${i}]`, inConnectionString);
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === '//' || key === 'lifecycle' || key === 'tags') continue;
    const childPath = path ? `${path}.${key}` : key;
    const name = normalise(key);
    if ((SECRET_NAME.test(name) || (inConnectionString && name === 'value')) && isLiteralSecret(child))
      yield childPath;
    else yield* literalSecrets(child, childPath, CONNECTION_STRING_BLOCKS.has(name));
  }
}

export const TFS_002 = defineRule({
  id: 'TFS-002',
  title: 'No secrets written as literals in the configuration or backend',
  severity: 'error',
  rationale:
    'A password, key or connection string in the configuration is in the repository, in every clone, in CI logs and in the state file, and cannot be rotated without a commit.',
  anchors: { mcsb: ['IM-8'] },
  resourceTypes: 'all',
  // A plan shows every value as a literal; only the configuration tells a literal from a generated one.
  inputs: ['synth', 'hcl'],
  fix: 'Use managed identities and Entra ID instead of keys; where a secret is unavoidable, generate it (random_password) or read it from Key Vault, and pass backend credentials through the environment.',
  *check({ model, resources }) {
    for (const resource of resources) {
      const found = [
        ...literalSecrets(resource.values, '', false),
        // `connection { password = "..." }`, also inside a provisioner.
        ...literalSecrets(resource.provisioning, '', false),
      ];
      if (SECRET_VALUE_TYPES.has(resource.type) && isLiteralSecret(resource.values.value))
        found.push('value');
      for (const path of found) yield { resource, message: `${path} is a secret written as a literal.` };
    }
    for (const key of BACKEND_SECRETS) {
      if (model.backend && isLiteralSecret(model.backend.config[key])) {
        yield {
          address: 'terraform.backend',
          message: `The ${model.backend.type} backend has ${key} written into the configuration.`,
        };
      }
    }
    for (const provider of model.providerConfigs ?? []) {
      const name = provider.alias ? `${provider.name}.${provider.alias}` : provider.name;
      for (const path of literalSecrets(provider.config, '', false)) {
        yield {
          address: `provider.${name}`,
          message: `Provider ${name} has ${path} written into the configuration.`,
        };
      }
    }
    for (const variable of model.variables.values()) {
      if (SECRET_NAME.test(normalise(variable.name)) && isLiteralSecret(variable.default)) {
        yield {
          address: `var.${variable.name}`,
          message: `Variable ${variable.name} has a secret as its default value.`,
        };
      }
    }
  },
});
