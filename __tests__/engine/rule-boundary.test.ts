/** The ESLint boundary that keeps the engine apart from the rules: it is given them and imports only the API's types. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

// [file, import line], linted as if that file held it.
const CASES: [string, string][] = [
  ['policies/engine/engine.ts', "import { ALL_RULES } from '../rules';"],
  ['policies/engine/engine.ts', "import { ALL_RULES } from '../rules/index';"],
  ['policies/engine/engine.ts', "import { TFS_003 } from '../rules/state/tfs-003-valid-suppressions';"],
  ['policies/engine/engine.ts', "import { judgeSuppression } from '../rules/state/suppressions';"],
  ['policies/engine/engine.ts', "import { defineRule } from '../rules/rule';"],
  ['policies/engine/engine.ts', "import type { Rule } from '../rules/rule';"],
  ['policies/engine/engine.ts', "import { type Rule } from '../rules/rule';"],
  ['policies/cli.ts', "import { ALL_RULES } from './rules';"],
  ['policies/cdktf/guard.ts', "import { ALL_RULES } from '../rules';"],
];

const LINT = `
const { ESLint } = require('eslint');
const eslint = new ESLint({ cwd: process.cwd() });
(async () => {
  const out = {};
  for (const [file, line] of JSON.parse(process.argv[1])) {
    const [result] = await eslint.lintText(line + '\\nexport {};\\n', { filePath: require('path').resolve(file) });
    out[file + ' ' + line] = result.messages
      .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
      .map((m) => m.message);
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

const GIVEN = 'The engine is given its rules (CheckOptions.rules); it must not import rule files.';
const TYPES = 'The engine imports the rule API as types only (import type).';
const specifier = (line: string) => /'([^']+)'/.exec(line)![1];

test.each(CASES.slice(0, 4))('%s may not `%s`', (file, line) => {
  expect(messages[`${file} ${line}`]).toEqual([
    `'${specifier(line)}' import is restricted from being used by a pattern. ${GIVEN}`,
  ]);
});

test('the engine may not import the rule API at run time', () => {
  const [file, line] = CASES[4];
  expect(messages[`${file} ${line}`]).toEqual([
    `'../rules/rule' import is restricted from being used by a pattern. ${TYPES}`,
  ]);
});

test.each(CASES.slice(5))('%s may `%s`', (file, line) => {
  expect(messages[`${file} ${line}`]).toEqual([]);
});
