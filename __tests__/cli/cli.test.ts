import { spawnSync } from 'node:child_process';
import { ALL_RULES } from '../../policies/rules';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../policies/cli';
import { REPORTERS } from '../../policies/reporters';
import { TODAY } from '../helpers/today';

const dir = mkdtempSync(join(tmpdir(), 'cli-'));

function write(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** A minimal `terraform show -json` plan creating one storage account. */
function planWithStorage(location: unknown, afterUnknown: Record<string, unknown> = {}) {
  const values = { name: 'stpatientdata', location, account_replication_type: 'ZRS' };
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: {
      root_module: {
        resources: [
          {
            address: 'azurerm_storage_account.patients',
            mode: 'managed',
            type: 'azurerm_storage_account',
            name: 'patients',
            provider_name: 'registry.terraform.io/hashicorp/azurerm',
            values,
          },
        ],
      },
    },
    resource_changes: [
      {
        address: 'azurerm_storage_account.patients',
        mode: 'managed',
        type: 'azurerm_storage_account',
        name: 'patients',
        provider_name: 'registry.terraform.io/hashicorp/azurerm',
        change: { actions: ['create'], before: null, after: values, after_unknown: afterUnknown },
      },
    ],
  };
}

const findingsOf = (stdout: string) =>
  (JSON.parse(stdout).findings as { ruleId: string; address: string; suppressed: boolean }[]).map((f) => [
    f.ruleId,
    f.address,
    f.suppressed,
  ]);

describe('norway-policy check', () => {
  test('a plan with a westeurope storage account exits 1 and lists RES-001 at that address', () => {
    const { code, stdout, stderr } = run(
      'check',
      write('westeurope.json', planWithStorage('westeurope')),
      '--format',
      'json',
    );
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const report = JSON.parse(stdout);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'RES-001',
        severity: 'error',
        address: 'azurerm_storage_account.patients',
        suppressed: false,
      }),
    );
    expect(report.summary).toEqual(expect.objectContaining({ resources: 1 }));
    expect(report.summary.errors).toBeGreaterThanOrEqual(1);
  });

  test('a location unknown at plan time is a finding, not a pass', () => {
    const plan = planWithStorage(undefined, { location: true });
    const { code, stdout } = run('check', write('unknown.json', plan), '--format', 'json');
    expect(code).toBe(1);
    const finding = JSON.parse(stdout).findings.find((f: { ruleId: string }) => f.ruleId === 'RES-001');
    expect(finding.address).toBe('azurerm_storage_account.patients');
    expect(finding.message).toContain('cannot be verified before apply');
  });

  test('a Norway East plan has no RES-001 finding', () => {
    const { stdout } = run('check', write('norway.json', planWithStorage('norwayeast')), '--format', 'json');
    expect(findingsOf(stdout).filter(([rule]) => rule === 'RES-001')).toEqual([]);
  });

  test('a truncated JSON file exits 2 with one line naming file, line and column', () => {
    const file = write('truncated.json', '{\n  "format_version": "1.2",\n  "planned_values": {');
    const { code, stdout, stderr } = run('check', file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.startsWith(`norway-policy: ${file}: malformed JSON at line 3, column 22: `)).toBe(true);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  test.each([
    [['check'], /missing required argument 'paths'/],
    [['check', 'x.json', '--format', 'pdf'], /Allowed choices are text, json/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['check', 'x.json', '--today', 'tomorrow'], /--today tomorrow is not a date/],
    [['check', 'x.json', '--home-tenant', 'contoso'], /--home-tenant contoso is not a GUID/],
    [
      ['check', 'x.json', '--approved-range', 'office'],
      /--approved-range office is not an IPv4 address or CIDR range/,
    ],
    [['check', 'x.json', '--home-principal', 'bob'], /--home-principal bob is not a GUID/],
  ])('usage error %j exits 2 with one line', (argv, message) => {
    const { code, stderr } = run(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  test('a missing input exits 2 naming the path', () => {
    const { code, stderr } = run('check', join(dir, 'nope.json'));
    expect(code).toBe(2);
    expect(stderr).toBe(`norway-policy: ${join(dir, 'nope.json')}: no such file or directory\n`);
  });

  describe('suppression files', () => {
    const plan = () => write('sup-plan.json', planWithStorage('westeurope'));

    test('a valid entry suppresses the matching finding and keeps it in the report', () => {
      const policy = write(
        'ok.yaml',
        'suppressions:\n  - ruleId: RES-001\n    address: azurerm_storage_account.*\n    reason: Migration copy approved by the DPO\n    expires: "2026-12-31"\n',
      );
      const { stdout } = run('check', plan(), '--suppressions', policy, '--format', 'json', '--today', TODAY);
      expect(findingsOf(stdout)).toContainEqual(['RES-001', 'azurerm_storage_account.patients', true]);
      const suppressed = JSON.parse(stdout).findings.find((f: { ruleId: string }) => f.ruleId === 'RES-001');
      expect(suppressed.suppression).toEqual({
        reason: 'Migration copy approved by the DPO',
        expires: '2026-12-31',
        declaredAt: `${policy} suppressions[0]`,
      });
    });

    test.each([
      [
        'unknown rule',
        { ruleId: 'RES-123', reason: 'Migration copy approved by the DPO', expires: '2026-12-31' },
        'names unknown rule RES-123',
      ],
      [
        'expired',
        { ruleId: 'RES-001', reason: 'Migration copy approved by the DPO', expires: '2026-01-01' },
        'expired on 2026-01-01',
      ],
      [
        'short reason',
        { ruleId: 'RES-001', reason: 'ok', expires: '2026-12-31' },
        'has a reason of 2 characters',
      ],
      ['no expiry', { ruleId: 'RES-001', reason: 'Migration copy approved by the DPO' }, 'has no expiry'],
    ])('%s: TFS-003 finding, exit 1, and the finding stays unsuppressed', (_name, entry, problem) => {
      const policy = write(`bad-${_name.replace(/ /g, '-')}.json`, {
        suppressions: [{ address: 'azurerm_storage_account.patients', ...entry }],
      });
      const { code, stdout } = run(
        'check',
        plan(),
        '--suppressions',
        policy,
        '--format',
        'json',
        '--today',
        TODAY,
      );
      expect(code).toBe(1);
      const report = JSON.parse(stdout);
      const tfs = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'TFS-003');
      expect(tfs).toHaveLength(1);
      expect(tfs[0].message).toContain(problem);
      expect(tfs[0].message).toContain(`${policy} suppressions[0]`);
      expect(findingsOf(stdout)).toContainEqual(['RES-001', 'azurerm_storage_account.patients', false]);
    });

    test('wrong types make the file unusable: exit 2 naming file and entry', () => {
      const policy = write('types.json', {
        suppressions: [{ ruleId: 7, address: 'x', reason: 'long enough reason', expires: '2026-12-31' }],
      });
      const { code, stderr } = run('check', plan(), '--suppressions', policy);
      expect(code).toBe(2);
      expect(stderr).toMatch(
        new RegExp(
          `^norway-policy: ${policy.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: suppressions\\[0\\]\\.ruleId: `,
        ),
      );
      expect(stderr.trim().split('\n')).toHaveLength(1);
    });
  });

  test('the installed bin runs the compiled CLI without TypeScript', () => {
    const result = spawnSync(
      process.execPath,
      ['bin/norway-policy.js', 'check', write('bin.json', planWithStorage('westeurope')), '--format', 'json'],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(1);
    expect(findingsOf(result.stdout)).toContainEqual(['RES-001', 'azurerm_storage_account.patients', false]);
  });

  test('a reader that closes the pipe early gets no stack trace', () => {
    const big = write('big-plan.json', planWithStorage('westeurope'));
    const result = spawnSync(
      'bash',
      [
        '-c',
        `node bin/norway-policy.js check ${big} --format json | head -c 10 > /dev/null; node bin/norway-policy.js rules | head -1`,
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('RES-001  error    Every resource with a location is in Norway\n');
  });
});

describe('norway-policy rules, stacks, --output and rule links', () => {
  const TWO_STACKS = join(__dirname, '..', 'fixtures', 'cdktf', 'two-stacks');

  test('rules lists every rule, one line each: id, severity padded to 7, title', () => {
    const { code, stdout } = run('rules');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(ALL_RULES.length);
    expect(lines[0]).toBe('RES-001  error    Every resource with a location is in Norway');
    expect(lines).toContain(
      'RES-007  warning  Resources in Norway West carry a disaster-recovery approval tag',
    );
  });

  test('stacks prints the stacks, the deployable ones and the waves as JSON', () => {
    const { code, stdout } = run('stacks', TWO_STACKS);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      stacks: expect.any(Array),
      deployable: ['platform', 'workload-records'],
      waves: [['platform'], ['workload-records']],
    });
  });

  test('stacks --github-output without --max-waves prints one line per wave', () => {
    expect(run('stacks', TWO_STACKS, '--github-output').stdout).toBe(
      'stacks=["platform","workload-records"]\nwave-count=2\nwave-1=["platform"]\nwave-2=["workload-records"]\n',
    );
  });

  test('stacks with exactly as many waves as the workflow runs is fine', () => {
    const { code, stdout, stderr } = run('stacks', TWO_STACKS, '--github-output', '--max-waves', '2');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      'stacks=["platform","workload-records"]\nwave-count=2\nwave-1=["platform"]\nwave-2=["workload-records"]\n',
    );
  });

  test('stacks with more waves than the workflow runs: exit 2 with the numbers and the fix', () => {
    const { code, stdout, stderr } = run('stacks', TWO_STACKS, '--max-waves', '1');
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(
      'norway-policy: the stacks need 2 deployment waves; the workflow runs at most 1. Add wave jobs to the workflow.\n',
    );
  });

  test('--output writes the report; only non-text formats say so on stderr', () => {
    const out = mkdtempSync(join(tmpdir(), 'cli-out-'));
    const plan = write('out-norway.json', planWithStorage('norwayeast'));
    const text = run('check', plan, '--output', join(out, 'report.txt'));
    expect(text.stdout).toBe('');
    expect(text.stderr).toBe('');
    expect(readFileSync(join(out, 'report.txt'), 'utf8')).toContain('azurerm_storage_account.patients');
    const json = run('check', plan, '--format', 'json', '--output', join(out, 'report.json'));
    expect(json.stderr).toBe(`norway-policy: report written to ${join(out, 'report.json')}\n`);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).summary.resources).toBe(1);
  });

  test('an --output that cannot be written exits 2 with the system error, no stack trace', () => {
    const plan = write('out-dir.json', planWithStorage('norwayeast'));
    const { code, stdout, stderr } = run('check', plan, '--output', dir);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(`norway-policy: EISDIR: illegal operation on a directory, open '${dir}'\n`);
  });

  test('in GitHub Actions, rule links point at RULES.md in the commit being checked', () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_REPOSITORY: 'hospital/iac',
      GITHUB_SHA: 'abc123',
    });
    try {
      const { stdout } = run('check', write('gh.json', planWithStorage('westeurope')), '--format', 'sarif');
      const rules = JSON.parse(stdout).runs[0].tool.driver.rules as { id: string; helpUri: string }[];
      expect(rules.find((r) => r.id === 'RES-001')?.helpUri).toBe(
        'https://github.example/hospital/iac/blob/abc123/RULES.md#res-001',
      );
      delete process.env.GITHUB_SHA;
      const without = JSON.parse(
        run('check', write('gh2.json', planWithStorage('westeurope')), '--format', 'sarif').stdout,
      );
      expect(without.runs[0].tool.driver.rules[0].helpUri).toBeUndefined();
      // All three are needed: a commit without a server is no link either.
      process.env.GITHUB_SHA = 'abc123';
      delete process.env.GITHUB_SERVER_URL;
      const noServer = JSON.parse(
        run('check', write('gh3.json', planWithStorage('westeurope')), '--format', 'sarif').stdout,
      );
      expect(noServer.runs[0].tool.driver.rules[0].helpUri).toBeUndefined();
    } finally {
      process.env = saved;
    }
  });

  test('--help exits 0 and describes the tool and its commands', () => {
    const { code, stdout: raw } = run('--help');
    // Commander wraps descriptions to the terminal width.
    const stdout = raw.replace(/\s+/g, ' ');
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Residency and security policy checks for Azure Terraform that must stay in Norway.',
    );
    expect(stdout).toMatch(
      /check \[options\] <paths\.\.\.>\s+check cdktf\.out directories, stack directories, cdk\.tf\.json files, plan and state JSON files, and \.tf directories/,
    );
    expect(stdout).toMatch(
      /stacks \[options\] <dir>\s+list the stacks of a cdktf\.out with their deployment waves \(JSON\), for CI matrices/,
    );
    expect(stdout).toMatch(/rules\s+list the rules with their ids, severities and titles/);
  });

  test('no arguments: the usage on stderr, exit 2, no internal code', () => {
    const { code, stdout, stderr } = run();
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/^Usage: norway-policy \[options\] \[command\]\n/);
    expect(stderr).toMatch(/check \[options\] <paths\.\.\.>/);
    expect(stderr).not.toContain('outputHelp');
    expect(stderr).not.toMatch(/\(\w+\)\. See/);
  });

  test('an unknown command names it on one line, with the suggestion, and points at --help, exit 2', () => {
    const { code, stdout, stderr } = run('chek');
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(
      "norway-policy: unknown command 'chek' (Did you mean check?). See 'norway-policy --help'.\n",
    );
  });

  test('check --help and stacks --help name every option with its description', () => {
    const flat = (r: { stdout: string }) => r.stdout.replace(/\s+/g, ' ');
    const check = run('check', '--help');
    expect(check.code).toBe(0);
    for (const line of [
      /Arguments: paths inputs to check/,
      /-f, --format <format>\s+output format \(choices: "text", "json", /,
      /-o, --output <file>\s+write the report to a file instead of stdout/,
      /-s, --suppressions <file>\s+a policy file with suppressions \(YAML or JSON\); repeatable/,
      /--today <date>\s+judge suppression expiry against this date \(YYYY-MM-DD\) instead of today/,
      /--docs-url <url>\s+base URL of the repository files for rule help links/,
      /--source-root <dir>\s+directory SARIF file locations are relative to/,
      /-c, --context <path>\s+inputs that only resolve references \(the other stacks of the estate: cdktf\.out, plans, state JSON\); not reported on; repeatable/,
      /--home-tenant <id>\s+the Entra ID tenant every tenant id and authority must be \(policy setting homeTenantId\)/,
      /--approved-range <cidr>\s+one of the organisation's approved public ranges; repeatable/,
      /--home-principal <id>\s+an object id known to be a home-tenant identity; repeatable/,
      /--no-project-policy\s+do not read norway-policy\.yaml from the working directory/,
      /--color\s+colour the text format \(default: on a terminal, off in CI or when NO_COLOR is set\)/,
      /--no-color\s+never colour the text format/,
      /--max-bytes <n>\s+markdown: shorten the report to at most n bytes \(a PR comment takes 65536\)/,
      /--report-url <url>\s+markdown: where the full report is, linked from a shortened one/,
    ])
      expect(flat(check)).toMatch(line);
    const stacks = run('stacks', '--help');
    expect(flat(stacks)).toMatch(/Arguments: dir a cdktf\.out directory/);
    expect(flat(stacks)).toMatch(
      /--github-output\s+print `stacks=`, `wave-count=` and `wave-<n>=` lines for \$GITHUB_OUTPUT/,
    );
    expect(flat(stacks)).toMatch(
      /--max-waves <n>\s+fail when the stacks need more waves than the workflow has jobs for/,
    );
  });

  test('an unknown option: exit 2, the problem without commander\'s "error:" prefix, and where to look', () => {
    const { code, stdout, stderr } = run('check', 'x.json', '--bogus');
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe("norway-policy: unknown option '--bogus'. See 'norway-policy --help'.\n");
  });

  test('a failure outside any command (the output stream throws) exits 2 with one line', () => {
    let stderr = '';
    const code = runCli(['rules'], {
      stdout: () => {
        throw new Error('stream closed');
      },
      stderr: (t) => (stderr += t),
    });
    expect(code).toBe(2);
    expect(stderr).toBe('norway-policy: unexpected failure: stream closed\n');
  });

  test('an internal error while checking counts as a failure, never a pass', () => {
    const plan = write('internal.json', planWithStorage('norwayeast'));
    const spy = jest.spyOn(REPORTERS, 'json').mockImplementation(() => {
      throw new Error('reporter broke');
    });
    try {
      const { code, stdout, stderr } = run('check', plan, '--format', 'json');
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toBe(
        'norway-policy: internal error (reporter broke); the input was not checked, so this counts as a failure.\n',
      );
    } finally {
      spy.mockRestore();
    }
  });

  test('a report on stdout says nothing on stderr, whatever the format', () => {
    const plan = write('stdout-json.json', planWithStorage('norwayeast'));
    const { code, stderr, stdout } = run('check', plan, '--format', 'json');
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout).summary.resources).toBe(1);
  });
});

describe('access settings', () => {
  const HOME = '5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13';
  const vault = () =>
    write('vault.tf.json', {
      resource: { azurerm_key_vault: { kv: { name: 'kv', location: 'norwayeast', tenant_id: HOME } } },
    });
  const acc002 = (stdout: string) => findingsOf(stdout).filter(([id]) => id === 'ACC-002');

  test('without a home tenant, a tenant id is a finding (fail closed)', () => {
    const { stdout } = run('check', vault(), '--no-project-policy', '--format', 'json');
    expect(acc002(stdout)).toEqual([['ACC-002', 'azurerm_key_vault.kv', false]]);
  });

  test('--home-tenant, a policy file and the project norway-policy.yaml each supply it', () => {
    expect(
      acc002(run('check', vault(), '--no-project-policy', '--home-tenant', HOME, '--format', 'json').stdout),
    ).toEqual([]);
    const policy = write('settings.yaml', `settings:\n  homeTenantId: ${HOME}\n`);
    expect(
      acc002(run('check', vault(), '--no-project-policy', '-s', policy, '--format', 'json').stdout),
    ).toEqual([]);
    // jest runs in the repository root, where norway-policy.yaml names the default configuration's tenant.
    expect(acc002(run('check', vault(), '--format', 'json').stdout)).toEqual([]);
  });

  test('two home tenants are refused', () => {
    const other = write('other.yaml', 'settings:\n  homeTenantId: 11111111-2222-4333-8444-555555555555\n');
    const { code, stderr } = run('check', vault(), '-s', other);
    expect(code).toBe(2);
    expect(stderr).toMatch(/two home tenants are configured/);
  });

  test('a past --today outside tests is ignored, and the CLI says so', () => {
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      const { stderr } = run('check', vault(), '--today', '2020-01-01', '--format', 'json');
      expect(stderr).toMatch(
        /--today 2020-01-01 is in the past; suppression expiry is judged against \d{4}-\d{2}-\d{2}\./,
      );
    } finally {
      process.env.NODE_ENV = saved;
    }
  });
});
