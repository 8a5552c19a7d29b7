import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, runCli } from '../../policies/cli';
import { MARKDOWN_MARKER } from '../../policies/reporters/markdown';
import { PLAN_FILE, POLICY_FILE, SECRETS } from '../helpers/report-inputs';
import { TODAY } from '../helpers/today';
import { ESC, plain } from '../helpers/ansi';

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const CHECK = ['check', PLAN_FILE, '--today', TODAY, '-s', POLICY_FILE];

describe('norway-policy check --format', () => {
  test('offers markdown, sarif and junit next to text and json', () => {
    const { stdout } = run('check', '--help');
    expect(stdout.replace(/\s+/g, ' ')).toContain('choices: "text", "json", "markdown", "sarif", "junit"');
  });

  test('markdown to stdout, exit 1 for error findings', () => {
    const { code, stdout } = run(...CHECK, '--format', 'markdown');
    expect(code).toBe(EXIT_FINDINGS);
    expect(stdout.startsWith(`${MARKDOWN_MARKER}\n## ❌ Norway policy:`)).toBe(true);
    expect(stdout).toContain('**REPLACE** | `azurerm_storage_account.data`');
  });

  test('sarif to a file with rule links from --docs-url', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'norway-cli-')), 'out.sarif');
    const { code, stderr } = run(
      ...CHECK,
      '--format',
      'sarif',
      '--output',
      file,
      '--docs-url',
      'https://example.org/repo/blob/main',
    );
    expect(code).toBe(EXIT_FINDINGS);
    expect(stderr).toBe(`norway-policy: report written to ${file}\n`);
    const log = JSON.parse(readFileSync(file, 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'RES-004').helpUri).toBe(
      'https://example.org/repo/blob/main/RULES.md#res-004',
    );
  });

  test('junit to stdout masks secrets like every format', () => {
    const { stdout } = run(...CHECK, '--format', 'junit');
    expect(stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    for (const secret of Object.values(SECRETS)) expect(stdout).not.toContain(secret);
  });

  test('an unknown format is a usage error', () => {
    const { code, stderr } = run(...CHECK, '--format', 'html');
    expect(code).toBe(EXIT_UNUSABLE);
    expect(stderr).toContain("argument 'html' is invalid");
  });
});

describe('norway-policy stacks', () => {
  test('a directory that is not a cdktf.out is unusable input', () => {
    const { code, stderr } = run('stacks', mkdtempSync(join(tmpdir(), 'norway-empty-')));
    expect(code).toBe(EXIT_UNUSABLE);
    expect(stderr).toMatch(/manifest\.json/);
  });

  test('prints deployment waves for $GITHUB_OUTPUT', () => {
    const dir = mkdtempSync(join(tmpdir(), 'norway-out-'));
    const stack = (name: string, deps: string[]) => {
      mkdirSync(join(dir, 'stacks', name), { recursive: true });
      writeFileSync(
        join(dir, 'stacks', name, 'cdk.tf.json'),
        JSON.stringify({ terraform: { backend: { azurerm: { use_azuread_auth: true } } } }),
      );
      return [name, { name, synthesizedStackPath: `stacks/${name}/cdk.tf.json`, dependencies: deps }];
    };
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        version: '0.21.0',
        stacks: Object.fromEntries([stack('hub', []), stack('app', ['hub'])]),
      }),
    );
    const { code, stdout } = run('stacks', dir, '--github-output', '--max-waves', '3');
    expect(code).toBe(EXIT_OK);
    expect(stdout).toBe('stacks=["app","hub"]\nwave-count=2\nwave-1=["hub"]\nwave-2=["app"]\nwave-3=[]\n');
    expect(run('stacks', dir, '--max-waves', '1').code).toBe(EXIT_UNUSABLE);
  });
});

describe('norway-policy check: colour and the size of a markdown report', () => {
  test.each([
    ['a terminal outside CI', { isTTY: true, env: {} }, [], true],
    ['a terminal in CI', { isTTY: true, env: { CI: 'true' } }, [], false],
    ['a terminal with NO_COLOR', { isTTY: true, env: { NO_COLOR: '' } }, [], false],
    ['a terminal writing to a file', { isTTY: true, env: {} }, ['--output', '/dev/null'], false],
    ['a pipe', { isTTY: false, env: {} }, [], false],
    ['a pipe with --color', { isTTY: false, env: {} }, ['--color'], true],
    ['a terminal with --no-color', { isTTY: true, env: {} }, ['--no-color'], false],
  ])('on %s the text report is coloured accordingly', (_, io, flags, coloured) => {
    let stdout = '';
    runCli([...CHECK, ...(flags as string[])], {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
      ...io,
    });
    expect(stdout.includes(ESC)).toBe(coloured);
    if (!(flags as string[]).includes('--output')) expect(plain(stdout)).toMatch(/\n(PASS|FAIL): /);
  });

  test("without an environment of its own the CLI reads the process's (NO_COLOR here)", () => {
    const saved = process.env.NO_COLOR;
    process.env.NO_COLOR = '1';
    try {
      let stdout = '';
      runCli(CHECK, { stdout: (t) => (stdout += t), stderr: () => undefined, isTTY: true });
      expect(stdout.includes(ESC)).toBe(false);
      stdout = '';
      runCli(CHECK, { stdout: (t) => (stdout += t), stderr: () => undefined, isTTY: true, env: {} });
      expect(stdout.includes(ESC)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = saved;
    }
  });

  test('--max-bytes shortens the markdown report to that size', () => {
    const { code, stdout } = run(...CHECK, '--format', 'markdown', '--max-bytes', '1000');
    expect(code).toBe(EXIT_FINDINGS);
    expect(Buffer.byteLength(stdout)).toBeLessThanOrEqual(1000);
    expect(Buffer.byteLength(run(...CHECK, '--format', 'markdown').stdout)).toBeGreaterThan(1000);
  });

  test.each(['999', '1000.5', 'many'])('--max-bytes %s is a usage error', (value) => {
    const { code, stdout, stderr } = run(...CHECK, '--format', 'markdown', '--max-bytes', value);
    expect({ code, stdout }).toEqual({ code: EXIT_UNUSABLE, stdout: '' });
    expect(stderr).toBe(
      `norway-policy: option '--max-bytes <n>' argument '${value}' is invalid. expected a whole number of at least 1000, got ${JSON.stringify(value)}. See 'norway-policy --help'.\n`,
    );
  });

  test('valid approved ranges and home principals are taken, an invalid one after them is refused', () => {
    const GUID = '5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13';
    const ok = run(...CHECK, '--approved-range', '203.0.113.0/24', '--home-principal', GUID);
    expect(ok.code).toBe(EXIT_FINDINGS);
    expect(ok.stderr).not.toContain('is not');
    const range = run(...CHECK, '--approved-range', '203.0.113.0/24', '--approved-range', 'internet');
    expect(range).toMatchObject({
      code: EXIT_UNUSABLE,
      stderr: 'norway-policy: --approved-range internet is not an IPv4 address or CIDR range.\n',
    });
    const principal = run(...CHECK, '--home-principal', GUID, '--home-principal', 'admins');
    expect(principal).toMatchObject({
      code: EXIT_UNUSABLE,
      stderr: 'norway-policy: --home-principal admins is not a GUID.\n',
    });
  });
});
