/**
 * Jest matchers for users' own stack tests. Import once (in a test file or a jest `setupFilesAfterEach`):
 *
 *   import 'norway-iac/policies/cdktf/matchers';
 *   expect(stack).toComplyWithPolicies();
 *   expect(stack).toHaveNoFindings('RES-001');
 *
 * They run the same engine as the synth-time guard and the CLI (`checkStack`), so a test that passes
 * here passes in CI. Failure messages list every finding with rule, address, construct path and fix.
 */
import { TerraformStack } from 'cdktf';
import type { Finding, CheckResult } from '../engine/result';
import { maskFor } from '../analysis/mask';
import { checkStack, type PolicyOptions } from './guard';

export interface PolicyMatcherOptions extends PolicyOptions {
  /** Also fail on warnings. @default false - only error findings fail, as in CI */
  readonly includeWarnings?: boolean;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** The stack has no unsuppressed error findings (with `includeWarnings`, no warnings either). */
      toComplyWithPolicies(options?: PolicyMatcherOptions): R;
      /** The stack has no unsuppressed findings of these rules (all rules when none are given). */
      toHaveNoFindings(...ruleIds: string[]): R;
    }
  }
}

interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/** The matcher implementations, exported for registering with another `expect` (e.g. Vitest's). */
export const policyMatchers = {
  toComplyWithPolicies(received: unknown, options: PolicyMatcherOptions = {}): MatcherResult {
    const stack = requireStack(received, 'toComplyWithPolicies');
    const { includeWarnings, ...checkOptions } = options;
    const report = checkStack(stack, checkOptions);
    const blocking = active(report).filter((f) => includeWarnings || f.severity === 'error');
    const what = includeWarnings ? 'findings' : 'error findings';
    return {
      pass: blocking.length === 0,
      message: () =>
        blocking.length === 0
          ? `Expected stack ${stack.node.id} to violate the policies, but it has no unsuppressed ${what}.`
          : `Expected stack ${stack.node.id} to comply with the policies, but it has ${blocking.length} ${what}:\n\n${list(report, blocking)}`,
    };
  },

  toHaveNoFindings(received: unknown, ...ruleIds: string[]): MatcherResult {
    const stack = requireStack(received, 'toHaveNoFindings');
    const report = checkStack(stack);
    const unknown = ruleIds.filter((id) => !report.rules.some((r) => r.id === id));
    if (unknown.length > 0) {
      return {
        pass: false,
        message: () =>
          `toHaveNoFindings: unknown rule id${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}; known: ${report.rules.map((r) => r.id).join(', ')}.`,
      };
    }
    const found = active(report).filter((f) => ruleIds.length === 0 || ruleIds.includes(f.ruleId));
    const rules = ruleIds.length === 0 ? 'any rule' : ruleIds.join(', ');
    return {
      pass: found.length === 0,
      message: () =>
        found.length === 0
          ? `Expected stack ${stack.node.id} to have findings of ${rules}, but it has none.`
          : `Expected stack ${stack.node.id} to have no findings of ${rules}, but it has ${found.length}:\n\n${list(report, found)}`,
    };
  },
};

function requireStack(received: unknown, matcher: string): TerraformStack {
  if (!TerraformStack.isStack(received)) {
    throw new TypeError(
      `${matcher} expects a cdktf TerraformStack (e.g. a NorwayStack), got ${received === null ? 'null' : typeof received}.`,
    );
  }
  return received;
}

function active(report: CheckResult): Finding[] {
  return report.findings.filter((f) => !f.suppressed);
}

/** One block per finding, secrets masked (test output ends up in CI logs). */
function list(report: CheckResult, findings: readonly Finding[]): string {
  const mask = maskFor(report.workspace.models);
  return findings
    .map((f) =>
      mask.text(
        [
          `  ${f.severity.toUpperCase()} [${f.ruleId}] ${f.title}`,
          `    at ${f.address}${f.constructPath ? ` (construct ${f.constructPath})` : ''}`,
          `    ${f.message}`,
          `    fix: ${f.fix}`,
        ].join('\n'),
      ),
    )
    .join('\n\n');
}

// Register with Jest's global `expect` when imported in a Jest run; importing elsewhere is harmless.
const jestExpect = (globalThis as { expect?: { extend?: (matchers: Record<string, unknown>) => void } })
  .expect;
if (jestExpect && typeof jestExpect.extend === 'function') jestExpect.extend(policyMatchers);
