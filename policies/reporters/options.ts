/** Options every reporter accepts. Reporters only format: anything they need from outside comes through here. */
import type { Analysis } from '../analysis/analysis';
import { ruleHelpUri, RULES_DOC } from '../rules/docs';

export interface ReportOptions {
  /**
   * Absolute URL of the repository's files, ending in `/`, e.g. `https://github.com/org/repo/blob/<sha>/`.
   * Rule help links (SARIF `helpUri`, Markdown links) point at `RULES.md` under it; without it, links are left out.
   */
  readonly docsBaseUrl?: string;
  /** Directory that file locations are made relative to (SARIF); default: the working directory. */
  readonly sourceRoot?: string;
  /** ANSI colour in the text format (the CLI turns it on for a terminal, off in CI and when piped). @default false */
  readonly color?: boolean;
  /**
   * Size budget of the Markdown format in UTF-8 bytes (a pull-request comment takes 65,536 characters):
   * sections are kept from the top, the first that does not fit is cut with a count of what was left out.
   * @default - no limit
   */
  readonly maxBytes?: number;
  /** Where the full report is (e.g. the workflow artifact's URL), linked from a shortened report. @default - none */
  readonly reportUrl?: string;
}

/** A format: the analysed result in, text out. */
export type Reporter = (analysis: Analysis, options?: ReportOptions) => string;

/** The absolute help URL of a rule, when a base URL is known. */
export function ruleHelpUrl(ruleId: string, options: ReportOptions): string | undefined {
  return options.docsBaseUrl ? `${withSlash(options.docsBaseUrl)}${ruleHelpUri(ruleId)}` : undefined;
}

/** The absolute URL of the rule catalogue. */
export function rulesDocUrl(docsBaseUrl: string): string {
  return `${withSlash(docsBaseUrl)}${RULES_DOC}`;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
