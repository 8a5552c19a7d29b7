/**
 * Policy metadata of one Terraform block (a resource or a data source: suppressions, creation site),
 * written into the block's own `"//".norway_policy` in cdk.tf.json, where the loader reads it.
 *
 * It goes through the stack's overrides (`stack.addOverride('data.<type>.<name>.//.norway_policy…')`),
 * which cdktf (and CDK Terrain) merge into the whole document last, after every element's JSON. An
 * element's own `"//"` override does not survive for every kind of block: cdktf 0.21's
 * `TerraformDataSource.toTerraform()` sets `"//"` to the construct metadata after merging the data
 * source's overrides, so an override there is lost. One path for resources and data sources alike.
 */
import { TerraformDataSource, TerraformResource, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { POLICY_METADATA_KEY } from '../model/load-terraform-json';

export type TerraformBlock = TerraformResource | TerraformDataSource;

export function isTerraformBlock(node: IConstruct): node is TerraformBlock {
  return node instanceof TerraformResource || node instanceof TerraformDataSource;
}

/** Where the block's body sits in the stack's JSON, as an override path: `resource.<type>.<name>`. */
export function blockBodyPath(block: TerraformBlock): string {
  const section = block instanceof TerraformDataSource ? 'data' : 'resource';
  return `${section}.${block.terraformResourceType}.${block.friendlyUniqueId}`;
}

/** Per stack: what `writeBlockMetadata` wrote, by body path and field. */
const WRITTEN = new WeakMap<TerraformStack, Map<string, Record<string, unknown>>>();

/** Write `"//".norway_policy.<field>` of `block`'s body in its stack's JSON (replacing an earlier value). */
export function writeBlockMetadata(
  block: TerraformBlock,
  field: 'suppressions' | 'source',
  value: unknown,
): void {
  const stack = TerraformStack.of(block);
  const at = blockBodyPath(block);
  // Terraform names have no dots; one here would split the override path and land somewhere else.
  if (at.split('.').length !== 3)
    throw new Error(
      `${block.node.path}: ${at} has a "." in its type or name, which Terraform does not allow; its policy metadata cannot be written`,
    );
  stack.addOverride(`${at}.//.${POLICY_METADATA_KEY}.${field}`, value);
  const written = WRITTEN.get(stack) ?? new Map<string, Record<string, unknown>>();
  WRITTEN.set(stack, written);
  written.set(at, { ...written.get(at), [field]: value });
}

/** The `"//"` that `writeBlockMetadata` wrote for the body at `bodyPath` of `stack`, or undefined. */
export function writtenBlockMetadata(stack: TerraformStack, bodyPath: string): unknown {
  const fields = WRITTEN.get(stack)?.get(bodyPath);
  return fields ? { [POLICY_METADATA_KEY]: fields } : undefined;
}
