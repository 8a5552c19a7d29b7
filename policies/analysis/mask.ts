/**
 * Reports never print secret values. A report quotes rule messages, and a rule message may quote an
 * attribute; so before any reporter formats a result, every secret the checked inputs hold is collected
 * (once, by the analysis step) and replaced wherever it appears. Secrets are values of attributes whose names say they are secret
 * (passwords, keys, connection strings, tokens) and every value a plan marks sensitive.
 */
import type { Finding, Verdict } from '../engine/result';
import type { TfModel, TfResource } from '../model/types';
import { isRecord, ownEntry } from '../model/values';

export const MASK = '(sensitive value)';

/** Attribute names that hold secrets, whatever the resource type. */
const SECRET_NAME =
  /(password|passwd|secret|connection_string|sas_token|sas_url|access_key|account_key|shared_key|private_key|primary_key|secondary_key|instrumentation_key|auth_token|api_key|client_certificate|certificate_data|_pem$|^pfx$|^token$)/i;
/** Names that match the pattern above but hold identifiers, not secrets. */
const NOT_SECRET_NAME =
  /(_id$|_ids$|_name$|_type$|_version$|_enabled$|_expiration|_length$|_size$|_opts$|_uri$|_url_id$)/i;
/** The value of a Key Vault secret is secret by definition. */
const SECRET_VALUE_ATTRIBUTE: Readonly<Record<string, string>> = { azurerm_key_vault_secret: 'value' };

/** Shapes that are secrets wherever they stand, even in text we collected nothing for. */
const SECRET_SHAPES: readonly RegExp[] = [
  /((?:AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd)=)([^;"'\s]+)/gi,
  /([?&]sig=)([^&"'\s]+)/gi,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
];

/**
 * What a text must contain for a SECRET_SHAPES pattern to match: a shape's name just before a `=`, or a
 * PEM header. Whole reports are tens of megabytes with few `=`: finding those with the engine's string
 * search and looking back is far cheaper than running case-insensitive patterns over every character.
 */
const SHAPE_NAME_BEFORE_EQUALS =
  /(?:accountkey|sharedaccesskey|sharedaccesssignature|password|pwd|[?&]sig)$/i;
const LONGEST_SHAPE_NAME = 'SharedAccessSignature'.length;
const PEM_HEADER = '-----BEGIN ';

/** Masked texts remembered per mask: up to this length, up to this many. */
const MEMO_TEXT_LENGTH = 4096;
const MEMO_ENTRIES = 100_000;

/** Up to this many distinct heads, each is searched for with the engine's string search. */
const FEW_HEADS = 8;

/** Strings shorter than this are not masked in free text: replacing "abc" everywhere would garble the report. */
const MIN_SECRET_LENGTH = 4;

export function isSecretAttributeName(name: string): boolean {
  let secret = SECRET_NAMES.get(name);
  if (secret === undefined) {
    secret = SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name);
    // Attribute names repeat across every resource of a plan; a cap keeps hostile input from growing it.
    if (SECRET_NAMES.size < 100_000) SECRET_NAMES.set(name, secret);
  }
  return secret;
}

const SECRET_NAMES = new Map<string, boolean>();

export class SecretMask {
  private readonly secrets: string[];
  /** Each secret followed by its escaped spellings, computed once rather than per text. */
  private readonly forms: readonly (readonly string[])[];
  /** The first characters of every form: a text holding none of them holds no secret. */
  private readonly heads: ReadonlySet<string>;
  /** Bitmap over (low byte of first character, low byte of second character) of every head. */
  private readonly pairs: Uint8Array;
  private readonly headList: readonly string[];

  constructor(secrets: Iterable<string>) {
    // Longest first, so a secret that contains another is replaced whole.
    this.secrets = [...new Set(secrets)]
      .filter((s) => s.length >= MIN_SECRET_LENGTH)
      .sort((a, b) => b.length - a.length || a.localeCompare(b));
    this.forms = this.secrets.map((secret) => [
      secret,
      ...escapedForms(secret).filter((escaped) => escaped !== secret),
    ]);
    this.heads = new Set(this.forms.flat().map((form) => form.slice(0, MIN_SECRET_LENGTH)));
    this.headList = [...this.heads];
    this.pairs = new Uint8Array(1 << 16);
    for (const head of this.heads) this.pairs[pairKey(head.charCodeAt(0), head.charCodeAt(1))] = 1;
  }

  get size(): number {
    return this.secrets.length;
  }

  /** Replace every collected secret and every secret-shaped fragment in `text`. */
  text(text: string): string {
    // Findings repeat texts (every finding of a rule carries its fix): mask each distinct short text once.
    if (text.length > MEMO_TEXT_LENGTH) return this.mask(text);
    let masked = this.memo.get(text);
    if (masked === undefined) {
      masked = this.mask(text);
      if (this.memo.size < MEMO_ENTRIES) this.memo.set(text, masked);
    }
    return masked;
  }

  private readonly memo = new Map<string, string>();

  private mask(text: string): string {
    let out = text;
    // One scan tells whether any form can occur; only then is each searched. Searching every secret in
    // every text made reports of large plans quadratic (findings × secrets).
    if (this.mayHoldSecret(out)) {
      // Reporters escape text for JSON, XML and Markdown; the escaped spellings are masked too.
      for (const forms of this.forms)
        for (const form of forms) if (out.includes(form)) out = out.split(form).join(MASK);
    }
    if (!mayHoldShape(out)) return out;
    for (const shape of SECRET_SHAPES) {
      out = out.replace(shape, (match: string, name?: string) =>
        typeof name === 'string' && match.startsWith(name) ? `${name}${MASK}` : MASK,
      );
    }
    return out;
  }

  /**
   * Whether any form's first characters occur in `text`: one linear scan. A bitmap of the first two
   * characters filters positions without allocating; only candidates are compared in full.
   */
  private mayHoldSecret(text: string): boolean {
    if (this.heads.size === 0) return false;
    // A few heads: the engine's string search beats a scan in JavaScript (the whole report is one text).
    if (this.headList.length <= FEW_HEADS) {
      for (const head of this.headList) if (text.includes(head)) return true;
      return false;
    }
    const pairs = this.pairs;
    for (let i = 0, end = text.length - MIN_SECRET_LENGTH; i <= end; i++) {
      if (
        pairs[pairKey(text.charCodeAt(i), text.charCodeAt(i + 1))] === 1 &&
        this.heads.has(text.substr(i, MIN_SECRET_LENGTH))
      ) {
        return true;
      }
    }
    return false;
  }

  /** A copy of `result` whose findings' texts carry no secret. */
  findings<T extends Verdict>(result: T): T {
    const maskFinding = (f: Finding): Finding => ({
      ...f,
      message: this.text(f.message),
      fix: this.text(f.fix),
      ...(f.suppression
        ? { suppression: { ...f.suppression, reason: this.text(f.suppression.reason) } }
        : {}),
    });
    return { ...result, findings: result.findings.map(maskFinding) };
  }
}

/** Collect the secrets of every resource and variable in `models`. */
export function maskFor(models: readonly TfModel[]): SecretMask {
  const secrets: string[] = [];
  for (const model of models) {
    for (const resource of model.resources) collectResource(resource, secrets);
    for (const variable of model.variables.values()) {
      if (!isSecretAttributeName(variable.name)) continue;
      collectAll(variable.value, secrets);
      collectAll(variable.default, secrets);
    }
  }
  return new SecretMask(secrets);
}

function collectResource(resource: TfResource, out: string[]): void {
  const secretAttribute = ownEntry(SECRET_VALUE_ATTRIBUTE, resource.type);
  collectByName(resource.values, secretAttribute, out);
  collectMarked(resource.values, resource.sensitive, out);
  if (resource.change) {
    // A resource only in resource_changes has the change's values as its own: walked once above.
    if (resource.change.before !== resource.values)
      collectByName(resource.change.before, secretAttribute, out);
    if (resource.change.after !== resource.values) collectByName(resource.change.after, secretAttribute, out);
    collectMarked(resource.change.before, resource.change.beforeSensitive, out);
    collectMarked(resource.change.after, resource.change.afterSensitive, out);
  }
}

/** Values under secret-named keys, at any depth. Expressions (`${...}`) are references, not secrets. */
function collectByName(value: unknown, extraName: string | undefined, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectByName(item, extraName, out);
    return;
  }
  if (!isRecord(value)) return;
  // `for…in` rather than `Object.keys`: no array per object (values are parsed JSON: own keys only).
  for (const key in value) {
    const inner = value[key];
    // Only objects and arrays can hold a secret-named key further down.
    if (isSecretAttributeName(key) || key === extraName) collectAll(inner, out);
    else if (typeof inner === 'object' && inner !== null) collectByName(inner, extraName, out);
  }
}

/** Values where the parallel `marks` structure says `true` (a plan's `sensitive_values`). */
function collectMarked(value: unknown, marks: unknown, out: string[]): void {
  if (marks === true) {
    collectAll(value, out);
    return;
  }
  // Plain loops: marks mirror every block of every resource, mostly empty objects and arrays.
  if (typeof marks !== 'object' || marks === null || typeof value !== 'object' || value === null) return;
  if (Array.isArray(marks)) {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < marks.length; i++) {
      const m: unknown = marks[i];
      if (typeof m === 'object' ? m !== null : m === true) collectMarked(value[i], m, out);
    }
  } else if (!Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    // `for…in`: no array per marks object (marks are parsed JSON: own keys only).
    for (const key in marks) {
      const m = (marks as Record<string, unknown>)[key];
      if (typeof m === 'object' ? m !== null : m === true) collectMarked(ownEntry(record, key), m, out);
    }
  }
}

function collectAll(value: unknown, out: string[]): void {
  if (typeof value === 'string') {
    if (!/^\$\{[^}]*\}$/.test(value.trim())) out.push(value);
  } else if (typeof value === 'number') {
    if (String(value).length >= MIN_SECRET_LENGTH) out.push(String(value));
  } else if (Array.isArray(value)) for (const item of value) collectAll(item, out);
  else if (isRecord(value)) for (const inner of Object.values(value)) collectAll(inner, out);
}

function mayHoldShape(text: string): boolean {
  if (text.includes(PEM_HEADER)) return true;
  for (let at = text.indexOf('='); at >= 0; at = text.indexOf('=', at + 1))
    if (SHAPE_NAME_BEFORE_EQUALS.test(text.slice(Math.max(0, at - LONGEST_SHAPE_NAME), at))) return true;
  return false;
}

function pairKey(first: number, second: number): number {
  return ((first & 0xff) << 8) | (second & 0xff);
}

function escapedForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const xml = secret
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
  const html = secret
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  const markdown = secret.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');
  return [json, xml, html, markdown, JSON.stringify(json).slice(1, -1)];
}
