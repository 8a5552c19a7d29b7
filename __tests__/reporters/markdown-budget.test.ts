/** The Markdown report under a size budget: it always fits one pull-request comment. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'cdktf';
import { checkModels } from '../../policies/engine/engine';
import { ALL_RULES } from '../../policies/rules';
import { loadCdktfOut } from '../../policies/model/load-cdktf-out';
import { fitToBudget, formatMarkdown, MARKDOWN_MARKER } from '../../policies/reporters/markdown';
import { loadConfig } from '../../stacks/config/load';
import { buildPlatform } from '../../stacks/platform-app';
import { planReport } from '../helpers/report-inputs';
import { analyse } from '../../policies/analysis/analysis';
import { TODAY } from '../helpers/today';

/** GitHub rejects an issue or pull-request comment over this many characters. */
const COMMENT_LIMIT = 65_536;
const URL = 'https://github.com/org/repo/actions/runs/1/artifacts/2';

describe('fitToBudget', () => {
  const blocks = [
    ['## verdict', 'summary line'],
    [
      '<details open><summary>Errors</summary>',
      '',
      '| a | b |',
      '|---|---|',
      ...Array.from({ length: 200 }, (_, i) => `| row ${i} | ${'x'.repeat(40)} |`),
    ],
    ['### later section', 'text'],
  ];

  test('keeps everything when it fits', () => {
    expect(fitToBudget(blocks, 1_000_000)).toEqual(blocks.flat());
  });

  test('cuts the first block that does not fit, closes what it opened, counts the rows left out and links the full report', () => {
    // WHEN
    const out = fitToBudget(blocks, 4_000, URL);
    const text = out.join('\n');
    // THEN
    expect(Buffer.byteLength(text) + 1).toBeLessThanOrEqual(4_000);
    expect(out.slice(0, 2)).toEqual(['## verdict', 'summary line']);
    expect(text).not.toContain('### later section');
    const shownRows = out.filter((l) => l.startsWith('| row ')).length;
    expect(shownRows).toBeGreaterThan(0);
    expect(text).toContain(`_… ${200 - shownRows} more table rows left out._`);
    expect(text.match(/<details/g)).toHaveLength(1);
    expect(text.match(/<\/details>/g)).toHaveLength(1);
    expect(out.at(-1)).toMatch(
      new RegExp(
        `2 of 3 sections cut or left out\\. See \\[the full report\\]\\(${URL.replace(/[/.]/g, '\\$&')}\\)\\.$`,
      ),
    );
  });

  test('without a URL, points at the run artifacts', () => {
    expect(fitToBudget(blocks, 4_000).at(-1)).toContain("the full report in the workflow run's artifacts");
  });
});

describe('formatMarkdown with maxBytes', () => {
  test('a small report is unchanged by the budget', () => {
    const report = planReport();
    expect(formatMarkdown(analyse(report), { maxBytes: 1_000_000 })).toBe(formatMarkdown(analyse(report)));
  });

  test('the report for a 30-trust region fits one comment, with verdict, findings and residency first', () => {
    // GIVEN the default configuration with 30 trusts (62 stacks), synthesized and checked as CI does
    const { config } = loadConfig({ env: {} });
    const trusts = Array.from({ length: 30 }, (_, i) => ({
      name: `trust-${String(i + 1).padStart(2, '0')}`,
      code: `t${String(i + 1).padStart(2, '0')}`,
      environments: {
        dev: { addressSpace: `10.0.${4 * (i + 1)}.0/22`, instances: 1, vmSize: 'Standard_D2s_v5' },
        prod: { addressSpace: `10.64.${4 * (i + 1)}.0/22`, instances: 2, vmSize: 'Standard_D2s_v5' },
      },
      apps: {},
    }));
    const outdir = mkdtempSync(join(tmpdir(), 'norway-30-trusts-'));
    const app = new App({ outdir, stackTraces: false });
    // The guard is not under test here: the CLI's check of cdktf.out below is.
    buildPlatform(app, { ...config, trusts }, { policy: { rules: [] } });
    app.synth();
    const report = checkModels(loadCdktfOut(outdir), { rules: ALL_RULES, today: TODAY });
    expect(report.inputs).toHaveLength(65);

    // WHEN it is formatted in full and within a comment's budget
    const full = formatMarkdown(analyse(report));
    const comment = formatMarkdown(analyse(report), { maxBytes: 60_000, reportUrl: URL });

    // THEN the full one would not fit; the bounded one does, and keeps what a reviewer reads first
    expect(full.length).toBeGreaterThan(COMMENT_LIMIT);
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(Buffer.byteLength(comment)).toBeLessThanOrEqual(60_000);
    expect(comment.startsWith(`${MARKDOWN_MARKER}\n## `)).toBe(true);
    expect(comment).toContain('**Data residency:**');
    expect(comment).toContain('### Findings');
    expect(comment).toContain(`See [the full report](${URL}).`);
  }, 60_000);
});
