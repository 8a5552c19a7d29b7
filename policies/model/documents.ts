/**
 * `jsonencode({...})` written inline in a deployment's document attribute (an azapi body, an ARM
 * template): HCL in HCL files, and the same syntax inside `${...}` in synthesized JSON (cdktf's
 * `Fn.jsonencode`). The object is read back with the HCL parser, so the resources it deploys are judged
 * like an object body; any part of it that is an expression stays one (`${var.location}`).
 */
import { parseHcl } from './hcl-parser';
import { isRecord } from './values';

const CALL = /^\$\{\s*jsonencode\(([\s\S]*)\)\s*\}$/;

/** The object or list `text` encodes, when it is one `jsonencode(<literal object or list>)`; else undefined. */
export function decodeJsonencode(text: string): unknown {
  const match = CALL.exec(text);
  if (!match) return undefined;
  const inner = match[1].trim();
  // One call whose argument is a literal object or list: `jsonencode(merge(a, b))` is computed.
  if (!/^[{[]/.test(inner) || !closesAtEnd(inner)) return undefined;
  try {
    const parsed = parseHcl('document.tf', `document = ${inner}\n`);
    return isRecord(parsed) ? parsed.document : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the bracket opening `text` is closed by its last character (and not earlier), quotes aside. */
function closesAtEnd(text: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0 && i !== text.length - 1) return false;
    }
  }
  return depth === 0;
}
