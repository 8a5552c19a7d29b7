/** The output formats the CLI offers. */
import type { Report } from '../engine/report';
import { formatJson } from './json';
import { formatText } from './text';

export const REPORTERS: Readonly<Record<string, (report: Report) => string>> = {
  text: formatText,
  json: formatJson,
};
