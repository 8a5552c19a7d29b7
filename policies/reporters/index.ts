/** The output formats the CLI offers. Every format masks secret values (see `report/mask.ts`). */
import type { Report } from '../engine/report';
import { maskedReporter } from '../report/mask';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import type { ReportOptions, Reporter } from './options';
import { formatSarif } from './sarif';
import { formatText } from './text';

export type { ReportOptions, Reporter } from './options';

const masked = (format: Reporter): Reporter => {
  return (report: Report, options?: ReportOptions) => maskedReporter((r) => format(r, options))(report);
};

export const REPORTERS: Readonly<Record<string, Reporter>> = {
  text: masked(formatText),
  json: masked(formatJson),
  markdown: masked(formatMarkdown),
  sarif: masked(formatSarif),
  junit: masked(formatJunit),
};
