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
  test('the three workflows exist', () => {
    expect(FILES).toEqual(['deploy-stack.yml', 'deploy.yml', 'pull-request.yml']);
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
    expect(credentialed).toEqual(['deploy-stack.yml:deploy', 'pull-request.yml:plan']);
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
    expect(script).toContain('node bin/norway-policy.js check "$plan" --format sarif');
    expect(JSON.stringify(plan)).not.toMatch(/secrets\.|client-secret/);
  });

  test('main: waves run in order behind one approval on the production environment', () => {
    const wf = load('deploy.yml');
    expect(wf.on.push.branches).toEqual(['main']);
    expect(wf.concurrency).toEqual({ group: 'deploy-main', 'cancel-in-progress': false });
    expect(wf.jobs.approve.environment).toBe('production');
    expect(wf.jobs['wave-1'].needs).toEqual(['synth', 'approve']);
    for (const n of [2, 3, 4]) expect(wf.jobs[`wave-${n}`].needs).toEqual(['synth', `wave-${n - 1}`]);
    for (const n of [1, 2, 3, 4]) {
      const job = wf.jobs[`wave-${n}`];
      expect(job.uses).toBe('./.github/workflows/deploy-stack.yml');
      expect(job.strategy.matrix.stack).toBe(`\${{ fromJSON(needs.synth.outputs.wave-${n}) }}`);
      expect(job.permissions['id-token']).toBe('write');
    }
    expect(wf.jobs.synth.steps.find((s: Yaml) => s.id === 'waves').run).toContain('--max-waves 4');
  });

  test('one stack: plan, check the plan, apply exactly that plan', () => {
    const job = load('deploy-stack.yml').jobs.deploy;
    expect(job.environment).toBe('production-apply');
    const runs: string[] = job.steps.map((s: Yaml) => s.run ?? '');
    const plan = runs.findIndex((r) => r.includes('terraform plan -input=false -out=plan.bin'));
    const check = runs.findIndex((r) => r.includes('norway-policy.js check "$plan"'));
    const apply = runs.findIndex((r) => r === 'terraform apply -input=false plan.bin');
    expect(plan).toBeGreaterThan(-1);
    expect(check).toBeGreaterThan(plan);
    expect(apply).toBeGreaterThan(check);
  });
});
