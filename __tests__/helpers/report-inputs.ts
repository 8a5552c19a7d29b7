/**
 * The reporter tests' inputs that need no cdktf: the plan fixture (a destructive change and a westeurope
 * replica), the suppression file, and the secrets no report may print. Kept apart from report-stacks.ts so
 * that suites using only these (the CLI format tests) load no cdktf.
 */
import { join, relative } from 'node:path';
import { checkModels, CheckOptions } from '../../policies/engine/engine';
import { ALL_RULES } from '../../policies/rules';
import { loadPolicyFile } from '../../policies/engine/policy-file';
import type { CheckResult } from '../../policies/engine/result';
import { loadJsonFile } from '../../policies/model/load-path';
import { TODAY } from './today';

export const ROOT = join(__dirname, '..', '..');
export const FIXTURES = join(__dirname, '..', 'fixtures', 'reports');
/** Relative to the repository root, as the CLI would see it in CI. */
export const PLAN_FILE = relative(ROOT, join(FIXTURES, 'plan-destructive.json'));
export const POLICY_FILE = relative(ROOT, join(FIXTURES, 'suppressions.yaml'));

/** Secrets the inputs hold; no report may print them. */
export const SECRETS = {
  /** A literal password written in code (synthesized stack). */
  sqlPassword: 'Synth-Adm1n-Passw0rd!x',
  /** A Key Vault secret value the plan marks sensitive. */
  planSecret: 'Pl4n-S3cret-Adm1n-Passw0rd!',
  /** A storage access key inside a connection string of a deleted account (plan `before`). */
  archiveKey: 'QXJjaGl2ZUFjY2Vzc0tleU5vdFJlYWxseUFLZXlCdXRMb25nRW5vdWdoPT0=',
  /** A Cosmos DB key the plan marks sensitive. */
  cosmosKey: 'Q29zbW9zUHJpbWFyeUtleVNlY3JldFZhbHVlRm9yVGVzdHM=',
} as const;

export function planReport(options: Partial<CheckOptions> = {}): CheckResult {
  return checkModels([loadJsonFile(PLAN_FILE)], {
    rules: ALL_RULES,
    today: TODAY,
    suppressions: loadPolicyFile(POLICY_FILE),
    ...options,
  });
}
