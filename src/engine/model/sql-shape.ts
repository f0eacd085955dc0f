/**
 * What a SQL statement does to rows, read from its text: whether an UPDATE/DELETE reaches every row, whether a
 * SELECT lists `*`, whether a read locks its rows, which value each `SET col = $n` takes. Comments, string
 * literals and parenthesised groups (subqueries, function arguments) are set aside first, so `EXISTS (SELECT * …)`
 * and `COUNT(*)` are not what the statement selects.
 */

import { flatten, normalise } from './sql';

/** The statements of a SQL string, normalised and flattened. */
function statements(sql: string): string[] {
  return flatten(normalise(sql))
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * `UPDATE t SET …` or `DELETE FROM t` with no WHERE: the statement reaches every row. Text built from `${}`
 * substitutions after the table may carry the WHERE (`DELETE FROM t ${where}`): unknown, so false. A MySQL
 * `DELETE … LIMIT n` purges in deliberate batches. `text` keeps substitutions as `${}` (see staticText).
 */
export function sqlWritesEveryRow(text: string): 'UPDATE' | 'DELETE' | undefined {
  // a substitution in a value position (`SET name = ${}`) is a parameter; anywhere else it may be a clause
  const marked = text.replace(/([=<>,(+\-*/]\s*)\$\{\}/g, '$1?').replace(/\$\{\}/g, ' __SUBST__ ');
  for (const s of statements(marked)) {
    const m = /^(UPDATE|DELETE)\b/.exec(s);
    if (!m) continue;
    if (/\bWHERE\b|\bLIMIT\b|__SUBST__/.test(s)) continue;
    return m[1] as 'UPDATE' | 'DELETE';
  }
  return undefined;
}

/**
 * Tables a file creates as temporary (`CREATE TEMPORARY TABLE IF NOT EXISTS _desired_search (…)`), lower-cased:
 * scratch tables private to the session, emptied on purpose before each use.
 */
export function temporaryTables(source: string): Set<string> {
  const out = new Set<string>();
  for (const m of source.matchAll(/\bCREATE\s+(?:GLOBAL\s+|LOCAL\s+)?TEMP(?:ORARY)?\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?[`"[]?(?:\w+[`"\]]?\.[`"[]?)?(\w+)/gi)) out.add(m[1].toLowerCase());
  return out;
}

/** `SELECT *`, `SELECT o.*, c.name`: a top-level select list that takes every column. A CTE's own final SELECT is left alone. */
export function sqlSelectsStar(text: string): boolean {
  const s = statements(text)[0];
  if (!s || !/^\(?\s*SELECT\b/.test(s)) return false;
  const m = /^\(?\s*SELECT\s+(?:DISTINCT\s+(?:ON\s*\(\)\s*)?|ALL\s+|TOP\s+\S+\s+)?(.*?)\s+FROM\b/.exec(s);
  if (!m) return false;
  return m[1].split(',').some((item) => /^(?:[\w"`]+\.)?\*$/.test(item.trim()));
}

/** A read that locks what it reads: `FOR UPDATE`, `FOR NO KEY UPDATE`, `FOR SHARE`, `LOCK IN SHARE MODE`, SQL Server `WITH (UPDLOCK)`. */
export function sqlLocksRows(text: string): boolean {
  return /\bFOR\s+(NO\s+KEY\s+)?UPDATE\b|\bFOR\s+(KEY\s+)?SHARE\b|\bLOCK\s+IN\s+SHARE\s+MODE\b|\bUPDLOCK\b/i.test(text);
}

/** A version check in an UPDATE's WHERE: `WHERE id = $1 AND version = $2`. */
export function sqlChecksVersion(text: string): boolean {
  const where = /\bWHERE\b([\s\S]*)$/i.exec(text);
  return !!where && /\b(version|lock_version|row_version|revision|updated_at|updatedAt|etag|xmin)\b\s*=/i.test(where[1]);
}

/**
 * The columns an UPDATE sets from parameters, with the 0-based index of the parameter:
 * `UPDATE t SET stock = $1, name = $2 WHERE id = $3` → { stock: 0, name: 1 }; `?` placeholders count in order.
 * A column set from itself (`stock = stock - $1`) is atomic and is not listed.
 */
export function sqlSetParams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const m = /^\s*UPDATE\b[\s\S]*?\bSET\b([\s\S]*?)(?:\bWHERE\b|\bFROM\b|\bRETURNING\b|$)/i.exec(text);
  if (!m) return out;
  const questionsBefore = (at: number) => (text.slice(0, at).match(/\?/g) ?? []).length;
  const setStart = text.indexOf(m[1]);
  const re = /[`"]?(\w+)[`"]?\s*=\s*(\$(\d+)|\?)(?=\s*(,|$|\bWHERE\b|\bRETURNING\b|\)))/gi;
  for (const a of m[1].matchAll(re)) {
    const index = a[3] !== undefined ? Number(a[3]) - 1 : questionsBefore(setStart + (a.index ?? 0) + a[0].length - 1);
    out.set(a[1], index);
  }
  return out;
}
