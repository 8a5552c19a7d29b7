/**
 * SARIF 2.1.0 for GitHub code scanning. Every rule that ran is described in full (GitHub's ingestion
 * needs `fullDescription` and `help`); each result points at the file it came from (the synthesized
 * stack, the `.tf` file, the plan) with the Terraform address as its logical location; suppressed
 * findings are kept, with a SARIF suppression, because suppressed is not the same as passing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve as resolvePath, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Analysis } from '../analysis/analysis';
import type { Finding, Verdict } from '../engine/result';
import type { RuleMeta, Severity } from '../rules/rule';
import { ReportOptions, ruleHelpUrl, rulesDocUrl } from './options';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_NAME = 'norway-policy';
const SRCROOT = '%SRCROOT%';
/** GitHub's severity scale (0-10): errors block merging, so they rank high. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0' };
const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning' };

export function formatSarif(analysis: Analysis, options: ReportOptions = {}): string {
  const report = analysis.result;
  const root = resolvePath(options.sourceRoot ?? process.cwd());
  const rules = [...report.rules].sort((a, b) => a.id.localeCompare(b.id));
  const extraRuleIds = [...new Set(report.findings.map((f) => f.ruleId))]
    .filter((id) => !rules.some((r) => r.id === id))
    .sort();
  const descriptors = [
    ...rules.map((r) => describeRule(r, options)),
    ...extraRuleIds.map((id) => describeUnknownRule(id, report)),
  ];
  const index = new Map(descriptors.map((d, i) => [d.id, i]));

  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            fullName: 'norway-policy: residency and security checks for Azure Terraform in Norway',
            semanticVersion: toolVersion(),
            ...(options.docsBaseUrl ? { informationUri: rulesDocUrl(options.docsBaseUrl) } : {}),
            rules: descriptors,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f) => result(f, index.get(f.ruleId)!, analysis.sourceLine(f), root)),
        properties: { checkedOn: report.checkedOn, summary: report.summary },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function describeRule(rule: RuleMeta, options: ReportOptions): Sarif.ReportingDescriptor {
  const helpUri = ruleHelpUrl(rule.id, options);
  const anchors = [
    ...(rule.anchors.mcsb ?? []).map((a) => `MCSB ${a}`),
    ...(rule.anchors.checkov ?? []),
    ...(rule.anchors.regulation ?? []),
  ];
  const types = rule.resourceTypes === 'all' ? 'all resource types' : rule.resourceTypes.join(', ');
  const helpText = `${rule.rationale}\n\nFix: ${rule.fix}\n\nApplies to: ${types}.${anchors.length > 0 ? `\nAnchors: ${anchors.join('; ')}.` : ''}`;
  const helpMarkdown =
    `**${rule.id}: ${rule.title}**\n\n${rule.rationale}\n\n**Fix:** ${rule.fix}\n\n**Applies to:** ${types}.` +
    (anchors.length > 0 ? `\n\n**Anchors:** ${anchors.join('; ')}.` : '') +
    (helpUri ? `\n\n[Rule documentation](${helpUri})` : '');
  return {
    id: rule.id,
    name: pascalCase(rule.title),
    shortDescription: { text: sentence(rule.title) },
    fullDescription: { text: sentence(rule.rationale) },
    help: { text: helpText, markdown: helpMarkdown },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['security', 'terraform', 'azure', ruleFamily(rule.id)],
      precision: 'high',
      'problem.severity': rule.severity === 'error' ? 'error' : 'warning',
      'security-severity': SECURITY_SEVERITY[rule.severity],
      ...(anchors.length > 0 ? { anchors } : {}),
    },
  };
}

/** A finding of a rule the report carries no metadata for (should not happen): still valid SARIF. */
function describeUnknownRule(id: string, report: Verdict): Sarif.ReportingDescriptor {
  const sample = report.findings.find((f) => f.ruleId === id)!;
  return {
    id,
    name: pascalCase(sample.title),
    shortDescription: { text: sentence(sample.title) },
    fullDescription: { text: sentence(sample.title) },
    help: { text: `Fix: ${sample.fix}`, markdown: `**Fix:** ${sample.fix}` },
    defaultConfiguration: { level: LEVEL[sample.severity] },
    properties: {
      tags: ['security', ruleFamily(id)],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[sample.severity],
    },
  };
}

function result(finding: Finding, ruleIndex: number, line: number | undefined, root: string): Sarif.Result {
  const generated: Sarif.PhysicalLocation = {
    artifactLocation: artifact(finding.file, root),
    ...(line !== undefined ? { region: { startLine: line } } : {}),
  };
  // Alerts land on the TypeScript that created the construct (a file in the pull request); the
  // generated JSON, gitignored, stays as a related location.
  const creation = finding.creation;
  const physical: Sarif.PhysicalLocation = creation
    ? { artifactLocation: artifact(creation.file, root), region: { startLine: creation.line } }
    : generated;
  const logical: Sarif.LogicalLocation[] = [
    { fullyQualifiedName: finding.address, kind: 'resource' },
    ...(finding.constructPath ? [{ fullyQualifiedName: finding.constructPath, kind: 'module' }] : []),
  ];
  const r: Sarif.Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: {
      text: sentence(
        `${finding.message}${finding.message.includes(finding.address) ? '' : ` (${finding.address})`}`,
      ),
    },
    locations: [{ physicalLocation: physical, logicalLocations: logical }],
    ...(creation
      ? {
          relatedLocations: [
            { id: 1, physicalLocation: generated, message: { text: 'Synthesized Terraform JSON' } },
          ],
        }
      : {}),
    partialFingerprints: { 'norwayPolicy/v1': fingerprint(finding) },
    properties: {
      address: finding.address,
      ...(finding.stack ? { stack: finding.stack } : {}),
      ...(finding.constructPath ? { constructPath: finding.constructPath } : {}),
      fix: finding.fix,
    },
  };
  if (finding.suppressed && finding.suppression) {
    const s = finding.suppression;
    r.suppressions = [
      {
        kind: s.declaredAt.startsWith('construct ') ? 'inSource' : 'external',
        status: 'accepted',
        justification: s.reason,
        properties: { expires: s.expires, declaredAt: s.declaredAt },
      },
    ];
  }
  return r;
}

/** A path relative to the source root when it lies inside it; otherwise an absolute file URI. */
function artifact(file: string, root: string): Sarif.ArtifactLocation {
  const absolute = isAbsolute(file) ? file : resolvePath(root, file);
  const rel = relative(root, absolute);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) {
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(absolute).href };
}

function fingerprint(f: Finding): string {
  return createHash('sha256')
    .update([f.ruleId, f.stack ?? '', f.file, f.address, f.message].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

function ruleFamily(id: string): string {
  return id.split('-')[0].toLowerCase();
}

function pascalCase(text: string): string {
  return text
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** SARIF asks messages to be sentences. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

let version: string | undefined;

/** The package version, read from the nearest package.json above this file (source or dist). */
function toolVersion(): string {
  if (version === undefined) {
    version = '0.0.0';
    for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
          name?: string;
          version?: string;
        };
        if (pkg.version) {
          version = pkg.version;
          break;
        }
      } catch {
        // not here; look further up
      }
    }
  }
  return version;
}
