/**
 * policies/rules/state/suppressions.ts: how TFS-003 judges a suppression (judgeSuppression), with every
 * problem's exact message. The engine's side (applying what passed) is in __tests__/engine/suppressions.
 */
import { checkModels } from '../../../policies/engine/engine';
import { TFS_003 } from '../../../policies/rules/state/tfs-003-valid-suppressions';
import { judgeSuppression, MIN_REASON_LENGTH } from '../../../policies/rules/state/suppressions';
import type { DeclaredSuppression, SuppressionSpec } from '../../../policies/model/types';
import { TODAY } from '../../helpers/today';

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
});
