/**
 * Write RULES.md from the rule metadata: `npm run rules-doc`. With `--check`, only report whether the
 * committed file is current (exit 1 when stale).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE_RESOURCE_TYPES } from '../policies/azure/catalogue';
import { ALL_RULES } from '../policies/rules';
import { renderRulesMarkdown, RULES_DOC } from '../policies/rules/docs';

export const RULES_DOC_PATH = join(__dirname, '..', RULES_DOC);

/** RULES.md exactly as it must be committed. */
export function generateRulesMarkdown(): string {
  return renderRulesMarkdown(ALL_RULES, { catalogueTypes: CATALOGUE_RESOURCE_TYPES.length });
}

function main(argv: readonly string[]): number {
  const wanted = generateRulesMarkdown();
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(RULES_DOC_PATH, 'utf8');
    } catch {
      // A missing file is stale.
    }
    if (current === wanted) return 0;
    console.error(`${RULES_DOC} is stale; run npm run rules-doc.`);
    return 1;
  }
  writeFileSync(RULES_DOC_PATH, wanted);
  console.log(`Wrote ${RULES_DOC} (${ALL_RULES.length} rules).`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
