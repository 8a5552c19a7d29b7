import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';

const DIR = join(__dirname, '..', '..', '.github', 'workflows');
const FILES = readdirSync(DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Yaml = any;
const load = (file: string): Yaml => parse(readFileSync(join(DIR, file), 'utf8'));

describe('GitHub Actions workflows', () => {
  test('the four workflows exist', () => {
    expect(FILES).toEqual(['deploy-stack.yml', 'deploy.yml', 'drift.yml', 'pull-request.yml']);
  });

  test.each(FILES)('%s validates against the workflow schema with no errors', (file) => {
    const state = validateWorkflow(readFileSync(join(DIR, file), 'utf8'));
    expect(state.errors).toEqual([]);
  });

  test('every job that can obtain Azure credentials runs on a self-hosted runner in Norway', () => {
    const credentialed: string[] = [];
    for (const file of FILES) {
      const wf = load(file);
      for (const [name, job] of Object.entries<Yaml>(wf.jobs)) {
        if (job.uses) continue; // a call of a reusable workflow; that workflow's own jobs are checked
        const idToken = (job.permissions ?? wf.permissions ?? {})['id-token'];
        if (idToken !== 'write') continue;
        credentialed.push(`${file}:${name}`);
        expect([file, name, job['runs-on']]).toEqual([file, name, ['self-hosted', 'linux', 'norway']]);
      }
    }
    expect(credentialed).toEqual(['deploy-stack.yml:deploy', 'drift.yml:drift', 'pull-request.yml:plan']);
  });

  test('every third-party action is pinned to a full commit SHA, with its version in a comment', () => {
    // A tag can be moved by whoever controls the action's repository; a deploy job with Azure
    // credentials would then run their code. A commit SHA cannot be moved.
    const unpinned: string[] = [];
    for (const file of FILES) {
      for (const line of readFileSync(join(DIR, file), 'utf8').split('\n')) {
        const uses = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line);
        if (!uses || uses[1].startsWith('./')) continue;
        if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(uses[1]) || !/^\s+# v\d+\.\d+\.\d+$/.test(uses[2]))
          unpinned.push(`${file}: ${line.trim()}`);
      }
    }
    expect(unpinned).toEqual([]);
  });

  test('the validator does reject a broken workflow (so a pass means something)', () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n    timeout-minutes: soon\n';
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  test('pull request: install, test, synth, policy check with SARIF upload and an updated comment', () => {
    const wf = load('pull-request.yml');
    expect(Object.keys(wf.on)).toEqual(['pull_request']);
    const steps: Yaml[] = wf.jobs.check.steps;
    const runs = steps.map((s) => s.run ?? s.uses);
    expect(runs).toEqual(expect.arrayContaining(['npm ci', 'npm test', 'npm run synth']));
    expect(runs.indexOf('npm ci')).toBeLessThan(runs.indexOf('npm test'));
    expect(runs.indexOf('npm test')).toBeLessThan(runs.indexOf('npm run synth'));
    expect(
      steps.find(
        (s) => s.uses === 'github/codeql-action/upload-sarif@ff0a06e83cb2de871e5a09832bc6a81e7276941f',
      ).with.sarif_file,
    ).toBe('reports/synth.sarif');
    const comment = steps.find(
      (s) => s.uses === 'actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea',
    );
    expect(comment.env.MARKER).toBe('<!-- norway-policy-report -->');
    expect(comment.with.script).toContain('updateComment');
    expect(wf.jobs.check.permissions).toEqual({
      contents: 'read',
      'security-events': 'write',
      'pull-requests': 'write',
    });
  });

  test('pull request: a plan job per stack logs in with OIDC, plans, converts with terraform show -json and checks the plan', () => {
    const plan = load('pull-request.yml').jobs.plan;
    expect(plan.needs).toBe('check');
    expect(plan.strategy.matrix.stack).toBe('${{ fromJSON(needs.check.outputs.stacks) }}');
    expect(plan.permissions['id-token']).toBe('write');
    const steps: Yaml[] = plan.steps;
    expect(steps.find((s) => s.uses === 'azure/login@a457da9ea143d694b1b9c7c869ebb04ebe844ef5').with).toEqual(
      {
        'client-id': '${{ vars.AZURE_PLAN_CLIENT_ID }}',
        'tenant-id': '${{ vars.AZURE_TENANT_ID }}',
        'subscription-id': '${{ vars.AZURE_SUBSCRIPTION_ID }}',
      },
    );
    const script = steps.map((s) => s.run ?? '').join('\n');
    expect(script).toContain('terraform plan -input=false -lock=false -out=plan.bin');
    expect(script).toContain('terraform show -json plan.bin > plan.json');
    expect(script).toContain('node bin/norway-policy.js check "$plan" --context cdktf.out --format sarif');
    expect(JSON.stringify(plan)).not.toMatch(/secrets\.|client-secret/);
  });

  test('main: every dev wave before the production approval, every prod wave after it', () => {
    const wf = load('deploy.yml');
    expect(wf.on.push.branches).toEqual(['main']);
    expect(wf.concurrency).toEqual({ group: 'deploy-main', 'cancel-in-progress': false });
    const jobs: Record<string, Yaml> = wf.jobs;
    const needs = (name: string): string[] => [jobs[name].needs ?? []].flat();
    const ancestors = (name: string): Set<string> => {
      const seen = new Set<string>();
      const walk = (n: string) => needs(n).forEach((p) => !seen.has(p) && (seen.add(p), walk(p)));
      walk(name);
      return seen;
    };
    const waves = (env: string) => Object.keys(jobs).filter((j) => j.startsWith(`${env}-wave-`));
    expect(waves('dev')).toEqual(['dev-wave-1', 'dev-wave-2', 'dev-wave-3', 'dev-wave-4']);
    expect(waves('prod')).toEqual(['prod-wave-1', 'prod-wave-2', 'prod-wave-3', 'prod-wave-4']);
    expect(jobs['approve-prod'].environment).toBe('prod-approval');
    for (const dev of waves('dev')) expect(ancestors('approve-prod')).toContain(dev);
    for (const prod of waves('prod')) {
      for (const dev of [...waves('dev'), 'approve-prod'])
        expect([prod, ancestors(prod).has(dev)]).toEqual([prod, true]);
    }
    for (const env of ['dev', 'prod']) {
      waves(env).forEach((name, i) => {
        const job = jobs[name];
        expect(job.uses).toBe('./.github/workflows/deploy-stack.yml');
        expect(job.with.environment).toBe(env);
        expect(job.strategy.matrix.stack).toBe(`\${{ fromJSON(needs.synth.outputs.${env}-wave-${i + 1}) }}`);
        expect(job.permissions['id-token']).toBe('write');
        // A skipped (empty) earlier wave lets this one run; a failed one stops it.
        expect(job.if).toContain('!failure() && !cancelled()');
      });
    }
    const waveStep = jobs.synth.steps.find((s: Yaml) => s.id === 'waves').run;
    expect(waveStep).toContain('--max-waves 4');
    expect(waveStep).toContain('node scripts/environment-waves.js cdktf.out dev,prod 4');
  });

  test('no matrix that applies (or calls the apply workflow) has fail-fast: true', () => {
    const applying: string[] = [];
    for (const file of FILES) {
      for (const [name, job] of Object.entries<Yaml>(load(file).jobs)) {
        const applies =
          job.uses === './.github/workflows/deploy-stack.yml' ||
          (job.steps ?? []).some((s: Yaml) => /terraform apply/.test(s.run ?? ''));
        if (!applies || !job.strategy) continue;
        applying.push(`${file}:${name}`);
        expect([file, name, job.strategy['fail-fast']]).toEqual([file, name, false]);
      }
    }
    expect(applying).toHaveLength(8);
  });

  test('every plan is checked with the synthesized estate as context', () => {
    const checks: string[] = [];
    for (const file of FILES) {
      for (const line of readFileSync(join(DIR, file), 'utf8').split('\n')) {
        if (!/norway-policy\.js check "\$plan"/.test(line)) continue;
        checks.push(file);
        expect([file, line.trim()]).toEqual([
          file,
          expect.stringContaining('check "$plan" --context cdktf.out '),
        ]);
      }
    }
    expect([...new Set(checks)].sort()).toEqual(['deploy-stack.yml', 'drift.yml', 'pull-request.yml']);
  });

  test('every comment or issue body is a report produced under a size budget that fits one comment', () => {
    const posted: string[] = [];
    for (const file of FILES) {
      const wf = load(file);
      for (const [name, job] of Object.entries<Yaml>(wf.jobs)) {
        const steps: Yaml[] = job.steps ?? [];
        for (const step of steps) {
          const script: string = step.with?.script ?? '';
          if (!/createComment|updateComment|issues\.create\(/.test(script)) continue;
          posted.push(`${file}:${name}`);
          // No slicing of Markdown in the script: the reporter shortens it whole.
          expect(script).not.toMatch(/\.slice\(/);
          const file_ = String(step.env.REPORT_FILE).replace(/\$\{\{ matrix\.stack \}\}/, '$STACK');
          const producer = steps
            .map((s) => String(s.run ?? ''))
            .flatMap((r) => r.split('\n'))
            .find(
              (l) =>
                (l.includes('--format markdown') && l.includes(`--output ${file_}`)) ||
                l.includes(`--output "${file_}"`),
            );
          expect([file, name, producer]).toEqual([file, name, expect.stringMatching(/--max-bytes (\d+)/)]);
          const budget = Number(/--max-bytes (\d+)/.exec(producer!)![1]);
          // Room for the marker and the few lines a script puts in front.
          expect(budget + 1_000).toBeLessThanOrEqual(65_536);
        }
      }
    }
    expect(posted).toEqual(['drift.yml:drift', 'pull-request.yml:check', 'pull-request.yml:plan']);
  });

  test('drift: nightly refresh-only plan per stack, checked, an issue on drift or findings', () => {
    const wf = load('drift.yml');
    expect(Object.keys(wf.on)).toEqual(['schedule', 'workflow_dispatch']);
    const job = wf.jobs.drift;
    expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write', issues: 'write' });
    expect(job.env.ARM_CLIENT_ID).toBe('${{ vars.AZURE_PLAN_CLIENT_ID }}');
    const runs = job.steps.map((s: Yaml) => s.run ?? '').join('\n');
    expect(runs).toContain(
      'terraform plan -refresh-only -input=false -lock=false -detailed-exitcode -out=drift.bin',
    );
    expect(runs).not.toMatch(/terraform apply/);
    const issue = job.steps.find((s: Yaml) => s.name === 'Open or update the drift issue');
    expect(issue.if).toBe("steps.refresh.outputs.drifted == 'true' || steps.policy.outputs.exit-code == '1'");
  });

  test('one stack: plan, check the plan, apply exactly that plan', () => {
    const job = load('deploy-stack.yml').jobs.deploy;
    expect(job.environment).toBe('${{ inputs.environment }}');
    const runs: string[] = job.steps.map((s: Yaml) => s.run ?? '');
    const plan = runs.findIndex((r) => r.includes('terraform plan -input=false -out=plan.bin'));
    const check = runs.findIndex((r) => r.includes('norway-policy.js check "$plan"'));
    const apply = runs.findIndex((r) => r === 'terraform apply -input=false plan.bin');
    expect(plan).toBeGreaterThan(-1);
    expect(check).toBeGreaterThan(plan);
    expect(apply).toBeGreaterThan(check);
  });
});
