/** Azure naming rules the constructs check before Terraform would fail at apply time. */
import { isLiteral } from './validation';

export interface NameRule {
  readonly what: string;
  readonly pattern: RegExp;
  readonly description: string;
}

export const STORAGE_ACCOUNT_NAME: NameRule = {
  what: 'storage account name',
  pattern: /^[a-z0-9]{3,24}$/,
  description: '3-24 characters, lowercase letters and digits only, globally unique',
};

export const KEY_VAULT_NAME: NameRule = {
  what: 'Key Vault name',
  pattern: /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/,
  description:
    '3-24 characters, letters, digits and single hyphens, starting with a letter and not ending with a hyphen',
};

export const RECOVERY_VAULT_NAME: NameRule = {
  what: 'Recovery Services vault name',
  pattern: /^[a-zA-Z][a-zA-Z0-9-]{1,49}$/,
  description: '2-50 characters, letters, digits and hyphens, starting with a letter',
};

export const LOG_ANALYTICS_WORKSPACE_NAME: NameRule = {
  what: 'Log Analytics workspace name',
  pattern: /^[a-zA-Z0-9][a-zA-Z0-9-]{2,61}[a-zA-Z0-9]$/,
  description: '4-63 characters, letters, digits and hyphens, starting and ending with a letter or digit',
};

/** A problem description when a literal `name` breaks `rule`; tokens are left to Terraform. */
export function nameProblem(name: string | undefined, rule: NameRule): string | undefined {
  if (!isLiteral(name)) return undefined;
  if (rule.pattern.test(name)) return undefined;
  return `${rule.what} ${JSON.stringify(name)} is invalid: expected ${rule.description}`;
}

export const POSTGRESQL_SERVER_NAME: NameRule = {
  what: 'PostgreSQL server name',
  pattern: /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/,
  description:
    '3-63 characters, lowercase letters, digits and single hyphens, not starting or ending with a hyphen',
};

export const SQL_SERVER_NAME: NameRule = {
  what: 'SQL server name',
  pattern: /^[a-z0-9](?!.*--)[a-z0-9-]{0,61}[a-z0-9]$/,
  description:
    '2-63 characters, lowercase letters, digits and single hyphens, not starting or ending with a hyphen',
};

export const CONTAINER_REGISTRY_NAME: NameRule = {
  what: 'container registry name',
  pattern: /^[a-zA-Z0-9]{5,50}$/,
  description: '5-50 letters and digits only (no hyphens), globally unique',
};

export const EVENT_HUBS_NAMESPACE_NAME: NameRule = {
  what: 'Event Hubs namespace name',
  pattern: /^[a-zA-Z][a-zA-Z0-9-]{4,48}[a-zA-Z0-9]$/,
  description: '6-50 letters, digits and hyphens, starting with a letter and ending with a letter or digit',
};
