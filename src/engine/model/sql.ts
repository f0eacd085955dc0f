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
  // a placeholder without parentheses, so the next pass can empty the group around it
  do {
    prev = out;
    out = out.replace(/\([^()]*\)/g, '\uE000');
  } while (out !== prev);
  return out.split('\uE000').join('()');
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

/**
 * Tables whose size is set by the schema or by an administrator, not by users: the catalog (`information_schema`,
 * `pg_catalog`, `sqlite_master`, `pragma_*()`, Oracle's one-row `DUAL`) and configuration tables (migrations, roles,
 * permissions, settings, plugins). Reading all of one is how such code works.
 */
export function isSchemaSizedTable(name: string): boolean {
  const n = name.replace(/["`[\]]/g, '').toLowerCase();
  if (/^(information_schema|pg_catalog|sys|mysql|performance_schema)\./.test(n)) return true;
  if (/^(dual|sqlite_master|sqlite_schema|sqlite_sequence)$|^(pg|pragma)_\w+$/.test(n)) return true;
  const table = n.split('.').pop()!;
  // configuration rows an administrator creates one by one (tax rates, zones, payment and shipping methods, stock
  // locations) and reference lists (countries, currencies)
  return /^(\w+_)?migrations?$|^sequelizemeta$|^(roles|permissions|((global|app|site|system)_)?settings|plugins)$|^(tax_rates|zones|payment_methods|shipping_methods|stock_locations|countries|currencies)$/.test(table);
}

/** Aggregate functions in a select list. */
export const AGGREGATE_CALL = /\b(COUNT|SUM|AVG|MIN|MAX|STRING_AGG|GROUP_CONCAT|ARRAY_AGG|JSON_AGG|BOOL_OR|BOOL_AND)\s*\(/i;

/**
 * A GROUP BY over columns that are not row keys (`status`, `currency`, `DATE(created_at)`): one row per group, a
 * report whose size the data's few distinct values bound. Grouping by an id (`user_id`) is one row per entity.
 */
export function groupKeysAreCoarse(columns: string[]): boolean {
  return columns.length > 0 && columns.every((c) => !/(^|[._\s"`(])(id|uuid|email)\b/i.test(c.trim()) && !/[a-z]Id\b/.test(c));
}

/** Whether a SQL statement is something other than a read, or a read that returns a bounded number of rows. */
export function sqlIsBounded(sql: string): boolean {
  let s = normalise(sql).replace(/;$/, '').trim();
  // `(SELECT COUNT(*) FROM …)` used as a value: judge the inner statement
  while (s.startsWith('(') && s.endsWith(')') && flatten(s) === '()') s = s.slice(1, -1).trim();
  // `(SELECT COUNT(*) FROM …) AS project_count` for a select list: a scalar subquery gives one value per row
  if (/^\(\) (AS )?"?\w+"?$/.test(flatten(s))) return true;
  if (!/^(\(?\s*SELECT|WITH)\b/.test(s)) return true;
  // `WITH deleted AS (DELETE … RETURNING …) SELECT … FROM deleted`: a write, returning the rows it wrote
  if (/^WITH\b/.test(s) && /\b(INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+[\w."`]+(\s+(AS\s+)?\w+)?\s+SET)\b/.test(s)) return true;
  if (!/\bFROM\b/.test(s)) return true;
  // A LIMIT inside a subquery bounds the subquery, not the result: look at the top level only.
  const top = flatten(s);
  if (/\bLIMIT\b|\bFETCH\s+(FIRST|NEXT)\b|\bTOP\s*\(?\s*(\d|\$|\?|:|@)|\bROWNUM\s*<=?/.test(top)) return true;
  // An aggregate with no GROUP BY answers one row: SELECT COUNT(*) FROM …, SELECT EXISTS(…)
  if (/^SELECT\s+(DISTINCT\s+)?(COUNT|SUM|AVG|MIN|MAX|EXISTS|BOOL_OR|BOOL_AND)\s*\(/.test(s) && !/\bGROUP BY\b/.test(s)) return true;
  if (/^SELECT\s+EXISTS\b/.test(s)) return true;
  const from = /^SELECT\b.*?\bFROM\s+([\w."`[\]]+)/.exec(top);
  if (from && isSchemaSizedTable(from[1])) return true;
  const group = /\bGROUP BY\s+(.*?)(?:\s+(?:HAVING|ORDER BY|WINDOW)\b|$)/.exec(top);
  const select = /^SELECT\s+(.*?)\s+FROM\b/.exec(s);
  if (group && select && AGGREGATE_CALL.test(select[1]) && groupKeysAreCoarse(group[1].split(','))) return true;
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
