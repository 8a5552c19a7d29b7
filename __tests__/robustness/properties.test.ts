/**
 * Property-based tests (fast-check) of region parsing, plan loading and the engine's verdicts.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import {
  isNorwayLocation,
  NORWAY_REGIONS,
  normaliseLocation,
  parseNorwayRegion,
} from '../../constructs/core/region';
import { checkModels } from '../../policies/engine/engine';
import { ALL_RULES } from '../../policies/rules';
import type { CheckResult } from '../../policies/engine/result';
import { loadPath } from '../../policies/model/load-path';
import { loadPlan } from '../../policies/model/load-plan';
import type { TfModel } from '../../policies/model/types';
import { TODAY } from '../helpers/today';

const RUNS = 80;
const AZ = 'registry.terraform.io/hashicorp/azurerm';

describe('region parsing', () => {
  const mixedCase = (s: string) =>
    fc
      .array(fc.boolean(), { minLength: s.length, maxLength: s.length })
      .map((upper) => [...s].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));
  const withSpaces = (s: string) =>
    fc
      .array(fc.nat(2), { minLength: s.length, maxLength: s.length })
      .map((spaces) => [...s].map((c, i) => `${' '.repeat(spaces[i])}${c}`).join(''));
  const region = fc.constantFrom(...NORWAY_REGIONS, 'Norway East', 'Norway West');
  const nearMiss = fc.constantFrom(
    'norway-east',
    'norwayeastt',
    'norwayeas',
    'norway_west',
    'norwаyeast' /* Cyrillic а */,
    'norwayeast\u200b',
    'nor\u212Awayeast',
    'westeurope',
    'global',
    '',
  );
  const candidate = fc.oneof(
    region.chain(mixedCase).chain(withSpaces),
    fc
      .tuple(region.chain(mixedCase), fc.constantFrom('', ' ', '\t', '\n', '  '))
      .map(([r, pad]) => `${pad}${r}${pad}`),
    nearMiss,
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 12 }),
  );

  it('accepts a string iff, trimmed and ASCII, it normalises to one of the two regions', () => {
    fc.assert(
      fc.property(candidate, (input) => {
        const trimmed = input.trim();
        const expected =
          /^[\x20-\x7e]*$/.test(trimmed) &&
          (NORWAY_REGIONS as readonly string[]).includes(normaliseLocation(trimmed));
        let parsed: string | undefined;
        try {
          parsed = parseNorwayRegion(input);
        } catch {
          parsed = undefined;
        }
        expect(parsed !== undefined).toBe(expected);
        if (parsed !== undefined) expect(parsed).toBe(normaliseLocation(trimmed));
        // The rules' check agrees with the parser on everything that carries no surrounding whitespace.
        if (input === trimmed) expect(isNorwayLocation(input)).toBe(expected);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('rejects every non-string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer(),
          fc.boolean(),
          fc.constant(null),
          fc.constant(undefined),
          fc.array(fc.constantFrom(...NORWAY_REGIONS)),
        ),
        (input) => {
          expect(() => parseNorwayRegion(input)).toThrow('is not a Norway region');
        },
      ),
      { numRuns: 50 },
    );
  });
});

/** A generated plan resource. */
interface Spec {
  readonly module: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly key: number | string | null;
  readonly location: string | null;
  readonly unknownLocation: boolean;
  readonly actions: readonly string[];
}

const TYPES = [
  'azurerm_resource_group',
  'azurerm_storage_account',
  'azurerm_key_vault',
  'azurerm_virtual_network',
  'azurerm_network_security_group',
  'azurerm_log_analytics_workspace',
  'azurerm_public_ip',
  'azurerm_private_dns_zone',
  'random_string',
];
const LOCATIONS = ['norwayeast', 'norwaywest', 'Norway East', 'westeurope', 'swedencentral', 'global'];
const NON_NORWAY = ['westeurope', 'swedencentral', 'northeurope', 'eastus', 'Germany West Central'];
const MODULES = ['', 'module.a', 'module.a.module.b', 'module.c["x"]', 'module.c["y.z"]', 'module.d[0]'];

function instanceKey(key: Spec['key']): string {
  if (key === null) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

function addressOf(s: Pick<Spec, 'module' | 'mode' | 'type' | 'name' | 'key'>): string {
  return `${s.module ? `${s.module}.` : ''}${s.mode === 'data' ? 'data.' : ''}${s.type}.${s.name}${instanceKey(s.key)}`;
}

const specArb: fc.Arbitrary<Spec> = fc
  .record({
    module: fc.constantFrom(...MODULES),
    mode: fc.constantFrom<'managed' | 'data'>('managed', 'managed', 'managed', 'data'),
    type: fc.constantFrom(...TYPES),
    name: fc.stringMatching(/^[a-z_][a-z0-9_-]{0,8}$/),
    key: fc.option(fc.oneof(fc.nat(3), fc.constantFrom('k1', 'k.2', 'k"3', 'lab')), { nil: null }),
    location: fc.option(fc.constantFrom(...LOCATIONS), { nil: null }),
    unknownLocation: fc.boolean(),
    actions: fc.constantFrom(
      ['create'],
      ['update'],
      ['no-op'],
      ['delete'],
      ['delete', 'create'],
      ['create', 'delete'],
    ),
  })
  .map((s) => (s.mode === 'data' ? { ...s, actions: ['read'], unknownLocation: false } : s));

const specsArb = fc.uniqueArray(specArb, { maxLength: 12, selector: addressOf });

/** `terraform show -json` shape for the given resources; deleted ones appear in resource_changes only. */
function planDocument(specs: readonly Spec[]): Record<string, unknown> {
  type ModuleNode = { address?: string; resources: unknown[]; child_modules: ModuleNode[] };
  const root: ModuleNode = { resources: [], child_modules: [] };
  const nodes = new Map<string, ModuleNode>([['', root]]);
  const nodeFor = (path: string): ModuleNode => {
    const existing = nodes.get(path);
    if (existing) return existing;
    const parent = nodeFor(path.replace(/\.?module\.[^.[]+(\[[^\]]*\])?$/, ''));
    const node: ModuleNode = { address: path, resources: [], child_modules: [] };
    parent.child_modules.push(node);
    nodes.set(path, node);
    return node;
  };
  const changes: unknown[] = [];
  for (const s of specs) {
    const address = addressOf(s);
    const values: Record<string, unknown> = { name: s.name };
    if (s.location !== null && !s.unknownLocation) values.location = s.location;
    const base = {
      address,
      mode: s.mode,
      type: s.type,
      name: s.name,
      provider_name: AZ,
      ...(s.key === null ? {} : { index: s.key }),
    };
    const deleted = s.actions.length === 1 && s.actions[0] === 'delete';
    if (!deleted) nodeFor(s.module).resources.push({ ...base, values });
    changes.push({
      ...base,
      ...(s.module ? { module_address: s.module } : {}),
      change: {
        actions: s.actions,
        before: deleted ? values : null,
        after: deleted ? null : values,
        after_unknown: s.unknownLocation && s.location !== null ? { id: true, location: true } : { id: true },
      },
    });
  }
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: { root_module: root },
    resource_changes: changes,
  };
}

function findingKeys(report: CheckResult, withMessage = false): string[] {
  return report.findings.map((f) => `${f.ruleId} ${f.address}${withMessage ? ` ${f.message}` : ''}`).sort();
}

function shuffle<T>(items: readonly T[], order: readonly number[]): T[] {
  return items
    .map((item, i) => [order[i] ?? i, i, item] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map(([, , item]) => item);
}

describe('plan loading', () => {
  it('yields each generated resource exactly once, with its address and config address', () => {
    fc.assert(
      fc.property(specsArb, (specs) => {
        const model = loadPlan(planDocument(specs), { file: 'generated.json' });
        expect(model.resources.map((r) => r.address).sort()).toEqual(specs.map(addressOf).sort());
        for (const s of specs) {
          const resource = model.byAddress.get(addressOf(s));
          expect(resource).toMatchObject({
            type: s.type,
            name: s.name,
            mode: s.mode,
            index: s.key ?? undefined,
          });
          expect(resource?.configAddress).toBe(
            addressOf({ ...s, module: s.module.replace(/\[[^\]]*\]/g, ''), key: null }),
          );
          expect(resource?.change?.actions).toEqual(s.actions);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('engine verdicts', () => {
  let fixtures: TfModel[];
  beforeAll(() => {
    const root = join(__dirname, '..', 'fixtures');
    fixtures = [
      ...loadPath(join(root, 'cdktf', 'two-stacks')),
      ...loadPath(join(root, 'synth', 'cdk.tf.json')),
      ...loadPath(join(root, 'plan', 'plan-1.2.json')),
    ];
  });

  it('adding a non-Norway resource never reduces the findings', () => {
    const extra = fc.record({
      type: fc.constantFrom(
        ...TYPES.filter((t) => t !== 'random_string' && t !== 'azurerm_private_dns_zone'),
      ),
      name: fc.stringMatching(/^extra_[a-z0-9]{1,6}$/),
      module: fc.constantFrom(...MODULES),
      location: fc.constantFrom(...NON_NORWAY),
    });
    fc.assert(
      fc.property(specsArb, extra, (specs, add) => {
        const spec: Spec = {
          ...add,
          mode: 'managed',
          key: null,
          unknownLocation: false,
          actions: ['create'],
        };
        fc.pre(!specs.some((s) => addressOf(s) === addressOf(spec)));
        const before = checkModels([loadPlan(planDocument(specs), { file: 'p.json' })], {
          rules: ALL_RULES,
          today: TODAY,
        });
        const after = checkModels([loadPlan(planDocument([...specs, spec]), { file: 'p.json' })], {
          rules: ALL_RULES,
          today: TODAY,
        });
        const remaining = new Set(findingKeys(after));
        for (const key of findingKeys(before)) expect(remaining.has(key)).toBe(true);
        expect(after.summary.errors).toBeGreaterThan(
          before.summary.errors > 0 ? before.summary.errors - 1 : -1,
        );
        expect(findingKeys(after)).toContain(`RES-001 ${addressOf(spec)}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('the verdict does not depend on the order of resources', () => {
    fc.assert(
      fc.property(
        specsArb.chain((specs) =>
          fc.tuple(
            fc.constant(specs),
            fc.array(fc.nat(100), { minLength: specs.length, maxLength: specs.length }),
          ),
        ),
        ([specs, order]) => {
          const a = checkModels([loadPlan(planDocument(specs), { file: 'p.json' })], {
            rules: ALL_RULES,
            today: TODAY,
          });
          const b = checkModels([loadPlan(planDocument(shuffle(specs, order)), { file: 'p.json' })], {
            rules: ALL_RULES,
            today: TODAY,
          });
          expect(findingKeys(b, true)).toEqual(findingKeys(a, true));
          expect(b.summary).toEqual(a.summary);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the verdict does not depend on the order of files', () => {
    fc.assert(
      fc.property(
        specsArb,
        fc.array(fc.nat(100), { minLength: fixtures.length + 1, maxLength: fixtures.length + 1 }),
        (specs, order) => {
          const models = [...fixtures, loadPlan(planDocument(specs), { file: 'generated.json' })];
          const a = checkModels(models, { rules: ALL_RULES, today: TODAY });
          const b = checkModels(shuffle(models, order), { rules: ALL_RULES, today: TODAY });
          expect(findingKeys(b, true)).toEqual(findingKeys(a, true));
          expect(b.summary).toEqual(a.summary);
        },
      ),
      { numRuns: 25 },
    );
  });
});
