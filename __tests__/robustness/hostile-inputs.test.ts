/**
 * Hostile inputs: every case ends in exit 2 with one line naming the file and the problem, or in a correct
 * verdict. Never a stack trace, never a hang, never exit 0 for input that could not be fully read.
 * Small cases are files in `__tests__/fixtures/hostile`; large ones are generated here in a temp dir.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../policies/cli';
import { describeFsError, findDuplicateKey, nestingDepth } from '../../policies/model/read-json';

const HOSTILE = join(__dirname, '..', 'fixtures', 'hostile');
const OK_PLAN = join(HOSTILE, 'ok-plan.json');
const STACK_TRACE = /at .*\(.*:\d+:\d+\)/;

interface Case {
  /** CLI arguments after `check`. */
  readonly args: readonly string[];
  /** 2 with a message, or the verdict (0/1) a correct checker reaches. */
  readonly exit: 0 | 1 | 2;
  /** For exit 2: what the single stderr line must contain besides the file. */
  readonly problem?: RegExp;
  /** For exit 2: the path the line must name (default: the first argument). */
  readonly names?: string;
}

const h = (file: string) => join(HOSTILE, file);
const fail = (file: string, problem: RegExp, names?: string): Case => ({
  args: [h(file)],
  exit: 2,
  problem,
  names: names && h(names),
});
const verdict = (file: string, exit: 0 | 1): Case => ({ args: [h(file)], exit });
const policy = (file: string, problem: RegExp): Case => ({
  args: [OK_PLAN, '-s', h(file)],
  exit: 2,
  problem,
  names: h(file),
});

const STATIC_CASES: Record<string, Case> = {
  'a valid plan (control)': verdict('ok-plan.json', 0),
  'empty file': fail('empty.json', /the file is empty; expected JSON/),
  'only whitespace': fail('whitespace.json', /the file is empty/),
  'truncated plan': fail('truncated-plan.json', /malformed JSON at line \d+, column \d+/),
  'truncated cdk.tf.json': fail(
    'truncated-synth.json',
    /malformed JSON at line 1, column \d+: unexpected end of input \(truncated\?\)|malformed JSON/,
  ),
  'UTF-8 byte order mark': verdict('bom-plan.json', 0),
  'UTF-16 LE with BOM': fail('utf16le-bom.json', /the file is UTF-16; save it as UTF-8/),
  'UTF-16 BE with BOM': fail('utf16be-bom.json', /the file is UTF-16/),
  'UTF-16 without BOM': fail('utf16le-no-bom.json', /the file is binary, not JSON/),
  'binary bytes': fail('binary.json', /the file is binary/),
  'a binary plan file (zip)': fail('plan-binary.tfplan', /terraform show -json plan\.bin/),
  'Latin-1 instead of UTF-8': fail(
    'latin1.json',
    /not valid UTF-8 \(first invalid byte on line 1, column \d+\)/,
  ),
  'top-level array': fail('top-array.json', /expected a JSON object, got an array/),
  'top-level string': fail('top-string.json', /expected a JSON object, got a string/),
  'top-level number': fail('top-number.json', /expected a JSON object, got a number/),
  'top-level null': fail('top-null.json', /expected a JSON object, got null/),
  'top-level boolean': fail('top-true.json', /expected a JSON object, got a boolean/),
  'empty object': fail('empty-object.json', /neither a Terraform JSON configuration .* nor a plan/),
  'trailing garbage': fail('trailing-garbage.json', /malformed JSON at line \d+/),
  'comments in JSON': fail('comments.json', /malformed JSON \(Unexpected token '\/'/),
  'NaN literal': fail('nan.json', /malformed JSON/),
  'plan without planned_values': fail(
    'plan-no-planned-values.json',
    /planned_values must be an object, got a undefined/,
  ),
  'plan with null planned_values': fail(
    'plan-null-planned-values.json',
    /planned_values must be an object, got null/,
  ),
  'plan with null resource_changes': fail(
    'plan-null-resource-changes.json',
    /resource_changes must be an array, got null/,
  ),
  'plan without resource_changes': fail(
    'plan-no-resource-changes.json',
    /azurerm_resource_group\.rg is in planned_values but has no entry in resource_changes/,
  ),
  'planned_values is an array': fail(
    'plan-planned-values-array.json',
    /planned_values must be an object, got an array/,
  ),
  'planned_values without root_module': fail(
    'plan-no-root-module.json',
    /planned_values\.root_module must be an object/,
  ),
  'unknown format_version 2.0': fail('plan-format-2.0.json', /plan format_version 2\.0 is not supported/),
  'format_version not a version': fail(
    'plan-format-word.json',
    /format_version must be a string like "1\.2", got "latest"/,
  ),
  'format_version a number': fail(
    'plan-format-number.json',
    /format_version must be a string like "1\.2", got 1\.2/,
  ),
  'resource without type': fail(
    'plan-resource-no-type.json',
    /resources\[0\]\.type must be a non-empty string/,
  ),
  'resource without address': fail(
    'plan-resource-no-address.json',
    /resources\[0\]\.address must be a non-empty string/,
  ),
  'resource with empty address': fail(
    'plan-resource-empty-address.json',
    /resources\[0\]\.address must be a non-empty string, got a string/,
  ),
  'resource with null name': fail(
    'plan-resource-null-name.json',
    /resources\[0\]\.name must be a non-empty string, got null/,
  ),
  'resource that is a number': fail('plan-resource-not-object.json', /resources\[0\] must be an object/),
  'resources as an object': fail('plan-resources-object.json', /root_module\.resources must be an array/),
  'child_modules as a string': fail('plan-child-modules-string.json', /child_modules must be an array/),
  'duplicate addresses in planned_values': fail(
    'plan-duplicate-address.json',
    /the address azurerm_resource_group\.rg appears twice/,
  ),
  'duplicate addresses in resource_changes': fail(
    'plan-duplicate-change.json',
    /appears twice in resource_changes/,
  ),
  'values as a string': fail('plan-values-string.json', /resources\[0\]\.values must be an object/),
  'change without actions': fail(
    'plan-change-no-actions.json',
    /resource_changes\[0\] \(azurerm_resource_group\.rg\) has no change\.actions list/,
  ),
  'change actions that are numbers': fail('plan-change-actions-numbers.json', /has no change\.actions list/),
  'deleted resource without type': fail(
    'plan-missing-type-in-change.json',
    /resource_changes\[1\]\.type must be a non-empty string/,
  ),
  'an empty state (terraform show -json of a state)': verdict('state-empty.json', 0),
  '__proto__ and constructor keys in a plan': verdict('plan-proto-keys.json', 0),
  '__proto__ and constructor keys in cdk.tf.json': verdict('synth-proto-keys.json', 1),
  'duplicate JSON keys hiding a resource': fail(
    'synth-duplicate-keys.json',
    /the key "resource" appears twice in one object \(line 3, column 2\); part of the input would go unchecked/,
  ),
  'duplicate JSON keys hiding a location': fail(
    'plan-duplicate-keys.json',
    /the key "location" appears twice in one object/,
  ),
  'resource section as an array': fail(
    'synth-resource-array.json',
    /"resource" must be an object of resource types/,
  ),
  'resource type mapped to a string': fail(
    'synth-type-string.json',
    /resource type azurerm_resource_group must map names to resource bodies, got a string/,
  ),
  'resource body null': fail(
    'synth-body-null.json',
    /azurerm_resource_group\.rg must be an object, got null/,
  ),
  'resource body given twice': fail(
    'synth-body-twice.json',
    /azurerm_resource_group\.rg is declared 2 times/,
  ),
  'resource name twice in an array': fail(
    'synth-name-twice-in-array.json',
    /azurerm_resource_group\.rg is declared twice/,
  ),
  'cdktf.out manifest naming a missing stack': fail(
    'cdktf-missing-stack',
    /names stack absent at stacks\/absent\/cdk\.tf\.json, which does not exist/,
    'cdktf-missing-stack/manifest.json',
  ),
  'cdktf.out stack outside the directory': fail(
    'cdktf-escaping-stack',
    /stack evil points outside the directory/,
    'cdktf-escaping-stack/manifest.json',
  ),
  'cdktf.out stacks as an array': fail(
    'cdktf-stacks-array',
    /expected a cdktf manifest with a "stacks" object/,
    'cdktf-stacks-array/manifest.json',
  ),
  'cdktf.out broken manifest': fail(
    'cdktf-manifest-broken',
    /malformed JSON/,
    'cdktf-manifest-broken/manifest.json',
  ),
  'cdk.tf.json that is a directory': fail(
    'stack-json-is-dir',
    /cannot read the file \(is a directory\)/,
    'stack-json-is-dir/cdk.tf.json',
  ),
  'directory with nothing to check': fail(
    'unrelated-dir',
    /found no manifest\.json \(cdktf\.out\), cdk\.tf\.json \(stack directory\), \.tf files or only plan\/state JSON files here/,
  ),
  'suppressions: ruleId a number': policy(
    'suppressions-rule-number.yaml',
    /suppressions\[0\]\.ruleId: .*expected string/i,
  ),
  'suppressions: a list at the top': policy('suppressions-list.yaml', /top level: .*expected object/i),
  'suppressions: not YAML': policy('suppressions-not-yaml.yaml', /cannot parse the policy file/),
  'suppressions: expires a number': policy('suppressions-expires-number.json', /suppressions\[0\]\.expires/),
  'suppressions: unknown key': policy('suppressions-extra-key.yaml', /suppressions\[0\]/),
  'suppressions: __proto__ key': policy('suppressions-proto.json', /__proto__|top level/),
  'suppressions: missing file': policy('suppressions-absent.yaml', /cannot read the file \(no such file\)/),
  '.tf syntax error': fail('tf-syntax-error', /line 4, column 1: /, 'tf-syntax-error/main.tf'),
  '.tf binary': fail('tf-binary', /the file is binary/, 'tf-binary/main.tf'),
  '.tf UTF-16': fail('tf-utf16', /the file is UTF-16/, 'tf-utf16/main.tf'),
  '.tf unterminated heredoc': fail(
    'tf-heredoc',
    /line \d+, column \d+: Unterminated template string|line \d+, column \d+: /,
    'tf-heredoc/main.tf',
  ),
  // An empty configuration is a verdict: state would be local, which only the bootstrap stack may do.
  '.tf empty file': verdict('tf-empty', 1),
  // The backend names no state account, which TFS-001 cannot place: exit 1, and no prototype touched.
  '.tf __proto__ labels and keys': verdict('tf-proto', 1),
  'a readable input next to an unreadable one': {
    args: [OK_PLAN, h('empty.json')],
    exit: 2,
    problem: /the file is empty/,
    names: h('empty.json'),
  },
};

function run(args: readonly string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(['check', ...args, '--format', 'json'], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

function expectOutcome(c: Case): void {
  const { code, stdout, stderr } = run(c.args);
  expect(stderr).not.toMatch(STACK_TRACE);
  expect(stdout).not.toMatch(STACK_TRACE);
  if (c.exit === 2) {
    expect({ code, stderr }).toEqual({ code: 2, stderr: expect.stringMatching(/^norway-policy: [^\n]*\n$/) });
    expect(stderr).toContain(c.names ?? c.args[0]);
    if (c.problem) expect(stderr).toMatch(c.problem);
    expect(stdout).toBe('');
  } else {
    expect({ code, stderr }).toEqual({ code: c.exit, stderr: '' });
    const report = JSON.parse(stdout) as { summary: { errors: number } };
    expect(report.summary.errors > 0).toBe(c.exit === 1);
  }
}

describe('hostile input corpus', () => {
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  let dir: string;
  const g = (name: string) => join(dir, name);
  const okPlan = () =>
    JSON.parse(readFileSync(OK_PLAN, 'utf8')) as {
      planned_values: { root_module: { resources: { values: Record<string, unknown> }[] } };
    };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hostile-'));
    writeFileSync(g('unreadable.json'), '{}');
    chmodSync(g('unreadable.json'), 0o000);
  });

  /** Cases whose input is generated (too large, or not a regular file); each is built when its test runs. */
  const generated: Record<string, () => Case> = {
    '10,000 nested arrays': () => {
      writeFileSync(g('deep.json'), `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
      return { args: [g('deep.json')], exit: 2, problem: /the JSON nests deeper than 256 levels/ };
    },
    '10,000 nested objects inside a plan': () => {
      const deepPlan = JSON.stringify(okPlan()).replace(
        '"name":"rg-ok"',
        `"name":"rg-ok","tags":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
      );
      writeFileSync(g('deep-plan.json'), deepPlan);
      return { args: [g('deep-plan.json')], exit: 2, problem: /nests deeper than 256 levels/ };
    },
    '10,000 nested HCL blocks': () => {
      mkdirSync(g('tf-deep'));
      writeFileSync(
        g('tf-deep/main.tf'),
        `resource "azurerm_resource_group" "rg" {\n${'a {\n'.repeat(10_000)}${'}\n'.repeat(10_000)}}\n`,
      );
      return {
        args: [g('tf-deep')],
        exit: 2,
        problem: /the HCL parser failed on this file \(Maximum call stack size exceeded\)/,
        names: g('tf-deep/main.tf'),
      };
    },
    'a FIFO (must not hang)': () => {
      execFileSync('mkfifo', [g('fifo.json')]);
      return { args: [g('fifo.json')], exit: 2, problem: /is not a regular file/ };
    },
    'a broken symlink': () => {
      symlinkSync(g('nowhere.json'), g('broken-link.json'));
      return { args: [g('broken-link.json')], exit: 2, problem: /no such file or directory/ };
    },
    'a path that does not exist': () => ({
      args: [g('absent.json')],
      exit: 2,
      problem: /no such file or directory/,
    }),
    'a directory symlink loop': () => {
      symlinkSync(g('loop-dir'), g('loop-dir'));
      return { args: [g('loop-dir')], exit: 2, problem: /a symbolic link loop/ };
    },
    'a symlink loop inside cdktf.out': () => {
      mkdirSync(g('out-with-loop/stacks'), { recursive: true });
      symlinkSync(g('out-with-loop/stacks/s'), g('out-with-loop/stacks/s'));
      writeFileSync(
        g('out-with-loop/manifest.json'),
        JSON.stringify({ stacks: { s: { synthesizedStackPath: 'stacks/s/cdk.tf.json' } } }),
      );
      return {
        args: [g('out-with-loop')],
        exit: 2,
        problem: /a symbolic link loop|cannot read/,
        names: g('out-with-loop/stacks/s/cdk.tf.json'),
      };
    },
    'a .tf symlink loop': () => {
      mkdirSync(g('tf-link-loop'));
      symlinkSync(g('tf-link-loop/loop.tf'), g('tf-link-loop/loop.tf'));
      return {
        args: [g('tf-link-loop')],
        exit: 2,
        problem: /a symbolic link loop/,
        names: g('tf-link-loop/loop.tf'),
      };
    },
  };

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(Object.entries(STATIC_CASES))('%s', (_name, c) => expectOutcome(c));

  it.each(Object.entries(generated))('%s', (_name, make) => expectOutcome(make()));

  // Stryker's runs skip this one (NORWAY_IAC_MUTATION_RUN, see tools/config/jest.mutation.config.js): it tests size,
  // not logic, and would add a second to every mutant; `npm test` always runs it.
  (process.env.NORWAY_IAC_MUTATION_RUN ? it.skip : it)(
    'a 50 MB string: read, checked, correct verdict',
    () => {
      const bigPlan = okPlan();
      bigPlan.planned_values.root_module.resources[0].values.tags = { note: 'x'.repeat(50 * 1024 * 1024) };
      writeFileSync(g('big-string-plan.json'), JSON.stringify(bigPlan));
      expectOutcome({ args: [g('big-string-plan.json')], exit: 0 });
    },
  );

  it('an unreadable file (permission denied)', () => {
    if (process.getuid?.() === 0) {
      // root reads a mode-000 file anyway; the EACCES branch is covered by the message mapping below.
      expect(describeFsError(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission denied');
      expect(run([join(dir, 'unreadable.json')]).code).toBe(2); // `{}` is still not a configuration
      return;
    }
    expectOutcome({ args: [join(dir, 'unreadable.json')], exit: 2, problem: /permission denied/ });
  });

  it('corpus size', () => {
    expect(Object.keys(STATIC_CASES).length + Object.keys(generated).length + 2).toBeGreaterThanOrEqual(50);
  });

  it('no case polluted a prototype', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.constructor).toBe(Object);
  });
});

describe('scanners used on hostile input', () => {
  it('measures nesting without recursion', () => {
    expect(nestingDepth(JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`))).toBe(257);
    expect(nestingDepth({ a: [{ b: 1 }] })).toBe(3);
    expect(nestingDepth('x')).toBe(0);
  });

  it('finds duplicate keys per object, with escapes and strings that look like syntax', () => {
    expect(findDuplicateKey('{"a":1,"b":{"a":2},"c":[{"a":1},{"a":2}]}')).toBeUndefined();
    expect(findDuplicateKey('{"a":"}{,\\"a\\":","a":2}')).toEqual({ key: 'a', line: 1, column: 18 });
    expect(findDuplicateKey('{"a":1,\n "\\u0061":2}')).toEqual({ key: 'a', line: 2, column: 2 });
    expect(findDuplicateKey('["a","a",{"x":["x","x"]}]')).toBeUndefined();
  });
});
