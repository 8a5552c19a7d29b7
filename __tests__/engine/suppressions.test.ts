/**
 * policies/engine/suppressions.ts: the suppressions the engine applies (toValidSuppression, globs,
 * effectiveToday), and the judgement they pass first (judgeSuppression of TFS-003, in
 * policies/rules/state/suppressions.ts), with every problem's exact message.
 */
import { checkModels } from '../../policies/engine/engine';
import {
  globToRegExp,
  describeOrigin,
  effectiveToday,
  toValidSuppression,
} from '../../policies/engine/suppressions';
import { TFS_003 } from '../../policies/rules/state/tfs-003-valid-suppressions';
import { ALL_RULES } from '../../policies/rules';
import { judgeSuppression, MIN_REASON_LENGTH } from '../../policies/rules/state/suppressions';
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
    const valid = toValidSuppression(declared, 'plan.json');
    expect(valid).toMatchObject({
      ruleId: 'NET-004',
      reason: 'Bastion is the one entry',
      expires: '2027-01-01',
      declaredAt: 'policy.yaml suppressions[0]',
      origin: 'plan.json',
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

  test.each([[{ ...good, ruleId: 42 }], [{ ...good, expires: 20270101 }], [{ ...good, address: undefined }]])(
    'what applying needs is missing (%j): nothing to apply, whoever judged it',
    (spec) => {
      expect(toValidSuppression(fileSuppression(spec))).toBeUndefined();
    },
  );
});

describe('suppressions cannot be stretched', () => {
  const problemsOf = (spec: Partial<SuppressionSpec>, maxMonths?: number) =>
    judgeSuppression(fileSuppression({ ...good, ...spec }), KNOWN, TODAY, maxMonths);

  test('an expiry at most 12 months ahead; configurable lower, never higher or unlimited', () => {
    expect(problemsOf({ expires: '2027-11-25' })).toEqual([]);
    expect(problemsOf({ expires: '2027-11-26' })).toEqual([
      'Suppression expires on 2027-11-26, more than 12 months ahead (at most 2027-11-25); review the risk and renew it then.',
    ]);
    expect(problemsOf({ expires: '2027-05-26' }, 6)).toEqual([
      'Suppression expires on 2027-05-26, more than 6 months ahead (at most 2027-05-25); review the risk and renew it then.',
    ]);
    expect(problemsOf({ expires: '2099-01-01' }, 1200)).toEqual([
      'Suppression expires on 2099-01-01, more than 12 months ahead (at most 2027-11-25); review the risk and renew it then.',
    ]);
    expect(problemsOf({ expires: '2027-11-25' }, Infinity)).toEqual([]);
    expect(problemsOf({ expires: '2027-11-26' }, 0)).toHaveLength(1);
  });

  test.each(['*', '**', '*.*', '?*', ' * '])(
    'a file suppression whose address is only a wildcard (%j) is refused',
    (address) => {
      expect(problemsOf({ address })).toEqual([
        `Suppression has address ${JSON.stringify(address)}, which is only a wildcard; name the resource (a glob may cover its instances or module).`,
      ]);
    },
  );

  test('globs that name a resource stay valid', () => {
    expect(problemsOf({ address: 'module.hub.*' })).toEqual([]);
    expect(problemsOf({ address: 'azurerm_public_ip.*' })).toEqual([]);
  });

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
});

describe('judgeSuppression (TFS-003)', () => {
  test('expiring today is still valid; yesterday is not', () => {
    expect(judgeSuppression(fileSuppression({ ...good, expires: TODAY }), KNOWN, TODAY)).toEqual([]);
    expect(judgeSuppression(fileSuppression({ ...good, expires: '2026-11-24' }), KNOWN, TODAY)).toEqual([
      'Suppression expired on 2026-11-24; fix the finding or renew the suppression with a new reason.',
    ]);
  });

  test(`a reason of exactly ${MIN_REASON_LENGTH} characters is enough; blanks do not count`, () => {
    expect(
      judgeSuppression(fileSuppression({ ...good, reason: 'x'.repeat(MIN_REASON_LENGTH) }), KNOWN, TODAY),
    ).toEqual([]);
    expect(
      judgeSuppression(
        fileSuppression({ ...good, reason: ` ${'x'.repeat(MIN_REASON_LENGTH - 1)}   ` }),
        KNOWN,
        TODAY,
      ),
    ).toEqual([`Suppression has a reason of 9 characters; write why, in at least ${MIN_REASON_LENGTH}.`]);
  });

  test.each([
    [{ ...good, ruleId: undefined }, 'Suppression has no ruleId.'],
    [{ ...good, ruleId: 42 }, 'Suppression has no ruleId.'],
    [
      { ...good, ruleId: 'XYZ-001' },
      'Suppression names unknown rule XYZ-001 (known: NET-004, RES-001, TFS-003).',
    ],
    [{ ...good, ruleId: 'TFS-003' }, 'Suppression tries to suppress TFS-003, which cannot be suppressed.'],
    [{ ...good, reason: undefined }, 'Suppression has a reason of 0 characters; write why, in at least 10.'],
    [
      { ...good, reason: 12345678901 },
      'Suppression has a reason of 0 characters; write why, in at least 10.',
    ],
    [{ ...good, expires: undefined }, 'Suppression has no expiry; add expires: YYYY-MM-DD.'],
    [{ ...good, expires: 20270101 }, 'Suppression has no expiry; add expires: YYYY-MM-DD.'],
    [
      { ...good, expires: '2027-02-30' },
      'Suppression has expiry "2027-02-30", which is not a date (YYYY-MM-DD).',
    ],
    [{ ...good, address: undefined }, 'Suppression has no address (a Terraform address or glob).'],
  ])('%j → %s', (spec, message) => {
    expect(judgeSuppression(fileSuppression(spec), KNOWN, TODAY)).toEqual([message]);
  });

  test('every problem of one suppression is reported, each with where it was declared', () => {
    const report = checkModels([], {
      rules: [TFS_003],
      today: TODAY,
      suppressions: [fileSuppression({ ruleId: 'XYZ-001', reason: 'short' }, 3)],
    });
    expect(report.findings.map((f) => [f.ruleId, f.file, f.address])).toEqual([
      ['TFS-003', 'policy.yaml suppressions[3]', 'policy.yaml suppressions[3]'],
      ['TFS-003', 'policy.yaml suppressions[3]', 'policy.yaml suppressions[3]'],
      ['TFS-003', 'policy.yaml suppressions[3]', 'policy.yaml suppressions[3]'],
      ['TFS-003', 'policy.yaml suppressions[3]', 'policy.yaml suppressions[3]'],
    ]);
    expect(report.findings.map((f) => f.message.split(' ').slice(0, 7).join(' '))).toEqual([
      'XYZ-001 suppression at policy.yaml suppressions[3]: has a',
      'XYZ-001 suppression at policy.yaml suppressions[3]: has no',
      'XYZ-001 suppression at policy.yaml suppressions[3]: has no',
      'XYZ-001 suppression at policy.yaml suppressions[3]: names unknown',
    ]);
  });

  test('a construct suppression needs no address of its own', () => {
    expect(
      judgeSuppression(
        constructSuppression({
          ruleId: 'NET-004',
          reason: 'Bastion is the one entry',
          expires: '2027-01-01',
        }),
        KNOWN,
        TODAY,
      ),
    ).toEqual([]);
  });

  test('describeOrigin names the construct path or the file entry', () => {
    expect(describeOrigin(constructSuppression(good))).toBe('construct stack/Ip/Resource');
    expect(describeOrigin(fileSuppression(good, 2))).toBe('policy.yaml suppressions[2]');
  });
});
