/** The output formats the CLI offers. Every format's output passes through the analysis's secret mask. */
import type { Analysis } from '../analysis/analysis';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import type { ReportOptions, Reporter } from './options';
import { formatSarif } from './sarif';
import { formatText } from './text';

export type { ReportOptions, Reporter } from './options';

const masked = (format: Reporter): Reporter => {
  return (analysis: Analysis, options?: ReportOptions) => analysis.maskText(format(analysis, options));
};

export const REPORTERS: Readonly<Record<string, Reporter>> = {
  text: masked(formatText),
  json: masked(formatJson),
  markdown: masked(formatMarkdown),
  sarif: masked(formatSarif),
  junit: masked(formatJunit),
};
