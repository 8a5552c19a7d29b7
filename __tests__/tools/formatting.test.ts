/**
 * Prettier is enforced (`npm test` runs `prettier --check .`): with the project's configuration an
 * unformatted TypeScript file fails the check and a formatted one passes, and `.prettierignore` leaves
 * every source folder checked. Through Prettier's Node API, in a child process (Prettier loads its
 * plugins with dynamic `import()`, which jest's module runtime does not provide).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

const UNFORMATTED = `import {a,b} from "./x"
export const f = (x:number)=>{ return x+a+b }
`;
const FORMATTED = `import { a, b } from './x';
export const f = (x: number) => {
  return x + a + b;
};
`;
// Longer than 80 columns, shorter than the project's 110: formatted only under the project's printWidth.
const WIDE = `export const message = ['one argument', 'another argument', 'a third argument', 'and a fourth'];
`;

const SOURCE_FILES = [
  'main.ts',
  'bench/run.ts',
  'bin/norway-policy.js',
  'constructs/network/hub-egress.ts',
  'policies/engine/engine.ts',
  'policies/reporters/markdown.ts',
  'scripts/generate-rules-md.ts',
  'stacks/platform-app.ts',
  'tools/config/stryker.scope.conf.js',
  'jest.config.js',
  '__tests__/tools/formatting.test.ts',
  'eslint.config.mjs',
  'package.json',
  'tsconfig.json',
  'README.md',
  'RULES.md',
  'docs/performance.md',
  'config/default.yaml',
];

const PRETTIER = `
const prettier = require('prettier');
const path = require('path');
(async () => {
  const { texts, files } = JSON.parse(process.argv[1]);
  const filepath = path.resolve('policies/example.ts');
  const options = { ...(await prettier.resolveConfig(filepath)), filepath };
  const checked = {};
  for (const [name, text] of Object.entries(texts)) checked[name] = await prettier.check(text, options);
  const ignored = {};
  for (const file of files)
    ignored[file] = (await prettier.getFileInfo(path.resolve(file), { ignorePath: '.prettierignore' })).ignored;
  process.stdout.write(JSON.stringify({ options, checked, ignored }));
})();
`;

let result: {
  options: Record<string, unknown>;
  checked: Record<string, boolean>;
  ignored: Record<string, boolean>;
};
beforeAll(() => {
  const input = { texts: { UNFORMATTED, FORMATTED, WIDE }, files: SOURCE_FILES };
  const child = spawnSync(process.execPath, ['-e', PRETTIER, JSON.stringify(input)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`prettier failed: ${child.stderr}`);
  result = JSON.parse(child.stdout) as typeof result;
});

test('npm test runs prettier --check over the whole project', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  expect(pkg.scripts['format:check']).toBe('prettier --check --cache .');
  expect(pkg.scripts.test).toBe('npm run checks && jest');
  expect(pkg.scripts.checks).toBe('node scripts/static-checks.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect(require('../../scripts/static-checks.js').CHECKS).toEqual(['typecheck', 'lint', 'format:check']);
});

test('the side-by-side checks fail when one check fails, and say which', () => {
  const child = spawnSync(process.execPath, ['scripts/static-checks.js', 'no-such-check'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(child.status).not.toBe(0);
  expect(child.stderr).toContain('checks: npm run no-such-check failed');
});

test("the project's configuration is the one resolved", () => {
  expect(result.options).toMatchObject({ printWidth: 110, singleQuote: true, trailingComma: 'all' });
});

test('an unformatted TypeScript file fails the check', () => {
  expect(result.checked.UNFORMATTED).toBe(false);
});

test('a formatted one passes, at the project width', () => {
  expect(result.checked.FORMATTED).toBe(true);
  expect(result.checked.WIDE).toBe(true);
});

test.each(SOURCE_FILES)('.prettierignore does not ignore %s', (file) => {
  expect(result.ignored[file]).toBe(false);
});

test('.prettierignore ignores only build output, dependencies, fixtures and the generated catalogue', () => {
  const lines = readFileSync(path.join(ROOT, '.prettierignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  expect(lines).toEqual([
    'node_modules',
    'dist',
    'cdktf.out',
    'package-lock.json',
    '__tests__/fixtures',
    'policies/azure/catalogue.generated.json',
  ]);
});
