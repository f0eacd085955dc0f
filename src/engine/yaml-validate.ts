import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';

/** One mistake in a YAML file, placed where a person can find it. */
export interface YamlProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type YamlResult<T> = { ok: true; value: T } | { ok: false; problems: YamlProblem[] };

const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
const compiled = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    const id = (schema as { $id?: string }).$id;
    fn = (id && ajv.getSchema(id)) || ajv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

/** Formats a problem the way compilers do, so terminals and editors make it a link. */
export function formatProblem(p: YamlProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function describe(error: ErrorObject): string {
  const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'the file';
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key "${String(error.params.additionalProperty)}" in ${where}`;
    case 'required':
      return `${where} is missing "${String(error.params.missingProperty)}"`;
    case 'enum':
      return `${where} must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}

/** The position of the deepest node that exists along `path`. */
function positionOf(doc: Document, path: (string | number)[], counter: LineCounter, keyOf?: string): { line: number; col: number } {
  let offset = 0;
  const target = keyOf !== undefined ? [...path, keyOf] : path;
  for (let i = 0; i <= target.length; i++) {
    const sub = doc.getIn(target.slice(0, i), true);
    if (isNode(sub) && sub.range) {
      offset = sub.range[0];
    } else {
      break;
    }
  }
  if (keyOf !== undefined) {
    // Point at the offending key itself rather than at its value.
    const parent = doc.getIn(path, true);
    if (parent && typeof parent === 'object' && 'items' in parent) {
      for (const item of (parent as { items: { key?: unknown }[] }).items) {
        const key = item.key;
        if (isNode(key) && key.range && (key as { value?: unknown }).value === keyOf) offset = key.range[0];
      }
    }
  }
  return counter.linePos(offset);
}

/**
 * Parses YAML text and validates it against a JSON Schema.
 * Every syntax or schema mistake comes back with its file, line and column.
 */
export function parseYamlWithSchema<T>(text: string, file: string, schema: object): YamlResult<T> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = counter.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, message: e.message.split('\n')[0] };
      }),
    };
  }
  const value = doc.toJS() as unknown;
  const validate = validatorFor(schema);
  if (validate(value)) return { ok: true, value: value as T };
  const seen = new Set<string>();
  const problems: YamlProblem[] = [];
  for (const error of validate.errors ?? []) {
    // `oneOf`/`anyOf` repeat their branches' errors; the branch errors say more.
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'if') continue;
    const message = describe(error);
    if (seen.has(message)) continue;
    seen.add(message);
    const key = error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : undefined;
    const pos = positionOf(doc, pointerToPath(error.instancePath), counter, key);
    problems.push({ file, line: pos.line, column: pos.col, message });
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, problems };
}
