/**
 * Rule mutation proof: each mutation of the default platform, applied alone, makes exactly its rule fire
 * on exactly the mutated address. The kill rate is the share of mutations that do; the target is 100%.
 */
import type { Finding } from '../../policies/engine/result';
import { ALL_RULES } from '../../policies/rules';
import { Mutation, MUTATIONS, NEUTRAL_MUTATIONS } from './mutations';
import {
  FindingKey,
  newFindings,
  planOf,
  platformWorkspace,
  PlatformWorkspace,
} from '../helpers/platform-workspace';

let workspace: PlatformWorkspace;
const baseline = new Map<string, Finding[]>();
/** What each mutation made fire (new unsuppressed findings), or the error it threw. */
const results = new Map<Mutation, FindingKey[] | Error>();

function baselineOf(mutation: Mutation): Finding[] {
  const key = `${mutation.input} ${mutation.stack}`;
  if (!baseline.has(key)) {
    const document = workspace.document(mutation.stack);
    baseline.set(
      key,
      mutation.input === 'plan'
        ? workspace.planFindings(mutation.stack, planOf(document))
        : workspace.findings(mutation.stack, document),
    );
  }
  return baseline.get(key)!;
}

function fresh(mutation: Mutation): FindingKey[] {
  const document = workspace.document(mutation.stack);
  if (mutation.input === 'plan') {
    const plan = planOf(document);
    mutation.mutate(plan);
    return newFindings(baselineOf(mutation), workspace.planFindings(mutation.stack, plan));
  }
  mutation.mutate(document);
  return newFindings(baselineOf(mutation), workspace.findings(mutation.stack, document));
}

const expected = (m: Mutation): FindingKey[] =>
  [m.ruleId, ...(m.also ?? [])]
    .map((also) =>
      typeof also === 'string'
        ? { ruleId: also, stack: m.stack, address: m.address }
        : { ruleId: also.ruleId, stack: m.stack, address: also.address },
    )
    .sort((a, b) =>
      `${a.ruleId} ${a.stack} ${a.address}`.localeCompare(`${b.ruleId} ${b.stack} ${b.address}`),
    );
const isKilled = (m: Mutation) => JSON.stringify(results.get(m)) === JSON.stringify(expected(m));

beforeAll(() => {
  workspace = platformWorkspace();
  for (const mutation of [...MUTATIONS, ...NEUTRAL_MUTATIONS]) {
    try {
      results.set(mutation, fresh(mutation));
    } catch (error) {
      results.set(mutation, error as Error);
    }
  }
}, 120_000);

describe('rule mutations of the default platform', () => {
  test.each(MUTATIONS.map((m) => [`${m.ruleId}: ${m.description}`, m] as const))('%s', (_name, mutation) => {
    // GIVEN the default platform  WHEN one mutation is applied  THEN only its rule fires, only on its address
    expect(results.get(mutation)).toEqual(expected(mutation));
  });

  test.each(NEUTRAL_MUTATIONS.map((m) => [m.description, m] as const))(
    'no rule fires on a compliant change: %s',
    (_name, mutation) => {
      expect(results.get(mutation)).toEqual([]);
    },
  );

  test('every rule of the catalogue has a mutation, and every mutation names a rule', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(ids.filter((id) => !MUTATIONS.some((m) => m.ruleId === id))).toEqual([]);
    expect(MUTATIONS.map((m) => m.ruleId).filter((id) => !ids.includes(id))).toEqual([]);
  });

  test('kill rate is 100%', () => {
    const rules = ALL_RULES.map((r) => r.id);
    const rulesKilled = rules.filter((id) => MUTATIONS.some((m) => m.ruleId === id && isKilled(m)));
    const killed = MUTATIONS.filter(isKilled).length;
    expect({
      rules: `${rulesKilled.length}/${rules.length}`,
      mutations: `${killed}/${MUTATIONS.length}`,
    }).toEqual({
      rules: `${rules.length}/${rules.length}`,
      mutations: `${MUTATIONS.length}/${MUTATIONS.length}`,
    });
  });
});
