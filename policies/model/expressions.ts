/**
 * Terraform expression strings as they appear in synthesized JSON and HCL: `"${azurerm_resource_group.rg.location}"`.
 * We understand exactly one shape, a single traversal; anything else (functions, templates, conditionals)
 * is `complex` and resolves to unknown, so the rules fail closed.
 */
import type { PathSegment } from './values';

export type Expression =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'reference'; readonly traversal: readonly PathSegment[]; readonly text: string }
  | { readonly kind: 'complex'; readonly text: string };

const SINGLE_INTERPOLATION = /^\$\{\s*([^{}]*?)\s*\}$/;

/** Classify a string value from synthesized JSON or HCL. */
export function parseExpression(value: string): Expression {
  if (!hasUnescapedInterpolation(value)) {
    return { kind: 'literal', value: value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{') };
  }
  const match = SINGLE_INTERPOLATION.exec(value);
  if (match) {
    const traversal = parseTraversal(match[1]);
    if (traversal) return { kind: 'reference', traversal, text: match[1] };
  }
  return { kind: 'complex', text: value };
}

function hasUnescapedInterpolation(value: string): boolean {
  for (let i = value.indexOf('${'); i >= 0; i = value.indexOf('${', i + 2)) {
    // `$${` is an escaped `${` (at the start, `value[-1]` is undefined).
    if (value[i - 1] !== '$') return true;
  }
  return false;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*/;

/**
 * Parse `a.b[0].c["k"]` into `['a','b',0,'c','k']`; undefined when the text is not a plain traversal.
 * Plan `references` entries use the same syntax.
 */
export function parseTraversal(text: string): PathSegment[] | undefined {
  const out: PathSegment[] = [];
  let rest = text.trim();
  const first = IDENT.exec(rest);
  if (!first) return undefined;
  out.push(first[0]);
  rest = rest.slice(first[0].length);
  while (rest.length > 0) {
    if (rest[0] === '.') {
      rest = rest.slice(1);
      const num = /^\d+/.exec(rest);
      const ident = num ? null : IDENT.exec(rest);
      if (num) {
        out.push(Number(num[0]));
        rest = rest.slice(num[0].length);
      } else if (ident) {
        out.push(ident[0]);
        rest = rest.slice(ident[0].length);
      } else return undefined;
    } else {
      // `[0]` or `["key"]`; anything else (an index by an expression, an operator) is not a traversal.
      const num = /^\[\s*(\d+)\s*\]/.exec(rest);
      const str = num ? null : /^\[\s*"((?:[^"\\]|\\.)*)"\s*\]/.exec(rest);
      if (num) {
        out.push(Number(num[1]));
        rest = rest.slice(num[0].length);
      } else if (str) {
        out.push(JSON.parse(`"${str[1]}"`) as string);
        rest = rest.slice(str[0].length);
      } else return undefined;
    }
  }
  return out;
}
