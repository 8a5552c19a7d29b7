/**
 * Suppressions attached to constructs in code. They apply to every Terraform resource and data source at
 * or below the construct and travel into cdk.tf.json (under each block's `"//".norway_policy`), so the
 * CLI sees exactly what the synth-time guard saw. A suppression on a construct with no block below it
 * (an output, a provider, an empty group) is written into the stack's `"//".norway_policy.unattached`,
 * where the loader reads it and TFS-003 reports that it applies to nothing.
 */
import { TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { POLICY_METADATA_KEY, UNATTACHED_KEY } from '../model/load-terraform-json';
import { isTerraformBlock, TerraformBlock, writeBlockMetadata } from './block-metadata';

export interface Suppression {
  /** The rule to suppress, e.g. `NET-004`. */
  readonly ruleId: string;
  /** Why this is acceptable; at least 10 characters. */
  readonly reason: string;
  /** Last day the suppression holds, `YYYY-MM-DD`. */
  readonly expires: string;
}

const METADATA_TYPE = 'norway-policy:suppression';

/** Suppress a rule for `scope` and everything below it. Invalid suppressions become TFS-003 findings. */
export function suppress(scope: IConstruct, ...suppressions: Suppression[]): void {
  for (const s of suppressions)
    scope.node.addMetadata(METADATA_TYPE, { ruleId: s.ruleId, reason: s.reason, expires: s.expires });
}

/** Write every construct's suppressions onto the Terraform resources and data sources below it. Idempotent. */
export function applySuppressions(root: IConstruct): void {
  const collected = new Map<TerraformBlock, Suppression[]>();
  const unattached = new Map<TerraformStack, Record<string, Suppression[]>>();
  for (const node of root.node.findAll()) {
    const own = node.node.metadata.filter((m) => m.type === METADATA_TYPE).map((m) => m.data as Suppression);
    if (own.length === 0) continue;
    const targets = node.node.findAll().filter(isTerraformBlock);
    for (const target of targets) collected.set(target, [...(collected.get(target) ?? []), ...own]);
    if (targets.length > 0) continue;
    // Nothing below to suppress (an output, a provider, an empty group): kept for TFS-003 to report.
    const stack = stackOf(node);
    unattached.set(stack, { ...unattached.get(stack), [node.node.path]: own });
  }
  for (const [element, list] of collected) writeBlockMetadata(element, 'suppressions', list);
  const stacks = new Set([...unattached.keys(), ...root.node.findAll().filter(TerraformStack.isStack)]);
  for (const node of root.node.scopes) if (TerraformStack.isStack(node)) stacks.add(node);
  for (const stack of stacks) {
    const list = unattached.get(stack);
    if (!list && !UNATTACHED.has(stack)) continue;
    // undefined clears an earlier run's list once the constructs hold resources after all.
    stack.addOverride(`//.${POLICY_METADATA_KEY}.${UNATTACHED_KEY}`, list);
    if (list) UNATTACHED.set(stack, list);
    else UNATTACHED.delete(stack);
  }
}

function stackOf(node: IConstruct): TerraformStack {
  try {
    return TerraformStack.of(node);
  } catch {
    throw new Error(
      `suppress(): ${node.node.path || 'the app'} has no Terraform resource or data source below it and is in no stack, so its suppression applies to nothing and cannot be reported; attach it to the construct that holds the resources`,
    );
  }
}

/** Per stack: the suppressions on constructs with nothing below them, by construct path. */
const UNATTACHED = new WeakMap<TerraformStack, Record<string, Suppression[]>>();

/** The suppressions `applySuppressions` wrote into the stack's `"//"` because they apply to nothing. */
export function writtenUnattached(stack: TerraformStack): Record<string, Suppression[]> | undefined {
  return UNATTACHED.get(stack);
}
