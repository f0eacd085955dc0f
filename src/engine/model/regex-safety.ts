/**
 * A small analyser for regexes that backtrack catastrophically (ReDoS). It parses a JavaScript pattern and looks at
 * every unbounded repetition (`*`, `+`, `{n,}`, or a bound of 10 or more) for an iteration that can match the same
 * input in more than one way:
 * - a nested quantifier whose neighbours in the iteration can all match a character it also matches, or can be
 *   empty: `(a+)+`, `(\w+\s?)*`, `([a-z]+.)+`, `(.*a){20}`; but not `(\w+\.)*` or `(-[a-z0-9]+)*`, where a separator
 *   the inner loop cannot match pins each iteration down;
 * - an alternation whose branches can match the same text: `(a|a)*`, `(\w|\d)+`, `(.|\s)*`.
 * These shapes take exponential time on a crafted input. Quadratic shapes (`\s+$`) are not reported.
 */

/** A set of characters: ASCII exactly, everything else as one "other" bit. */
class CharSet {
  constructor(readonly bits = new Uint32Array(4), public other = false) {}
  static of(...codes: number[]): CharSet {
    const s = new CharSet();
    for (const c of codes) s.add(c);
    return s;
  }
  static range(from: number, to: number): CharSet {
    const s = new CharSet();
    for (let c = from; c <= Math.min(to, 127); c++) s.add(c);
    if (to > 127) s.other = true;
    return s;
  }
  static any(): CharSet {
    const s = new CharSet(new Uint32Array([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff]), true);
    return s;
  }
  add(code: number): void {
    if (code > 127) this.other = true;
    else this.bits[code >> 5] |= 1 << (code & 31);
  }
  union(o: CharSet): CharSet {
    return new CharSet(this.bits.map((b, i) => b | o.bits[i]), this.other || o.other);
  }
  intersect(o: CharSet): CharSet {
    return new CharSet(this.bits.map((b, i) => b & o.bits[i]), this.other && o.other);
  }
  negate(): CharSet {
    return new CharSet(this.bits.map((b) => ~b >>> 0), true);
  }
  empty(): boolean {
    return !this.other && this.bits.every((b) => b === 0);
  }
}

const DIGIT = CharSet.range(48, 57);
const WORD = CharSet.range(48, 57).union(CharSet.range(65, 90)).union(CharSet.range(97, 122)).union(CharSet.of(95));
const SPACE = CharSet.of(9, 10, 11, 12, 13, 32);
SPACE.other = true;

type RNode =
  | { kind: 'char'; set: CharSet }
  | { kind: 'seq'; items: RNode[] }
  | { kind: 'alt'; alts: RNode[] }
  | { kind: 'repeat'; body: RNode; min: number; max: number }
  | { kind: 'empty' };

class Parser {
  private i = 0;
  constructor(private readonly src: string, private readonly ignoreCase: boolean) {}

  parse(): RNode {
    const node = this.alternation();
    if (this.i < this.src.length) throw new Error('unbalanced');
    return node;
  }

  private alternation(): RNode {
    const alts = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? alts[0] : { kind: 'alt', alts };
  }

  private sequence(): RNode {
    const items: RNode[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      let atom = this.atom();
      atom = this.quantifier(atom);
      items.push(atom);
    }
    return items.length === 1 ? items[0] : { kind: 'seq', items };
  }

  private quantifier(atom: RNode): RNode {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return atom;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.src[this.i] === '?') this.i++;
    return { kind: 'repeat', body: atom, min, max };
  }

  private atom(): RNode {
    const c = this.src[this.i++];
    switch (c) {
      case '(': {
        let lookaround = false;
        if (this.src[this.i] === '?') {
          const m = /^\?(:|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(this.src.slice(this.i));
          if (!m) throw new Error('group');
          lookaround = m[1] !== ':' && !m[1].endsWith('>');
          this.i += m[0].length;
        }
        const body = this.alternation();
        if (this.src[this.i++] !== ')') throw new Error('unbalanced');
        return lookaround ? { kind: 'empty' } : body;
      }
      case '[':
        return { kind: 'char', set: this.charClass() };
      case '.':
        return { kind: 'char', set: CharSet.any() };
      case '^':
      case '$':
        return { kind: 'empty' };
      case '\\':
        return this.escape(false) ?? { kind: 'empty' };
      default:
        return { kind: 'char', set: this.literal(c.charCodeAt(0)) };
    }
  }

  private literal(code: number): CharSet {
    const s = CharSet.of(code);
    if (this.ignoreCase) {
      const ch = String.fromCharCode(code);
      s.add(ch.toLowerCase().charCodeAt(0));
      s.add(ch.toUpperCase().charCodeAt(0));
    }
    return s;
  }

  /** After a backslash. Returns undefined for assertions and backreferences (`\b`, `\1`), which consume nothing here. */
  private escape(inClass: boolean): RNode | undefined {
    const c = this.src[this.i++];
    switch (c) {
      case 'd': return { kind: 'char', set: DIGIT };
      case 'D': return { kind: 'char', set: DIGIT.negate() };
      case 'w': return { kind: 'char', set: WORD };
      case 'W': return { kind: 'char', set: WORD.negate() };
      case 's': return { kind: 'char', set: SPACE };
      case 'S': return { kind: 'char', set: SPACE.negate() };
      case 'b': return inClass ? { kind: 'char', set: CharSet.of(8) } : undefined;
      case 'B': return undefined;
      case 'n': return { kind: 'char', set: CharSet.of(10) };
      case 'r': return { kind: 'char', set: CharSet.of(13) };
      case 't': return { kind: 'char', set: CharSet.of(9) };
      case 'f': return { kind: 'char', set: CharSet.of(12) };
      case 'v': return { kind: 'char', set: CharSet.of(11) };
      case '0': return { kind: 'char', set: CharSet.of(0) };
      case 'c': this.i++; return { kind: 'char', set: CharSet.range(0, 31) };
      case 'x': {
        const h = this.src.slice(this.i, this.i + 2);
        this.i += 2;
        return { kind: 'char', set: CharSet.of(parseInt(h, 16) || 0) };
      }
      case 'u': {
        const m = /^(\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4})/.exec(this.src.slice(this.i));
        this.i += m ? m[0].length : 0;
        return { kind: 'char', set: CharSet.of(m ? parseInt(m[0].replace(/[{}]/g, ''), 16) : 117) };
      }
      case 'p':
      case 'P': {
        const m = /^\{[^}]*\}/.exec(this.src.slice(this.i));
        this.i += m ? m[0].length : 0;
        return { kind: 'char', set: CharSet.any() };
      }
      case 'k': {
        const m = /^<[^>]*>/.exec(this.src.slice(this.i));
        this.i += m ? m[0].length : 0;
        return undefined;
      }
      default:
        if (c !== undefined && /[1-9]/.test(c) && !inClass) {
          while (/\d/.test(this.src[this.i] ?? '')) this.i++;
          return undefined;
        }
        return { kind: 'char', set: this.literal((c ?? '\\').charCodeAt(0)) };
    }
  }

  private charClass(): CharSet {
    let negated = false;
    if (this.src[this.i] === '^') {
      negated = true;
      this.i++;
    }
    let set = new CharSet();
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false;
      const from = this.classAtom();
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length && from.code !== undefined) {
        this.i++;
        const to = this.classAtom();
        set = set.union(to.code !== undefined ? CharSet.range(from.code, to.code) : from.set.union(to.set));
        if (this.ignoreCase) set = caseFold(set);
      } else {
        set = set.union(from.set);
      }
    }
    if (this.src[this.i++] !== ']') throw new Error('class');
    return negated ? set.negate() : set;
  }

  private classAtom(): { set: CharSet; code?: number } {
    const c = this.src[this.i++];
    if (c === '\\') {
      const next = this.src[this.i];
      const node = this.escape(true);
      const set = node && node.kind === 'char' ? node.set : new CharSet();
      const single = /[dDwWsSpP]/.test(next ?? '') ? undefined : firstCode(set);
      return { set, code: single };
    }
    const code = c.charCodeAt(0);
    return { set: this.literal(code), code };
  }
}

function caseFold(set: CharSet): CharSet {
  const out = new CharSet(set.bits.slice(), set.other);
  for (let c = 65; c <= 90; c++) {
    if (set.bits[c >> 5] & (1 << (c & 31))) out.add(c + 32);
    if (set.bits[(c + 32) >> 5] & (1 << ((c + 32) & 31))) out.add(c);
  }
  return out;
}

function firstCode(set: CharSet): number | undefined {
  for (let c = 0; c < 128; c++) if (set.bits[c >> 5] & (1 << (c & 31))) return c;
  return undefined;
}

function canBeEmpty(n: RNode): boolean {
  switch (n.kind) {
    case 'empty': return true;
    case 'char': return false;
    case 'seq': return n.items.every(canBeEmpty);
    case 'alt': return n.alts.some(canBeEmpty);
    case 'repeat': return n.min === 0 || canBeEmpty(n.body);
  }
}

/** Every character the node can consume. */
function charsOf(n: RNode): CharSet {
  switch (n.kind) {
    case 'empty': return new CharSet();
    case 'char': return n.set;
    case 'seq': return n.items.reduce((s, i) => s.union(charsOf(i)), new CharSet());
    case 'alt': return n.alts.reduce((s, a) => s.union(charsOf(a)), new CharSet());
    case 'repeat': return n.max === 0 ? new CharSet() : charsOf(n.body);
  }
}

/** The ways an iteration's body reads as a flat sequence: groups spliced in, alternations expanded (capped). */
function expansions(n: RNode, cap = 16): RNode[][] {
  if (n.kind === 'seq') {
    let out: RNode[][] = [[]];
    for (const item of n.items) {
      const parts = expansions(item, cap);
      const next: RNode[][] = [];
      for (const prefix of out) for (const p of parts) if (next.length < cap) next.push([...prefix, ...p]);
      out = next;
    }
    return out;
  }
  if (n.kind === 'alt') return n.alts.flatMap((a) => expansions(a, cap)).slice(0, cap);
  if (n.kind === 'empty') return [[]];
  return [[n]];
}

const BIG = 10;

/** A nested quantifier in one reading of the iteration, whose neighbours cannot pin the iteration's boundaries. */
function nestedAmbiguity(items: RNode[]): boolean {
  for (const inner of items) {
    if (inner.kind !== 'repeat' || inner.max < 2 || canBeEmpty(inner.body)) continue;
    if (inner.max !== Infinity && inner.max < BIG) continue;
    let common = charsOf(inner.body);
    for (const other of items) {
      if (other === inner || canBeEmpty(other)) continue;
      common = common.intersect(charsOf(other));
      if (common.empty()) break;
    }
    if (!common.empty()) return true;
  }
  return false;
}

/** Two branches of an alternation that can read the same text: `(a|a)`, `(\w|\d)`, `(ab|\w\w)`. */
function overlappingBranches(items: RNode[]): boolean {
  for (const item of items) {
    if (item.kind !== 'alt') continue;
    const fixed = item.alts.map(fixedChars);
    for (let a = 0; a < fixed.length; a++) {
      for (let b = a + 1; b < fixed.length; b++) {
        const x = fixed[a];
        const y = fixed[b];
        if (!x || !y || x.length !== y.length || x.length === 0) continue;
        if (x.every((s, k) => !s.intersect(y[k]).empty())) return true;
      }
    }
  }
  return false;
}

/** The characters of a branch that is a fixed-length run of single characters, else undefined. */
function fixedChars(n: RNode): CharSet[] | undefined {
  if (n.kind === 'char') return [n.set];
  if (n.kind === 'seq') {
    const out: CharSet[] = [];
    for (const i of n.items) {
      if (i.kind === 'empty') continue;
      if (i.kind !== 'char') return undefined;
      out.push(i.set);
    }
    return out;
  }
  return undefined;
}

function visit(n: RNode, found: (why: RedosShape) => void): void {
  switch (n.kind) {
    case 'seq':
      n.items.forEach((i) => visit(i, found));
      return;
    case 'alt':
      n.alts.forEach((a) => visit(a, found));
      return;
    case 'repeat': {
      if (n.max === Infinity || n.max >= BIG) {
        // The body itself may be an alternation with a looping branch: (a+|b)* reads as (a+)* on a run of a's.
        const readings = expansions(n.body);
        if (readings.some(nestedAmbiguity)) found('nested-quantifier');
        else if (overlappingBranches(n.body.kind === 'alt' ? [n.body] : n.body.kind === 'seq' ? n.body.items : [])) found('overlapping-alternation');
      }
      visit(n.body, found);
      return;
    }
    default:
      return;
  }
}

export type RedosShape = 'nested-quantifier' | 'overlapping-alternation';

/**
 * Why a regex can backtrack catastrophically, or undefined when it cannot (as far as this analysis sees) or does not
 * parse. `flags` are the regex flags (`i` widens letters).
 */
export function redosShape(pattern: string, flags = ''): RedosShape | undefined {
  let tree: RNode;
  try {
    tree = new Parser(pattern, flags.includes('i')).parse();
  } catch {
    return undefined;
  }
  let shape: RedosShape | undefined;
  visit(tree, (why) => (shape ??= why));
  return shape;
}
