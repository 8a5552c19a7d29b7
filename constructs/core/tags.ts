/** Default tags: every taggable resource in a stack carries them unless it sets the key itself. */
import { TerraformResource } from 'cdktf';
import type { IConstruct } from 'constructs';

export type Tags = Readonly<Record<string, string>>;

interface Taggable {
  tags: Record<string, string>;
  readonly tagsInput?: Record<string, string>;
}

function isTaggable(node: IConstruct): node is TerraformResource & Taggable {
  return node instanceof TerraformResource && 'tagsInput' in node;
}

/** Merge `defaults` under the tags each resource below `root` already has. */
export function applyDefaultTags(root: IConstruct, defaults: Tags): void {
  for (const node of root.node.findAll()) {
    if (isTaggable(node)) node.tags = { ...defaults, ...(node.tagsInput ?? {}) };
  }
}
