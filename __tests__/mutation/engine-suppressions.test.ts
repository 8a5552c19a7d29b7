/**
 * Engine behaviour the mutation run found untested: every suppression problem and its exact message,
 * suppressions scoped to their stack, policy files, the report summary and rule selection by input kind.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkModels } from '../../policies/engine/engine';
import { loadPolicyDocument, loadPolicyFile, mergeSettings } from '../../policies/engine/policy-file';
import { defineRule, type Rule } from '../../policies/rules/rule';
import {
  describeOrigin,
  effectiveToday,
  globToRegExp,
  toValidSuppression,
} from '../../policies/engine/suppressions';
import { isIsoDate, monthsAfter } from '../../policies/model/dates';
import { ALL_RULES } from '../../policies/rules';
import { judgeSuppression, MIN_REASON_LENGTH } from '../../policies/rules/state/suppressions';
import { TFS_003 } from '../../policies/rules/state/tfs-003-valid-suppressions';
import { loadPlan } from '../../policies/model/load-plan';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import type { DeclaredSuppression, SuppressionSpec, TfModel } from '../../policies/model/types';
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

  test('months are calendar months, the day clamped to the month end', () => {
    expect(monthsAfter('2026-08-31', 6)).toBe('2027-02-28');
    expect(monthsAfter('2027-02-28', 12)).toBe('2028-02-28');
    expect(monthsAfter('2026-11-25', 12)).toBe('2027-11-25');
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

describe('isIsoDate and globToRegExp', () => {
  test.each([
    ['2026-11-25', true],
    ['2024-02-29', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['x2026-11-25', false],
    ['2026-11-25x', false],
    ['20261125', false],
    ['', false],
  ])('isIsoDate(%j) is %s', (value, expected) => expect(isIsoDate(value)).toBe(expected));

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

describe('loadPolicyFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'policy-file-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  test('YAML with an unquoted date keeps the calendar day; entries keep their index', () => {
    const file = write(
      'p.yaml',
      'version: 1\nsuppressions:\n  - ruleId: NET-004\n    address: module.hub.*\n    reason: Bastion is the one entry\n    expires: 2027-06-30\n  - ruleId: RES-001\n    address: a.b\n    reason: Another reason here\n',
    );
    expect(loadPolicyFile(file)).toEqual([
      {
        spec: {
          ruleId: 'NET-004',
          address: 'module.hub.*',
          reason: 'Bastion is the one entry',
          expires: '2027-06-30',
        },
        origin: { kind: 'file', where: file, index: 0 },
      },
      {
        spec: { ruleId: 'RES-001', address: 'a.b', reason: 'Another reason here', expires: undefined },
        origin: { kind: 'file', where: file, index: 1 },
      },
    ]);
  });

  test('a YAML 1.1 document reads an unquoted date as a timestamp; the calendar day is kept', () => {
    const file = write(
      'p11.yaml',
      '%YAML 1.1\n---\nsuppressions:\n  - ruleId: NET-004\n    address: a.b\n    reason: Bastion is the one entry\n    expires: 2027-06-30\n',
    );
    expect(loadPolicyFile(file)[0].spec.expires).toBe('2027-06-30');
  });

  test('JSON is read as JSON (a YAML-only document fails there)', () => {
    const file = write(
      'p.json',
      JSON.stringify({
        suppressions: [{ ruleId: 'NET-004', address: 'a.b', reason: 'r', expires: '2027-01-01' }],
      }),
    );
    expect(loadPolicyFile(file)[0].spec.expires).toBe('2027-01-01');
    expect(() => loadPolicyFile(write('y.json', 'suppressions: []\n'))).toThrow(/malformed JSON/);
  });

  test('a JSON policy file with a key twice in one object is refused, as every JSON input is', () => {
    const text =
      '{"suppressions": [{"ruleId": "NET-004", "address": "a.b", "reason": "a long enough reason", "expires": "2027-01-01", "address": "*"}]}';
    expect(() => loadPolicyFile(write('dup.json', text))).toThrow(
      /the key "address" appears twice in one object/,
    );
    expect(() => loadPolicyFile(write('dup-top.json', '{"suppressions": [], "suppressions": [{}]}'))).toThrow(
      /the key "suppressions" appears twice/,
    );
  });

  test('settings: home tenant, approved ranges and home principals; wrong types are refused', () => {
    const file = write(
      'settings.yaml',
      'settings:\n  homeTenantId: 5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13\n  approvedRanges: [203.0.113.0/24]\n',
    );
    expect(loadPolicyDocument(file)).toEqual({
      suppressions: [],
      settings: { homeTenantId: '5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13', approvedRanges: ['203.0.113.0/24'] },
    });
    expect(() =>
      loadPolicyDocument(write('bad-settings.yaml', 'settings:\n  homeTenantId: contoso\n')),
    ).toThrow(/settings\.homeTenantId: expected a GUID/);
    expect(() =>
      mergeSettings(
        { homeTenantId: '5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13' },
        { homeTenantId: '11111111-2222-4333-8444-555555555555' },
      ),
    ).toThrow(/two home tenants are configured/);
  });

  test.each([
    [
      'dup.yaml',
      'suppressions: []\nsuppressions: []\n',
      /cannot parse the policy file: .*[Mm]ap keys must be unique/,
    ],
    [
      'top.yaml',
      '- 1\n',
      /top level: .*expected \{ settings\?: \{ homeTenantId, approvedRanges, homePrincipals \}, suppressions: \[\{ ruleId, address, reason, expires: YYYY-MM-DD \}\] \}/,
    ],
    [
      'field.yaml',
      'suppressions:\n  - ruleId: NET-004\n    address: ""\n    reason: r\n',
      /suppressions\[0\]\.address: /,
    ],
    ['extra.yaml', 'suppressions: []\nother: 1\n', /top level: /],
    ['version.yaml', 'version: 2\nsuppressions: []\n', /^.*version: /],
  ])('%s is unusable with a message that says where', (name, text, message) => {
    expect(() => loadPolicyFile(write(name, text))).toThrow(message);
  });
});

describe('checkModels', () => {
  const synth = (
    resources: Record<string, Record<string, unknown>>,
    stack = 'unit',
    extra: Record<string, unknown> = {},
  ) => loadTerraformJson({ resource: resources, ...extra }, { file: `${stack}.tf.json`, stack });
  const rule = (id: string, severity: 'error' | 'warning', inputs?: Rule['inputs']): Rule =>
    defineRule({
      id,
      title: `${id} title`,
      severity,
      rationale: 'r',
      anchors: {},
      resourceTypes: ['azurerm_public_ip'],
      inputs,
      fix: `${id} fix`,
      *check({ resources }) {
        for (const resource of resources) yield { resource, message: `${id} on ${resource.address}` };
      },
    });
  const ip = { azurerm_public_ip: { a: { name: 'a' }, b: { name: 'b' } } };

  test('the summary counts resources, active errors and warnings, and suppressed findings', () => {
    const model = synth(ip);
    const report = checkModels([model], {
      rules: [rule('NET-004', 'error'), rule('RES-007', 'warning'), TFS_003],
      today: TODAY,
      suppressions: [fileSuppression({ ...good, address: 'azurerm_public_ip.a' })],
    });
    expect(report.summary).toEqual({ resources: 2, errors: 1, warnings: 2, suppressed: 1 });
    expect(report.checkedOn).toBe(TODAY);
    expect(report.inputs).toEqual([{ file: 'unit.tf.json', kind: 'synth', stack: 'unit', resources: 2 }]);
    expect(report.rules.map((r) => r.id)).toEqual(['NET-004', 'RES-007', 'TFS-003']);
    expect(report.rules[0]).not.toHaveProperty('check');
    const suppressed = report.findings.find((f) => f.suppressed)!;
    expect(suppressed).toMatchObject({
      ruleId: 'NET-004',
      address: 'azurerm_public_ip.a',
      suppression: {
        reason: 'Bastion is the one entry',
        expires: '2027-01-01',
        declaredAt: 'policy.yaml suppressions[0]',
      },
    });
    expect(
      report.findings.filter((f) => !f.suppressed).map((f) => [f.ruleId, f.severity, f.address]),
    ).toEqual([
      ['NET-004', 'error', 'azurerm_public_ip.b'],
      ['RES-007', 'warning', 'azurerm_public_ip.a'],
      ['RES-007', 'warning', 'azurerm_public_ip.b'],
    ]);
  });

  test('a finding carries rule metadata and where the resource is', () => {
    const report = checkModels(
      [synth({ azurerm_public_ip: { a: { '//': { metadata: { path: 'unit/Ip/Resource' } }, name: 'a' } } })],
      {
        rules: [rule('NET-004', 'error')],
        today: TODAY,
      },
    );
    expect(report.findings).toEqual([
      {
        ruleId: 'NET-004',
        severity: 'error',
        title: 'NET-004 title',
        address: 'azurerm_public_ip.a',
        stack: 'unit',
        constructPath: 'unit/Ip/Resource',
        file: 'unit.tf.json',
        line: undefined,
        message: 'NET-004 on azurerm_public_ip.a',
        fix: 'NET-004 fix',
        suppressed: false,
      },
    ]);
  });

  test('a violation without a resource is reported at its address, or at the input', () => {
    const backendRule = defineRule({
      ...rule('TFS-001', 'error'),
      resourceTypes: 'all',
      *check() {
        yield { address: 'terraform.backend', message: 'backend' };
        yield { message: 'whole input' };
      },
    });
    const report = checkModels([synth({})], { rules: [backendRule], today: TODAY });
    expect(report.findings.map((f) => [f.address, f.stack, f.file])).toEqual([
      ['terraform.backend', 'unit', 'unit.tf.json'],
      ['unit.tf.json', 'unit', 'unit.tf.json'],
    ]);
  });

  test('rules with inputs run only on those kinds of input', () => {
    const plan = loadPlan(
      {
        format_version: '1.2',
        planned_values: {
          root_module: {
            resources: [
              {
                address: 'azurerm_public_ip.p',
                mode: 'managed',
                type: 'azurerm_public_ip',
                name: 'p',
                values: {},
              },
            ],
          },
        },
        resource_changes: [
          {
            address: 'azurerm_public_ip.p',
            type: 'azurerm_public_ip',
            name: 'p',
            change: { actions: ['create'], before: null, after: {} },
          },
        ],
      },
      { file: 'plan.json', stack: 'p' },
    );
    const report = checkModels([synth(ip), plan], {
      rules: [rule('CHG-001', 'error', ['plan']), rule('TFS-002', 'error', ['synth', 'hcl'])],
      today: TODAY,
    });
    expect(report.findings.map((f) => [f.ruleId, f.stack, f.address])).toEqual([
      ['CHG-001', 'p', 'azurerm_public_ip.p'],
      ['TFS-002', 'unit', 'azurerm_public_ip.a'],
      ['TFS-002', 'unit', 'azurerm_public_ip.b'],
    ]);
  });

  test('rules see only their resource types, in input order, across several types', () => {
    const seen: string[] = [];
    const spy = defineRule({
      ...rule('NET-004', 'error'),
      resourceTypes: ['azurerm_public_ip', 'azurerm_network_interface'],
      *check({ resources }) {
        seen.push(...resources.map((r) => r.address));
        yield* [];
      },
    });
    checkModels(
      [
        synth({
          azurerm_network_interface: { n: {} },
          azurerm_public_ip: { p: {} },
          azurerm_subnet: { s: {} },
        }),
      ],
      { rules: [spy], today: TODAY },
    );
    expect(seen).toEqual(['azurerm_public_ip.p', 'azurerm_network_interface.n']);
  });

  test('reportOn limits findings to some models while the others still resolve references', () => {
    const a = synth(ip, 'a');
    const b = synth(ip, 'b');
    const report = checkModels([a, b], { rules: [rule('NET-004', 'error')], reportOn: [b], today: TODAY });
    expect(report.findings.map((f) => f.stack)).toEqual(['b', 'b']);
    expect(report.summary.resources).toBe(2);
    expect(report.workspace.models).toHaveLength(2);
  });

  test('a suppression may name only a rule of the check', () => {
    const report = checkModels([synth(ip)], {
      rules: [rule('NET-004', 'error'), TFS_003],
      today: TODAY,
      suppressions: [fileSuppression({ ...good, ruleId: 'RES-001' })],
    });
    expect(report.findings.filter((f) => f.ruleId === 'TFS-003').map((f) => f.message)).toEqual([
      'RES-001 suppression at policy.yaml suppressions[0]: names unknown rule RES-001 (known: NET-004, TFS-003).',
    ]);
  });

  test('a construct suppression holds only in its own stack, and a broken one is a TFS-003 finding there', () => {
    const suppressed = {
      '//': {
        norway_policy: {
          suppressions: [{ ruleId: 'NET-004', reason: 'Bastion is the one entry', expires: '2027-01-01' }],
        },
      },
      name: 'a',
    };
    const broken = {
      '//': {
        norway_policy: { suppressions: [{ ruleId: 'NET-004', reason: 'short', expires: '2027-01-01' }] },
      },
      name: 'b',
    };
    const one = synth({ azurerm_public_ip: { a: suppressed, b: broken } }, 'one');
    const two = synth({ azurerm_public_ip: { a: { name: 'a' } } }, 'two');
    const report = checkModels([one, two] as TfModel[], {
      rules: [rule('NET-004', 'error'), TFS_003],
      today: TODAY,
    });
    expect(report.findings.map((f) => [f.ruleId, f.stack, f.address, f.suppressed])).toEqual([
      ['NET-004', 'one', 'azurerm_public_ip.b', false],
      ['NET-004', 'two', 'azurerm_public_ip.a', false],
      ['TFS-003', 'one', 'azurerm_public_ip.b', false],
      ['NET-004', 'one', 'azurerm_public_ip.a', true],
    ]);
    const tfs = report.findings.find((f) => f.ruleId === 'TFS-003')!;
    expect(tfs).toMatchObject({
      severity: 'error',
      file: 'construct azurerm_public_ip.b',
      constructPath: 'azurerm_public_ip.b',
      message:
        'NET-004 suppression at construct azurerm_public_ip.b: has a reason of 5 characters; write why, in at least 10.',
      suppressed: false,
    });
  });

  test('a policy-file problem without a rule id says "Suppression at …"', () => {
    const report = checkModels([synth(ip)], {
      rules: [TFS_003],
      today: TODAY,
      suppressions: [fileSuppression({ ...good, ruleId: undefined })],
    });
    expect(report.findings.map((f) => [f.ruleId, f.address, f.file, f.constructPath, f.message])).toEqual([
      [
        'TFS-003',
        'azurerm_public_ip.*',
        'policy.yaml suppressions[0]',
        undefined,
        'Suppression at policy.yaml suppressions[0]: has no ruleId.',
      ],
    ]);
  });

  test('without a date the engine judges expiry against today (UTC)', () => {
    const report = checkModels([synth(ip)], {
      rules: [rule('NET-004', 'error'), TFS_003],
      suppressions: [fileSuppression({ ...good, expires: '2000-01-01' })],
    });
    expect(report.checkedOn).toBe(new Date().toISOString().slice(0, 10));
    expect(report.findings.filter((f) => f.ruleId === 'TFS-003').map((f) => f.message)).toEqual([
      'NET-004 suppression at policy.yaml suppressions[0]: expired on 2000-01-01; fix the finding or renew the suppression with a new reason.',
    ]);
  });

  test('the engine runs the rule set it is given (the callers default to the whole catalogue)', () => {
    const report = checkModels(
      [synth({ azurerm_resource_group: { rg: { location: 'westeurope', name: 'rg' } } })],
      { rules: ALL_RULES, today: TODAY },
    );
    expect(report.rules.length).toBeGreaterThan(20);
    expect(report.findings.map((f) => f.ruleId)).toContain('RES-001');
  });

  test('findings sort: active before suppressed, errors before warnings, then rule, stack, address, message', () => {
    const multi = defineRule({
      ...rule('NET-004', 'warning'),
      *check({ resources }) {
        for (const resource of [...resources].reverse()) {
          yield { resource, message: 'z' };
          yield { resource, message: 'a' };
        }
      },
    });
    const report = checkModels([synth(ip, 'y'), synth(ip, 'x')], {
      rules: [multi, rule('RES-001', 'error')],
      today: TODAY,
    });
    expect(
      report.findings.map(
        (f) => `${f.severity} ${f.ruleId} ${f.stack} ${f.address} ${f.message.slice(0, 1)}`,
      ),
    ).toEqual([
      'error RES-001 x azurerm_public_ip.a R',
      'error RES-001 x azurerm_public_ip.b R',
      'error RES-001 y azurerm_public_ip.a R',
      'error RES-001 y azurerm_public_ip.b R',
      'warning NET-004 x azurerm_public_ip.a a',
      'warning NET-004 x azurerm_public_ip.a z',
      'warning NET-004 x azurerm_public_ip.b a',
      'warning NET-004 x azurerm_public_ip.b z',
      'warning NET-004 y azurerm_public_ip.a a',
      'warning NET-004 y azurerm_public_ip.a z',
      'warning NET-004 y azurerm_public_ip.b a',
      'warning NET-004 y azurerm_public_ip.b z',
    ]);
  });
});
