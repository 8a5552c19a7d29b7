import { defineRule } from '../rule';
import { describePlacePath, edgesOf, placesOf, unreadableDocumentsOf } from '../../model/data-flow';
import type { TfResource } from '../../model/types';

export const RES_010 = defineRule({
  id: 'RES-010',
  title: 'What the engine cannot see is no pass: unreadable templates, ignored placement',
  severity: 'error',
  rationale:
    'A template or body that cannot be read deploys resources nobody judged; a location Terraform is told to ignore (an imported resource) may be anywhere, whatever the configuration says.',
  anchors: { regulation: ['Fail closed: what cannot be judged is not a pass', 'GDPR chapter V'] },
  resourceTypes: 'all',
  fix: 'Write ARM templates and azapi bodies as literal JSON or objects (jsonencode of a literal object is read too), or check the plan, where they are known; remove location and every attribute naming a place or another resource from lifecycle.ignore_changes.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      for (const document of unreadableDocumentsOf(resource))
        yield {
          resource,
          message: `${describePlacePath(document.path)} ${document.problem}, so the resources it deploys cannot be judged.`,
        };
      const ignored = ignoredPlacement(resource);
      if (ignored)
        yield {
          resource,
          message: `lifecycle.ignore_changes ${ignored}, so the configuration proves nothing about where the resource and its data are; check the plan, whose state shows them.`,
        };
    }
  },
});

/** What `ignore_changes` hides of the resource's places and paths, as a clause; undefined when nothing. */
function ignoredPlacement(resource: TfResource): string | undefined {
  const raw = resource.ignoreChanges;
  if (raw === undefined || raw === null) return undefined;
  const entries = (Array.isArray(raw) ? raw : [raw]).map((entry) =>
    typeof entry === 'string'
      ? entry
          .replace(/^\$\{\s*/, '')
          .replace(/\s*\}$/, '')
          .trim()
      : '',
  );
  if (entries.includes('all')) return 'is all';
  // `tags["x"]`, `geo_location[0].location`: the top-level attribute each entry names.
  const attributes = new Set(entries.map((entry) => /^[A-Za-z_][\w-]*/.exec(entry)?.[0]).filter(Boolean));
  const hidden = new Set<string>();
  for (const item of [...placesOf(resource), ...edgesOf(resource)]) {
    const first = item.path[0];
    if (typeof first === 'string' && attributes.has(first)) hidden.add(first);
  }
  // A location written nowhere is still the resource's place once ignored (set by an import).
  if (attributes.has('location')) hidden.add('location');
  if (hidden.size === 0) return undefined;
  return `includes ${[...hidden].sort().join(', ')}`;
}
