/**
 * policies/engine/suppressions.ts: the suppressions the engine applies (toValidSuppression, globs,
 * effectiveToday). How TFS-003 judges them first is in __tests__/rules/state/suppressions.test.ts.
 */
import { checkModels } from '../../policies/engine/engine';
import {
  globToRegExp,
  describeOrigin,
  effectiveToday,
  toValidSuppression,
} from '../../policies/engine/suppressions';
import { ALL_RULES } from '../../policies/rules';
import { judgeSuppression } from '../../policies/rules/state/suppressions';
import type { DeclaredSuppression, SuppressionSpec } from '../../policies/model/types';
import { TODAY } from '../helpers/today';

const KNOWN = [{ id: 'RES-001' }, { id: 'NET-004' }, { id: 'TFS-003', judgesSuppressions: true }];

const fileSuppression = (spec: Partial<SuppressionSpec>, index = 0): DeclaredSuppression => ({
  spec: { ruleId: undefined, reason: undefined, expires: undefined, ...spec },
  origin: { kind: 'file', where: 'policy.yaml', index },
});
const constructSuppression = (
  spec: Record<string, unknown>,
  address = 'azurerm_public_ip.a',
): DeclaredSuppression => ({
  spec: { ruleId: undefined, reason: undefined, expires: undefined, ...spec },
  origin: { kind: 'construct', where: 'stack/Ip/Resource', index: 0 },
  address,
});
const good = {
  ruleId: 'NET-004',
  address: 'azurerm_public_ip.*',
  reason: 'Bastion is the one entry',
  expires: '2027-01-01',
};

describe('globToRegExp', () => {
  test.each([
    ['module.*.azurerm_public_ip.bastion', 'module.hub.azurerm_public_ip.bastion', true],
    ['azurerm_storage_account.sa[*]', 'azurerm_storage_account.sa[0]', true],
    ['azurerm_storage_account.sa', 'azurerm_storage_account.sa2', false],
    ['azurerm_?.x', 'azurerm_a.x', true],
  ])('glob %j vs %j → %s', (glob, address, expected) =>
    expect(globToRegExp(glob).test(address)).toBe(expected),
  );

  test.each([
    ['a.b', 'axb', false],
    ['a+b', 'a+b', true],
    ['a+b', 'aab', false],
    ['(x)', '(x)', true],
    ['x$', 'x$', true],
    ['[0]', '[0]', true],
    ['[0]', '0', false],
    ['a\\b', 'a\\b', true],
    ['^a', '^a', true],
    ['a{2}', 'a{2}', true],
    ['a|b', 'a', false],
    ['*', 'anything.at[all]', true],
    ['a?c', 'abbc', false],
    ['x', 'prefix.x', false],
    ['x', 'x.suffix', false],
  ])('glob %j vs %j → %s', (glob, address, expected) =>
    expect(globToRegExp(glob).test(address)).toBe(expected),
  );
});

describe('toValidSuppression (the engine applies what TFS-003 passed)', () => {
  test('a complete file suppression keeps its trimmed reason and matches by glob', () => {
    // GIVEN a policy-file suppression with surrounding blanks in the reason
    const declared = fileSuppression({ ...good, reason: '  Bastion is the one entry  ' });
    // THEN it is valid, exactly as written
    expect(judgeSuppression(declared, KNOWN, TODAY)).toEqual([]);
    const valid = toValidSuppression(declared, new Set(['plan.json']));
    expect(valid).toMatchObject({
      ruleId: 'NET-004',
      reason: 'Bastion is the one entry',
      expires: '2027-01-01',
      declaredAt: 'policy.yaml suppressions[0]',
      origins: new Set(['plan.json']),
    });
    expect(valid!.matches('azurerm_public_ip.bastion')).toBe(true);
    expect(valid!.matches('azurerm_public_ipx.bastion')).toBe(false);
  });

  test('a construct suppression matches its own address exactly, not as a glob', () => {
    const valid = toValidSuppression(
      constructSuppression({ ...good, address: undefined }, 'azurerm_public_ip.a'),
    );
    expect(valid!.declaredAt).toBe('construct stack/Ip/Resource');
    expect(valid!.matches('azurerm_public_ip.a')).toBe(true);
    expect(valid!.matches('azurerm_public_ip.ab')).toBe(false);
    expect(valid!.matches('azurerm_public_ip.*')).toBe(false);
  });

  test('a reason that is not text applies as an empty reason, never as a crash', () => {
    // TFS-003 rejects such a suppression; applying it must still not throw when no judge ran.
    expect(toValidSuppression(fileSuppression({ ...good, reason: undefined }))?.reason).toBe('');
    expect(toValidSuppression(fileSuppression({ ...good, reason: 7 }))?.reason).toBe('');
  });

  test.each([[{ ...good, ruleId: 42 }], [{ ...good, expires: 20270101 }], [{ ...good, address: undefined }]])(
    'what applying needs is missing (%j): nothing to apply, whoever judged it',
    (spec) => {
      expect(toValidSuppression(fileSuppression(spec))).toBeUndefined();
    },
  );
});

describe('the day and the origin of a suppression', () => {
  test('a past --today / policy.today cannot revive an expired suppression outside tests', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const saved = process.env.NODE_ENV;
    try {
      process.env.NODE_ENV = 'production';
      expect(effectiveToday('2025-01-01', now)).toBe('2026-12-01');
      expect(effectiveToday('2027-01-01', now)).toBe('2027-01-01');
      expect(effectiveToday(undefined, now)).toBe('2026-12-01');
      // Through the engine: an expired suppression stays expired, whatever day is asked for.
      const report = checkModels([], {
        rules: ALL_RULES,
        today: '2000-01-01',
        suppressions: [fileSuppression({ ...good, expires: '2001-01-01' })],
      });
      expect(report.checkedOn >= '2026-12-01').toBe(true);
      expect(report.findings.map((f) => f.message)).toEqual([
        'NET-004 suppression at policy.yaml suppressions[0]: expired on 2001-01-01; fix the finding or renew the suppression with a new reason.',
      ]);
      process.env.NODE_ENV = 'test';
      expect(effectiveToday('2025-01-01', now)).toBe('2025-01-01');
    } finally {
      process.env.NODE_ENV = saved;
    }
  });

  test('describeOrigin names the construct path or the file entry', () => {
    expect(describeOrigin(constructSuppression(good))).toBe('construct stack/Ip/Resource');
    expect(describeOrigin(fileSuppression(good, 2))).toBe('policy.yaml suppressions[2]');
  });
});
