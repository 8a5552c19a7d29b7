/** The ESLint boundary that keeps the framework swappable (docs/cdktn.md#the-import-boundary). */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

// [file, import specifier] pairs, linted as if that file held `import '<specifier>'`.
const OUTSIDE: [string, string][] = [
  ['scripts/x.ts', 'cdktf'],
  ['scripts/x.ts', 'cdktn'],
  ['bin/x.ts', 'cdktf/lib/tokens'],
  ['bin/x.ts', '@cdktf/provider-azurerm/lib/resource-group'],
  ['scripts/x.ts', '@cdktn/provider-azurerm/lib/resource-group'],
  ['scripts/x.ts', '@cdktf/provider-azuread/lib/group'],
  ['policies/model/x.ts', 'cdktn'],
  ['policies/cli.ts', '@cdktn/provider-azurerm/lib/resource-group'],
];
const INSIDE: [string, string][] = [
  ['constructs/core/x.ts', 'cdktf'],
  ['stacks/x.ts', '@cdktf/provider-azurerm/lib/resource-group'],
  ['policies/cdktf/x.ts', 'cdktf'],
  ['main.ts', 'cdktf'],
  ['__tests__/x.test.ts', 'cdktf'],
  ['bench/x.ts', 'cdktf'],
  // A standalone HCL parser, not the framework: the policy engine reads .tf files with it.
  ['policies/model/x.ts', '@cdktf/hcl2json'],
  ['scripts/x.ts', 'constructs'],
];
const CASES = [...OUTSIDE, ...INSIDE, ['stacks/x.ts', '@cdktf/provider-azurerm']];

// Jest cannot load eslint.config.mjs (a dynamic import), so one child process lints every case.
const LINT = `
const { ESLint } = require('eslint');
const eslint = new ESLint({ cwd: process.cwd() });
(async () => {
  const out = {};
  for (const [file, specifier] of JSON.parse(process.argv[1])) {
    const [result] = await eslint.lintText("import '" + specifier + "';\\n", { filePath: require('path').resolve(file) });
    out[file + ' ' + specifier] = [...new Set(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message))];
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

let messages: Record<string, string[]>;
beforeAll(() => {
  const child = spawnSync(process.execPath, ['-e', LINT, JSON.stringify(CASES)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`eslint failed: ${child.stderr}`);
  messages = JSON.parse(child.stdout) as Record<string, string[]>;
});

function restrictedImports(file: string, specifier: string): string[] {
  const found = messages[`${file} ${specifier}`];
  if (!found) throw new Error(`no lint result for ${file} ${specifier}: add it to the cases`);
  return found;
}

const BOUNDARY =
  "'%s' import is restricted from being used by a pattern. Import cdktf only under constructs/, stacks/, policies/cdktf/, main.ts, __tests__/ or bench/ (docs/cdktn.md).";

describe('framework imports outside the infrastructure code', () => {
  test.each(OUTSIDE)('fails when %s imports %s', (file, specifier) => {
    expect(restrictedImports(file, specifier)).toContain(BOUNDARY.replace('%s', specifier));
  });
});

describe('framework imports where infrastructure is built', () => {
  test.each(INSIDE)('%s may import %s', (file, specifier) => {
    expect(restrictedImports(file, specifier)).toEqual([]);
  });

  test('the provider barrel stays restricted there', () => {
    expect(restrictedImports('stacks/x.ts', '@cdktf/provider-azurerm')).toEqual([
      "'@cdktf/provider-azurerm' import is restricted from being used. Import '@cdktf/provider-azurerm/lib/<resource>' (the barrel costs ~1 s and ~400 MB).",
    ]);
  });
});
