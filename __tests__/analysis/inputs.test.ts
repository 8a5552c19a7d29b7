/** policies/analysis/inputs.ts: how reports name each checked input, which inputs they cover, and whose each finding is. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findingsByInput, labelOf, modelOf, reportedModels } from '../../policies/analysis/inputs';
import { checkModels } from '../../policies/engine/engine';
import type { CheckResult, Finding } from '../../policies/engine/result';
import { loadHclDirectory } from '../../policies/model/load-hcl';
import { loadJsonFile } from '../../policies/model/load-path';
import { loadPlan, loadState } from '../../policies/model/load-plan';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import type { DeclaredSuppression, TfModel } from '../../policies/model/types';
import { ALL_RULES } from '../../policies/rules';
import type { Rule } from '../../policies/rules/rule';
import { plan, tf } from '../helpers/rule-tester';
import { TODAY } from '../helpers/today';

const rule = (id: string): Rule => ALL_RULES.find((r) => r.id === id)!;
/** RES-001 flags every resource outside Norway; TFS-003 flags broken suppressions where they are declared. */
const RULES = [rule('RES-001'), rule('TFS-003')];

const ABROAD = { name: 'rg-abroad', location: 'westeurope' };
const HOME = { name: 'rg-home', location: 'norwayeast' };

function stack(name: string, origin = `cdktf.out/stacks/${name}/cdk.tf.json`): TfModel {
  return loadTerraformJson(
    { ...tf({ 'azurerm_resource_group.rg': ABROAD }), '//': { metadata: { stackName: name } } },
    { file: origin },
  );
}

function planOf(file: string, stackName?: string): TfModel {
  return loadPlan(plan([{ at: 'azurerm_resource_group.rg', values: ABROAD }]), { file, stack: stackName });
}

/** `terraform show -json` of a state holding what `planOf` plans. */
function stateDocument(): Record<string, unknown> {
  const { planned_values: planned } = plan([{ at: 'azurerm_resource_group.rg', values: ABROAD }]) as {
    planned_values: unknown;
  };
  return { format_version: '1.0', terraform_version: '1.9.8', values: planned };
}

/** A stack whose code carries a suppression without a reason: a TFS-003 finding on `construct <path>`. */
function brokenCodeStack(name: string): TfModel {
  const body = {
    ...ABROAD,
    '//': {
      metadata: { path: `${name}/rg` },
      norway_policy: { suppressions: [{ ruleId: 'RES-001', reason: '', expires: '2026-12-01' }] },
    },
  };
  return loadTerraformJson(
    { ...tf({ 'azurerm_resource_group.rg': body }), '//': { metadata: { stackName: name } } },
    { file: `cdktf.out/stacks/${name}/cdk.tf.json` },
  );
}

/** A policy file suppression without a reason: a TFS-003 finding on the policy file, no input's. */
const BROKEN_SUPPRESSION: DeclaredSuppression = {
  spec: { ruleId: 'RES-001', reason: undefined, expires: '2026-12-01', address: 'azurerm_resource_group.rg' },
  origin: { kind: 'file', where: 'norway-policy.yaml', index: 0 },
};

function check(models: readonly TfModel[], reportOn: readonly TfModel[] = models): CheckResult {
  return checkModels(models, { rules: RULES, today: TODAY, reportOn, suppressions: [BROKEN_SUPPRESSION] });
}

/** Directories of .tf files: `infra` (calling `../shared`), `infra-eu` beside it, and the shared module. */
let root: string;
let infra: TfModel;
let infraEu: TfModel;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'analysis-inputs-'));
  for (const dir of ['infra', 'infra-eu', 'shared', 'nested', join('nested', 'sub')])
    mkdirSync(join(root, dir));
  writeFileSync(
    join(root, 'infra', 'main.tf'),
    [
      'resource "azurerm_resource_group" "rg" {',
      '  name     = "rg-infra"',
      '  location = "westeurope"',
      '}',
      '',
      'module "shared" {',
      '  source = "../shared"',
      '}',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(root, 'infra-eu', 'main.tf'),
    'resource "azurerm_resource_group" "rg" {\n  name     = "rg-eu"\n  location = "westeurope"\n}\n',
  );
  writeFileSync(
    join(root, 'shared', 'main.tf'),
    'resource "azurerm_storage_account" "logs" {\n  name     = "stlogs"\n  location = "swedencentral"\n}\n',
  );
  // A directory and one inside it, declaring the same address.
  for (const dir of ['nested', join('nested', 'sub')])
    writeFileSync(
      join(root, dir, 'main.tf'),
      'resource "azurerm_resource_group" "rg" {\n  name     = "rg-nested"\n  location = "westeurope"\n}\n',
    );
  writeFileSync(join(root, 'prod.tfstate.json'), JSON.stringify(stateDocument()));
  infra = loadHclDirectory(join(root, 'infra'));
  infraEu = loadHclDirectory(join(root, 'infra-eu'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('labelOf', () => {
  test.each<[string, () => TfModel, () => string]>([
    ['a synthesized stack by its stack name', () => stack('platform-prod'), () => 'stack platform-prod'],
    [
      'Terraform JSON that names no stack by its file',
      () => loadTerraformJson(tf({ 'azurerm_resource_group.rg': HOME }), { file: 'infra/main.tf.json' }),
      () => 'configuration infra/main.tf.json',
    ],
    [
      'a plan of a known stack by the stack and its file',
      () => planOf('plans/prod.json', 'platform-prod'),
      () => 'plan platform-prod (plans/prod.json)',
    ],
    ['a plan of no known stack by its file', () => planOf('plans/prod.json'), () => 'plan plans/prod.json'],
    ['a directory of .tf files by the directory', () => infra, () => `terraform ${join(root, 'infra')}`],
    [
      'a state by the stack its file names and its file',
      () => loadJsonFile(join(root, 'prod.tfstate.json')),
      () => `state prod (${join(root, 'prod.tfstate.json')})`,
    ],
    [
      'a state of no stack by its file',
      () => loadState(stateDocument(), { file: 'states/current.json' }),
      () => 'state states/current.json',
    ],
  ])('names %s', (_name, model, label) => {
    expect(labelOf(model())).toBe(label());
  });

  test('a state named after its stack is told apart from the stack’s code', () => {
    const state = loadJsonFile(join(root, 'prod.tfstate.json'));
    expect([state.kind, state.stack]).toEqual(['state', 'prod']);
    expect([labelOf(stack('prod')), labelOf(state)]).toEqual([
      'stack prod',
      `state prod (${join(root, 'prod.tfstate.json')})`,
    ]);
  });
});

describe('reportedModels', () => {
  test('the models the result reports on, in workspace order; models only read to resolve references are left out', () => {
    const [a, b, c] = [stack('a'), stack('b'), stack('c')];
    const result = check([a, b, c], [c, a]);
    expect(result.inputs.map((i) => i.file)).toEqual([c.origin, a.origin]);
    const models = reportedModels(result, result.workspace);
    expect(models.map(labelOf)).toEqual(['stack a', 'stack c']);
    expect(models[0]).toBe(result.workspace.models[0]);
    expect(models[1]).toBe(result.workspace.models[2]);
  });

  test('every model when the result reports on all of them', () => {
    const result = check([stack('a'), planOf('plans/a.json')]);
    expect(reportedModels(result, result.workspace).map(labelOf)).toEqual(['stack a', 'plan plans/a.json']);
  });

  test('none when the result reports on nothing', () => {
    const result = check([stack('a')], []);
    expect(reportedModels(result, result.workspace)).toEqual([]);
  });

  test('an input the workspace does not hold adds no model', () => {
    const result = check([stack('a')]);
    const verdict = {
      ...result,
      inputs: [...result.inputs, { file: 'gone.json', kind: 'plan' as const, resources: 0 }],
    };
    expect(reportedModels(verdict, result.workspace).map(labelOf)).toEqual(['stack a']);
  });
});

describe('findingsByInput', () => {
  test('groups the findings by input, sorts the inputs by label, and keeps findings of no input apart', () => {
    const models = [stack('zeta'), infra, planOf('plans/app.json', 'app'), stack('alpha')];
    const result = check(models);
    const grouped = findingsByInput(models, result.findings);
    expect(grouped.inputs.map((i) => [i.label, i.findings.map((f) => [f.ruleId, f.address])])).toEqual([
      ['plan app (plans/app.json)', [['RES-001', 'azurerm_resource_group.rg']]],
      ['stack alpha', [['RES-001', 'azurerm_resource_group.rg']]],
      ['stack zeta', [['RES-001', 'azurerm_resource_group.rg']]],
      [
        `terraform ${join(root, 'infra')}`,
        [
          ['RES-001', 'azurerm_resource_group.rg'],
          ['RES-001', 'module.shared.azurerm_storage_account.logs'],
        ],
      ],
    ]);
    expect(grouped.inputs.map((i) => i.model)).toEqual([models[2], models[3], models[0], models[1]]);
    expect(grouped.other.map((f) => [f.ruleId, f.file])).toEqual([
      ['TFS-003', 'norway-policy.yaml suppressions[0]'],
    ]);
  });

  test('a broken suppression written in a stack’s code is grouped with that stack, not kept apart', () => {
    const models = [stack('zeta'), brokenCodeStack('app'), planOf('plans/app.json', 'app')];
    const grouped = findingsByInput(models, check(models).findings);
    expect(grouped.inputs.map((i) => [i.label, i.findings.map((f) => [f.ruleId, f.file])])).toEqual([
      ['plan app (plans/app.json)', [['RES-001', 'plans/app.json']]],
      [
        'stack app',
        [
          ['RES-001', 'cdktf.out/stacks/app/cdk.tf.json'],
          ['TFS-003', 'construct app/rg'],
        ],
      ],
      ['stack zeta', [['RES-001', 'cdktf.out/stacks/zeta/cdk.tf.json']]],
    ]);
    expect(grouped.other.map((f) => [f.ruleId, f.file])).toEqual([
      ['TFS-003', 'norway-policy.yaml suppressions[0]'],
    ]);
  });

  test('every finding lands in exactly one place, in the order it had', () => {
    const models = [stack('a'), infra, stack('b')];
    const result = check(models);
    const grouped = findingsByInput(models, result.findings);
    const placed = [...grouped.inputs.flatMap((i) => i.findings), ...grouped.other];
    expect(placed).toHaveLength(result.findings.length);
    expect(new Set(placed)).toEqual(new Set(result.findings));
    for (const input of grouped.inputs)
      expect(input.findings).toEqual(result.findings.filter((f) => input.findings.includes(f)));
    expect(grouped.inputs.map((i) => i.findings.length)).toEqual([1, 1, 2]);
  });

  test('labels sort as people read them, not by character code', () => {
    const models = [stack('Gamma'), stack('beta'), stack('Alpha')];
    expect(findingsByInput(models, []).inputs.map((i) => i.label)).toEqual([
      'stack Alpha',
      'stack beta',
      'stack Gamma',
    ]);
  });

  test('an input without findings is listed with none', () => {
    const clean = loadTerraformJson(
      { ...tf({ 'azurerm_resource_group.rg': HOME }), '//': { metadata: { stackName: 'clean' } } },
      { file: 'cdktf.out/stacks/clean/cdk.tf.json' },
    );
    const models = [clean, stack('dirty')];
    const grouped = findingsByInput(models, check(models).findings);
    expect(grouped.inputs.map((i) => [i.label, i.findings.length])).toEqual([
      ['stack clean', 0],
      ['stack dirty', 1],
    ]);
  });

  test('no findings: every input with none, nothing else', () => {
    const models = [stack('b'), stack('a')];
    expect(findingsByInput(models, [])).toEqual({
      inputs: [
        { model: models[1], label: 'stack a', findings: [] },
        { model: models[0], label: 'stack b', findings: [] },
      ],
      other: [],
    });
  });

  test('no inputs: every finding belongs to none', () => {
    const result = check([stack('a')]);
    expect(findingsByInput([], result.findings)).toEqual({ inputs: [], other: result.findings });
  });
});

describe('modelOf', () => {
  let models: TfModel[];
  let findings: readonly Finding[];
  beforeAll(() => {
    models = [stack('app'), planOf('plans/app.json', 'app'), infra, infraEu];
    findings = check(models).findings;
  });
  /** A real finding of the check, found by where it is. */
  const at = (file: string, address = 'azurerm_resource_group.rg'): Finding => {
    const found = findings.find((f) => f.file === file && f.address === address);
    if (!found)
      throw new Error(`no finding on ${address} in ${file}: ${findings.map((f) => f.file).join(', ')}`);
    return found;
  };

  test.each<[string, () => Finding, () => string]>([
    ['a stack: its file is the origin', () => at('cdktf.out/stacks/app/cdk.tf.json'), () => 'stack app'],
    [
      'a plan of the same stack: its file is the origin',
      () => at('plans/app.json'),
      () => 'plan app (plans/app.json)',
    ],
    [
      'a directory: its file lies inside it',
      () => at(join(root, 'infra', 'main.tf')),
      () => `terraform ${join(root, 'infra')}`,
    ],
    [
      'a directory: a resource of a module outside it, read from the module file',
      () => at(join(root, 'shared', 'main.tf'), 'module.shared.azurerm_storage_account.logs'),
      () => `terraform ${join(root, 'infra')}`,
    ],
    [
      'a directory whose name starts with another directory’s name',
      () => at(join(root, 'infra-eu', 'main.tf')),
      () => `terraform ${join(root, 'infra-eu')}`,
    ],
  ])('the model of a finding in %s', (_name, finding, label) => {
    const model = modelOf(models, finding());
    expect(model && labelOf(model)).toBe(label());
  });

  test.each<[string, () => Finding]>([
    ['a broken suppression in a policy file', () => findings.find((f) => f.ruleId === 'TFS-003')!],
    [
      'a file inside a directory, on an address the directory does not hold',
      () => ({ ...at(join(root, 'infra', 'main.tf')), address: 'azurerm_resource_group.other' }),
    ],
    [
      'a file in a directory that was not checked, on an address a checked one holds',
      () => ({ ...at(join(root, 'infra', 'main.tf')), file: join(root, 'elsewhere', 'main.tf') }),
    ],
    [
      'a file next to a checked file',
      () => ({ ...at('cdktf.out/stacks/app/cdk.tf.json'), file: 'cdktf.out/stacks/app/cdk.tf.json.orig' }),
    ],
  ])('no model for %s', (_name, finding) => {
    expect(modelOf(models, finding())).toBeUndefined();
  });

  test('no model among no models', () => {
    expect(modelOf([], at('plans/app.json'))).toBeUndefined();
  });
});

describe('modelOf: directories inside one another that declare the same address', () => {
  test.each(['outer', 'inner'])(
    'the innermost directory holding the file, the %s one checked first',
    (first) => {
      const outer = loadHclDirectory(join(root, 'nested'));
      const inner = loadHclDirectory(join(root, 'nested', 'sub'));
      const models = first === 'outer' ? [outer, inner] : [inner, outer];
      const placed = check(models)
        .findings.filter((f) => f.ruleId === 'RES-001')
        .map((f) => [f.file, labelOf(modelOf(models, f)!)])
        .sort(([a], [b]) => a.localeCompare(b));
      expect(placed).toEqual([
        [join(root, 'nested', 'main.tf'), `terraform ${join(root, 'nested')}`],
        [join(root, 'nested', 'sub', 'main.tf'), `terraform ${join(root, 'nested', 'sub')}`],
      ]);
    },
  );
});

describe('modelOf: a module file inside one checked directory, read by another', () => {
  test('the directory that read the resource from the file, not the one that only holds the file and the address', () => {
    // top calls module "shared" from ./lib-a; top/app calls a module of the same name from ../lib-b.
    const top = join(root, 'top');
    const files: Record<string, string> = {
      'main.tf': 'module "shared" {\n  source = "./lib-a"\n}\n',
      'app/main.tf': 'module "shared" {\n  source = "../lib-b"\n}\n',
      'lib-a/main.tf':
        'resource "azurerm_resource_group" "rg" {\n  name     = "rg-a"\n  location = "westeurope"\n}\n',
      'lib-b/main.tf':
        'resource "azurerm_resource_group" "rg" {\n  name     = "rg-b"\n  location = "westeurope"\n}\n',
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(top, file, '..'), { recursive: true });
      writeFileSync(join(top, file), text);
    }
    const models = [loadHclDirectory(top), loadHclDirectory(join(top, 'app'))];
    const placed = check(models)
      .findings.filter((f) => f.ruleId === 'RES-001')
      .map((f) => [f.file, labelOf(modelOf(models, f)!)])
      .sort(([a], [b]) => a.localeCompare(b));
    expect(placed).toEqual([
      [join(top, 'lib-a', 'main.tf'), `terraform ${top}`],
      [join(top, 'lib-b', 'main.tf'), `terraform ${join(top, 'app')}`],
    ]);
  });
});

describe('modelOf: a broken suppression written in a stack’s code', () => {
  const brokenIn = (result: CheckResult): Finding => {
    const found = result.findings.filter((f) => f.ruleId === 'TFS-003' && f.file.startsWith('construct '));
    expect(found.map((f) => [f.file, f.stack, f.address])).toEqual([
      ['construct app/rg', 'app', 'azurerm_resource_group.rg'],
    ]);
    return found[0];
  };

  test.each(['code', 'plan'])('belongs to the stack’s code, the %s checked first', (first) => {
    const code = brokenCodeStack('app');
    const appPlan = planOf('plans/app.json', 'app');
    const models = first === 'code' ? [code, appPlan] : [appPlan, code];
    expect(modelOf(models, brokenIn(check(models)))).toBe(code);
  });

  test('belongs to the stack’s plan when the code is only read, not reported on', () => {
    const code = brokenCodeStack('app');
    const appPlan = planOf('plans/app.json', 'app');
    const result = check([code, appPlan], [appPlan]);
    const models = reportedModels(result, result.workspace);
    expect(models).toEqual([appPlan]);
    expect(modelOf(models, brokenIn(result))).toBe(appPlan);
  });

  test('no model when no input of its stack is among the models', () => {
    const models = [brokenCodeStack('app')];
    expect(modelOf([stack('web'), planOf('plans/web.json', 'web')], brokenIn(check(models)))).toBeUndefined();
  });
});
