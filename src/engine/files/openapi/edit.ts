import type { TextEdit } from '../../types';
import { FixText } from '../../rules/fix-text';
import { isMap, isSeq, span, type Node, type Pair, type YAMLMap } from '../yaml';
import { isPair, type YAMLSeq } from 'yaml';

/** A value the user should look at: a tab stop in the editor, its default elsewhere. */
export class Choice {
  constructor(readonly value: string | number) {}
}

/** What a fix inserts, as data: written as block YAML or as JSON, whichever the surrounding map uses. */
export type Value = string | number | boolean | Choice | Value[] | { [key: string]: Value };

type Part = string | Choice;
type Line = Part[];

const RESERVED = /^(?:true|false|yes|no|on|off|null|y|n|~)$/i;

function yamlScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return /^[A-Za-z_$][\w.\-$/ ]*$/.test(value) && !/ $/.test(value) && !RESERVED.test(value) ? value : `'${value.replace(/'/g, "''")}'`;
}

function isScalarValue(value: Value): value is string | number | boolean | Choice {
  return typeof value !== 'object' || value instanceof Choice;
}

function scalarPart(value: string | number | boolean | Choice, json: boolean): Part {
  if (value instanceof Choice) return value;
  return json ? JSON.stringify(value) : yamlScalar(value);
}

/** Block YAML lines for `key: value`, indented relative to the key. */
function blockEntry(key: string, value: Value): Line[] {
  const k = yamlScalar(key);
  if (isScalarValue(value)) return [[`${k}: `, scalarPart(value, false)]];
  if (Array.isArray(value) && value.length === 0) return [[`${k}: []`]];
  if (!Array.isArray(value) && Object.keys(value).length === 0) return [[`${k}: {}`]];
  return [[`${k}:`], ...blockValue(value).map((l) => ['  ', ...l])];
}

function blockValue(value: Value[] | { [key: string]: Value }): Line[] {
  if (!Array.isArray(value)) return Object.entries(value).flatMap(([k, v]) => blockEntry(k, v));
  return value.flatMap((item) => {
    if (isScalarValue(item)) return [['- ', scalarPart(item, false)]];
    const lines = Array.isArray(item) ? blockValue(item) : blockValue(item);
    return lines.map((l, i) => [i === 0 ? '- ' : '  ', ...l]);
  });
}

/** A value on one line: JSON (`{ "type": "string" }`) in JSON text, YAML flow style (`{ type: string }`) otherwise. */
function flowValue(value: Value, json: boolean): Part[] {
  if (json && value instanceof Choice && typeof value.value === 'string') return ['"', value, '"'];
  if (isScalarValue(value)) return [scalarPart(value, json)];
  const join = (items: Part[][], open: string, close: string): Part[] => {
    if (items.length === 0) return [`${open}${close}`];
    const out: Part[] = [`${open} `];
    items.forEach((item, i) => out.push(...(i > 0 ? [', '] : []), ...item));
    out.push(` ${close}`);
    return out;
  };
  if (Array.isArray(value)) return join(value.map((v) => flowValue(v, json)), '[', ']');
  return join(
    Object.entries(value).map(([k, v]) => [`${json ? JSON.stringify(k) : yamlScalar(k)}: `, ...flowValue(v, json)]),
    '{',
    '}',
  );
}

/** Whether a flow collection is written as JSON: its first key (or item) is a double-quoted string. */
function writtenAsJson(collection: YAMLMap | YAMLSeq): boolean {
  const first = collection.items[0] as unknown;
  const node = (isPair(first) ? first.key : first) as { type?: string } | undefined;
  if (isMap(node) || isSeq(node)) return writtenAsJson(node);
  return node?.type === 'QUOTE_DOUBLE';
}

function write(parts: Part[], snippet: boolean): string {
  const t = new FixText(snippet);
  for (const p of parts) {
    if (p instanceof Choice) t.choice(String(p.value));
    else t.text(p);
  }
  return t.toString();
}

export type Where = { after: Pair } | { before: Pair };

/**
 * An edit that adds `key: value` to a map beside one of its entries, matching the map's style: block YAML
 * at the entry's column, or a JSON member (JSON files, `{ … }` maps) on its own line when the entry has one.
 * `undefined` when the entry has no source position (it came from a merge or alias elsewhere).
 */
export function insertEntry(text: string, map: YAMLMap, where: Where, key: string, value: Value, snippet: boolean): TextEdit | undefined {
  const pair = 'after' in where ? where.after : where.before;
  if (!map.items.includes(pair as Pair<unknown, unknown>)) return undefined;
  const whole = span(pair as Pair<Node, Node>);
  const keyStart = whole?.[0];
  if (!whole || keyStart === undefined) return undefined;
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  const before = text.slice(lineStart, keyStart);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const end = valueEnd(text, whole[1]);

  if (map.flow) {
    const json = writtenAsJson(map);
    const member: Part[] = [`${json ? JSON.stringify(key) : yamlScalar(key)}: `, ...flowValue(value, json)];
    const ownLine = /^[ \t]*$/.test(before);
    const sep = ownLine ? `,${eol}${before}` : ', ';
    if ('after' in where) return { start: end, end, text: write([sep, ...member], snippet) };
    return { start: keyStart, end: keyStart, text: write([...member, sep], snippet) };
  }

  const indent = ' '.repeat(keyStart - lineStart);
  if (/\t/.test(before)) return undefined;
  const lines = blockEntry(key, value);
  const body: Part[] = lines.flatMap((l, i) => [...(i > 0 ? [eol, indent] : []), ...l]);
  if ('after' in where) {
    const rest = text.slice(end, lineEndAt(text, end));
    const at = /^[ \t]*(?:#.*)?$/.test(rest) ? lineEndAt(text, end) : end;
    return { start: at, end: at, text: write([eol, indent, ...body], snippet) };
  }
  return { start: keyStart, end: keyStart, text: write([...body, eol, indent], snippet) };
}

/** The end of a value's text, before the line break and blank lines a block collection's range takes in. */
function valueEnd(text: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return at;
}

function lineEndAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl === -1 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/**
 * An edit that appends items to a sequence (a `parameters` list), matching its style: block items at the
 * column of its dashes, or JSON values. `undefined` for an empty sequence or one without source positions.
 */
export function appendItems(text: string, seq: YAMLSeq, values: Value[], snippet: boolean): TextEdit | undefined {
  const first = seq.items[0] as Node | undefined;
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  const firstStart = first?.range?.[0];
  const lastEnd = last?.range?.[1];
  if (firstStart === undefined || lastEnd === undefined) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const end = valueEnd(text, lastEnd);
  if (seq.flow) {
    const lineStart = text.lastIndexOf('\n', firstStart - 1) + 1;
    const before = text.slice(lineStart, firstStart);
    const sep = /^[ \t]*$/.test(before) ? `,${eol}${before}` : ', ';
    return { start: end, end, text: write(values.flatMap((v) => [sep, ...flowValue(v, writtenAsJson(seq))]), snippet) };
  }
  let dash = firstStart - 1;
  while (dash >= 0 && text[dash] === ' ') dash--;
  if (text[dash] !== '-') return undefined;
  const lineStart = text.lastIndexOf('\n', dash - 1) + 1;
  if (!/^ *$/.test(text.slice(lineStart, dash))) return undefined;
  const indent = ' '.repeat(dash - lineStart);
  const lines = blockValue(values);
  const rest = text.slice(end, lineEndAt(text, end));
  const at = /^[ \t]*(?:#.*)?$/.test(rest) ? lineEndAt(text, end) : end;
  return { start: at, end: at, text: write(lines.flatMap((l) => [eol, indent, ...l]), snippet) };
}
