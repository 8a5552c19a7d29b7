/**
 * Suppressions attached to constructs in code. They apply to every Terraform resource at or below the
 * construct and travel into cdk.tf.json (under `"//".norway_policy`), so the CLI sees exactly what the
 * synth-time guard saw.
 */
import { TerraformResource, TerraformDataSource, TerraformElement } from 'cdktf';
import type { IConstruct } from 'constructs';
import { POLICY_METADATA_KEY } from '../model/load-terraform-json';

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

function isTerraformBlock(node: IConstruct): node is TerraformElement {
  return node instanceof TerraformResource || node instanceof TerraformDataSource;
}

/** Write every construct's suppressions onto the Terraform resources below it. Idempotent. */
export function applySuppressions(root: IConstruct): void {
  const collected = new Map<TerraformElement, Suppression[]>();
  for (const node of root.node.findAll()) {
    const own = node.node.metadata.filter((m) => m.type === METADATA_TYPE).map((m) => m.data as Suppression);
    if (own.length === 0) continue;
    for (const target of node.node.findAll().filter(isTerraformBlock)) {
      collected.set(target, [...(collected.get(target) ?? []), ...own]);
    }
  }
  for (const [element, list] of collected) {
    element.addOverride(`//.${POLICY_METADATA_KEY}.suppressions`, list);
    WRITTEN.set(element, list);
  }
}

/** What `applySuppressions` wrote onto each element: anything else under `"//"` was written by someone else. */
const WRITTEN = new WeakMap<TerraformElement, Suppression[]>();

/** The `"//"` override `applySuppressions` put on `element`, or undefined when it put none. */
export function writtenMetadata(element: TerraformElement): unknown {
  const list = WRITTEN.get(element);
  return list ? { [POLICY_METADATA_KEY]: { suppressions: list } } : undefined;
}
