/**
 * The ESLint import boundaries beyond the engine's (__tests__/engine/rule-boundary.test.ts): constructs
 * import neither the policy engine nor the stacks; reporters load no model code (types included) and take
 * the analysis and the engine as types only. Linted through ESLint's Node API with the project's config.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

const CONSTRUCT =
  'Constructs must not import policies/** or stacks/**: the stack adds suppressions and approvals (stacks/*-approval.ts).';
const MODEL = 'Reporters only format: they must not import policies/model/** (types included).';
const TYPES_ONLY =
  'Reporters import the analysis and the engine as types only (import type); pure helpers live in analysis/places.ts and analysis/changes.ts.';

// [file, import line, the rule's messages], linted as if that file held the line.
const FORBIDDEN: [string, string, string][] = [
  [
    'constructs/network/hub-egress.ts',
    "import { suppress } from '../../policies/cdktf/suppress';",
    CONSTRUCT,
  ],
  [
    'constructs/network/bastion.ts',
    "import type { Suppression } from '../../policies/cdktf/suppress';",
    CONSTRUCT,
  ],
  [
    'constructs/storage/storage-account.ts',
    "import { NORWAY_EAST } from '../../policies/azure/catalogue';",
    CONSTRUCT,
  ],
  ['constructs/network/hub-network.ts', "import { SUBNET } from '../../stacks/address-plan';", CONSTRUCT],
  ['policies/reporters/markdown.ts', "import type { TfModel } from '../model/types';", MODEL],
  ['policies/reporters/markdown.ts', "import { Resolver } from '../model/resolve';", MODEL],
  ['policies/reporters/sarif.ts', "import { isRecord } from '../model/values';", MODEL],
  [
    'policies/reporters/markdown.ts',
    "import { describePlace } from '../analysis/residency-map';",
    TYPES_ONLY,
  ],
  [
    'policies/reporters/markdown.ts',
    "import { CHANGE_ACTIONS } from '../analysis/plan-summary';",
    TYPES_ONLY,
  ],
  ['policies/reporters/json.ts', "import { analyse } from '../analysis/analysis';", TYPES_ONLY],
  ['policies/reporters/text.ts', "import { check } from '../engine/engine';", TYPES_ONLY],
];

const ALLOWED: [string, string][] = [
  ['constructs/network/hub-egress.ts', "import { NorwayRegion } from '../core/region';"],
  ['constructs/network/hub-egress.ts', "import { Construct } from 'constructs';"],
  ['stacks/egress-approval.ts', "import { suppress } from '../policies/cdktf/suppress';"],
  [
    'policies/reporters/markdown.ts',
    "import { describePlace, hasResidencyConcern } from '../analysis/places';",
  ],
  ['policies/reporters/markdown.ts', "import { CHANGE_ACTIONS } from '../analysis/changes';"],
  ['policies/reporters/markdown.ts', "import type { DataResidency } from '../analysis/residency-map';"],
  ['policies/reporters/json.ts', "import type { Analysis } from '../analysis/analysis';"],
  ['policies/reporters/text.ts', "import type { Finding } from '../engine/result';"],
  ['policies/reporters/options.ts', "import { ruleHelpUri } from '../rules/docs';"],
];

const LINT = `
const { ESLint } = require('eslint');
const eslint = new ESLint({ cwd: process.cwd() });
(async () => {
  const out = {};
  for (const [file, line] of JSON.parse(process.argv[1])) {
    const [result] = await eslint.lintText(line + '\\nexport {};\\n', { filePath: require('path').resolve(file) });
    out[file + ' ' + line] = result.messages
      .filter((m) => /no-restricted-imports$/.test(m.ruleId ?? '') || m.fatal)
      .map((m) => m.message);
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

let messages: Record<string, string[]>;
beforeAll(() => {
  const cases = [...FORBIDDEN.map(([file, line]) => [file, line]), ...ALLOWED];
  const child = spawnSync(process.execPath, ['-e', LINT, JSON.stringify(cases)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`eslint failed: ${child.stderr}`);
  messages = JSON.parse(child.stdout) as Record<string, string[]>;
});

const specifier = (line: string) => /'([^']+)'/.exec(line)![1];

test.each(FORBIDDEN)('%s may not `%s`', (file, line, message) => {
  expect(messages[`${file} ${line}`]).toEqual([
    `'${specifier(line)}' import is restricted from being used by a pattern. ${message}`,
  ]);
});

test.each(ALLOWED)('%s may `%s`', (file, line) => {
  expect(messages[`${file} ${line}`]).toEqual([]);
});
