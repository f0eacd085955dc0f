/** Reading SQL text well enough to tell whether a SELECT can return every row. */

function normalise(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

const UNIQUE_WHERE = /\bWHERE\s+(?:\(?\s*)?(?:"?\w+"?\.)?"?(ID|UUID|EMAIL|USERNAME|SLUG)"?\s*(?:=\s*(?:\$\d+|\?|:\w+|@\w+|\$\{\}|''|\d+)|IN\s*\(|=\s*ANY\s*\()/;

/** Whether a SQL statement is something other than a read, or a read that returns a bounded number of rows. */
export function sqlIsBounded(sql: string): boolean {
  const s = normalise(sql);
  if (!/^(\(?\s*SELECT|WITH)\b/.test(s)) return true;
  if (!/\bFROM\b/.test(s)) return true;
  if (/\bLIMIT\b|\bFETCH\s+(FIRST|NEXT)\b|\bTOP\s*\(?\s*(\d|\$|\?|:|@)|\bROWNUM\s*<=?/.test(s)) return true;
  // An aggregate with no GROUP BY answers one row: SELECT COUNT(*) FROM …, SELECT EXISTS(…)
  if (/^SELECT\s+(DISTINCT\s+)?(COUNT|SUM|AVG|MIN|MAX|EXISTS|BOOL_OR|BOOL_AND)\s*\(/.test(s) && !/\bGROUP BY\b/.test(s)) return true;
  if (/^SELECT\s+EXISTS\b/.test(s)) return true;
  if (UNIQUE_WHERE.test(s) && !/\bWHERE\b.*\bOR\b/.test(s)) return true;
  return false;
}

/** Where to insert ` LIMIT n` in a SQL string: before a trailing semicolon and whitespace. */
export function limitInsertOffset(sql: string): number {
  const m = /\s*;?\s*$/.exec(sql);
  return m ? m.index : sql.length;
}
