/** Reading SQL text well enough to tell whether a SELECT can return every row. */

/** Comments removed, string literals emptied, whitespace collapsed, upper case. */
export function normalise(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

/** `WHERE [… AND] [t.]id = $1`, `lower(email) = lower($1)`, `id IN (…)`: at most one row (or a list the caller bounds). */
const UNIQUE_WHERE =
  /\b(?:WHERE|AND)\s+\(?\s*(?:(?:LOWER|UPPER)\s*\(\s*)?(?:"?(\w+)"?\.)?"?(ID|UUID|EMAIL|USERNAME|SLUG)"?\s*\)?\s*(?:=\s*(?:(?:LOWER|UPPER)\s*\(\s*)?(?:\$\d+|\?|:\w+|@\w+|\$\{\}|''|\d+)|IN\s*\(|=\s*ANY\s*\()/g;

/** Removes parenthesised groups (subqueries, function arguments, OR groups), innermost first. */
export function flatten(s: string): string {
  let prev;
  let out = s;
  do {
    prev = out;
    out = out.replace(/\([^()]*\)/g, '()');
  } while (out !== prev);
  return out;
}

/** The table a SELECT reads from and its alias: `FROM orders o` → ['ORDERS', 'O']. */
function fromTable(s: string): string[] {
  const m = /\bFROM\s+"?(?:\w+"?\.)?"?(\w+)"?(?:\s+(?:AS\s+)?(?!WHERE|JOIN|INNER|LEFT|RIGHT|FULL|CROSS|ORDER|GROUP|LIMIT|ON\b)(\w+))?/.exec(s);
  return m ? [m[1], m[2]].filter((x): x is string => !!x) : [];
}

function uniqueWhere(s: string): boolean {
  const flat = flatten(s);
  if (/\bWHERE\b.*\bOR\b/.test(flat)) return false;
  const own = fromTable(flat);
  const joins = /\bJOIN\b/.test(flat);
  for (const m of s.matchAll(UNIQUE_WHERE)) {
    const qualifier = m[1];
    // With joins, only the FROM table's own key names one row: `JOIN users u … WHERE u.email = $1` does not.
    if (!qualifier ? !joins : own.includes(qualifier)) return true;
  }
  return false;
}

/** Whether a SQL statement is something other than a read, or a read that returns a bounded number of rows. */
export function sqlIsBounded(sql: string): boolean {
  const s = normalise(sql);
  if (!/^(\(?\s*SELECT|WITH)\b/.test(s)) return true;
  if (!/\bFROM\b/.test(s)) return true;
  // A LIMIT inside a subquery bounds the subquery, not the result: look at the top level only.
  const top = flatten(s);
  if (/\bLIMIT\b|\bFETCH\s+(FIRST|NEXT)\b|\bTOP\s*\(?\s*(\d|\$|\?|:|@)|\bROWNUM\s*<=?/.test(top)) return true;
  // An aggregate with no GROUP BY answers one row: SELECT COUNT(*) FROM …, SELECT EXISTS(…)
  if (/^SELECT\s+(DISTINCT\s+)?(COUNT|SUM|AVG|MIN|MAX|EXISTS|BOOL_OR|BOOL_AND)\s*\(/.test(s) && !/\bGROUP BY\b/.test(s)) return true;
  if (/^SELECT\s+EXISTS\b/.test(s)) return true;
  return uniqueWhere(s);
}

/**
 * Where to insert ` LIMIT n` in a SQL string: before a trailing semicolon, whitespace and `-- comment`,
 * and before a locking clause (`FOR UPDATE SKIP LOCKED`), which must come after LIMIT.
 */
export function limitInsertOffset(sql: string): number {
  let end = sql.length;
  for (;;) {
    const tail = sql.slice(0, end);
    const m = /(\s+|;|--[^\n]*)$/.exec(tail);
    if (!m || m[0].length === 0) break;
    end = m.index;
  }
  const lock = /\s+FOR\s+(NO\s+KEY\s+UPDATE|UPDATE|SHARE|KEY\s+SHARE)\b[\s\S]*$|\s+LOCK\s+IN\s+SHARE\s+MODE\s*$/i.exec(sql.slice(0, end));
  return lock ? lock.index : end;
}
