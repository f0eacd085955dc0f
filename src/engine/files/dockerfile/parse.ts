import { DockerfileParser, type Dockerfile, type From, type Instruction } from 'dockerfile-ast';
import { LineIndex } from '../source';

/** One instruction with its source offsets, the pieces rules need without knowing the parser. */
export interface DockerInstruction {
  keyword: string;
  /** Offsets of the whole instruction, continuations and heredocs included. */
  start: number;
  end: number;
  /** Offsets of the keyword (`RUN`, `FROM`). */
  keywordStart: number;
  keywordEnd: number;
  /** Offset where the arguments start; `end` when there are none. */
  argsStart: number;
  /** The arguments as written (continuations and heredoc bodies kept), starting at `argsStart`. */
  raw: string;
  /** The whole instruction as written, flags included. */
  source: string;
  /** Flags such as `--from=build` or `--mount=type=cache,target=/root/.npm`, by name. */
  flags: Map<string, string | null>;
  node: Instruction;
}

export interface Stage {
  index: number;
  from: DockerInstruction;
  /** The image as written after variable substitution (`node:20-alpine`), or the name of an earlier stage. */
  image: string;
  /** Whether `image` still holds a variable with no default. */
  unresolved: boolean;
  /** The earlier stage this one builds on (`FROM build AS runtime`). */
  parent?: Stage;
  /** `AS <name>`. */
  name?: string;
  instructions: DockerInstruction[];
}

/** A Dockerfile parsed once: stages, their instructions and the global ARG defaults. */
export interface DockerfileDoc {
  fileName: string;
  lines: LineIndex;
  escape: string;
  stages: Stage[];
  /** The stage that becomes the image (the last one, unless a build picks another with --target). */
  final?: Stage;
  /** `ARG` defaults declared before the first FROM, usable in FROM lines. */
  globalArgs: Map<string, string | undefined>;
  ast: Dockerfile;
}

export function parseDockerfile(text: string, fileName: string): DockerfileDoc {
  const ast = DockerfileParser.parse(text);
  const lines = new LineIndex(text);
  const offset = (p: { line: number; character: number }) => lines.offsetAt(p.line, p.character);
  const wrap = (node: Instruction): DockerInstruction => {
    const range = node.getRange();
    const kw = node.getInstructionRange();
    const args = node.getArgumentsRange();
    const start = offset(range.start);
    const end = offset(range.end);
    const argsStart = args ? offset(args.start) : end;
    const flags = new Map<string, string | null>();
    const withFlags = node as Instruction & { getFlags?: () => { getName(): string; getValue(): string | null }[] };
    for (const f of withFlags.getFlags?.() ?? []) flags.set(f.getName().toLowerCase(), f.getValue());
    return { keyword: node.getKeyword().toUpperCase(), start, end, keywordStart: offset(kw.start), keywordEnd: offset(kw.end), argsStart, raw: text.slice(argsStart, end), source: text.slice(start, end), flags, node };
  };

  const globalArgs = new Map<string, string | undefined>();
  for (const arg of ast.getInitialARGs()) {
    const p = arg.getProperty();
    if (p) globalArgs.set(p.getName(), p.getValue() ?? undefined);
  }

  const stages: Stage[] = [];
  let current: Stage | undefined;
  for (const node of ast.getInstructions()) {
    const ins = wrap(node);
    if (ins.keyword === 'FROM') {
      const from = node as From;
      const written = from.getImage() ?? '';
      const { value, unresolved } = substitute(written, globalArgs);
      const name = from.getBuildStage() ?? undefined;
      const parent = stages.find((s) => s.name !== undefined && s.name.toLowerCase() === value.toLowerCase());
      current = { index: stages.length, from: ins, image: value, unresolved, parent, name, instructions: [] };
      stages.push(current);
      continue;
    }
    current?.instructions.push(ins);
  }
  return { fileName, lines, escape: ast.getEscapeCharacter(), stages, final: stages[stages.length - 1], globalArgs, ast };
}

/** Replaces `$VAR`, `${VAR}` and `${VAR:-default}` with known values; reports whether any stayed unknown. */
export function substitute(text: string, vars: ReadonlyMap<string, string | undefined>): { value: string; unresolved: boolean } {
  let unresolved = false;
  const value = text.replace(/\$(?:\{(\w+)(?::?([-+])([^}]*))?\}|(\w+))/g, (_, braced: string | undefined, op: string | undefined, alt: string | undefined, bare: string | undefined) => {
    const known = vars.get((braced ?? bare)!);
    if (op === '-' && (known === undefined || known === '')) return alt ?? '';
    if (op === '+') return known ? alt ?? '' : '';
    if (known === undefined) {
      unresolved = true;
      return '';
    }
    return known;
  });
  return { value, unresolved };
}

/** The stage and its ancestors, nearest first (`FROM build AS runtime` inherits build's USER, ENV, HEALTHCHECK). */
export function lineage(stage: Stage): Stage[] {
  const out: Stage[] = [];
  for (let s: Stage | undefined = stage; s && out.length < 50 && !out.includes(s); s = s.parent) out.push(s);
  return out;
}

/** The instructions of a stage and its ancestors, in build order (ancestors first). */
export function effectiveInstructions(stage: Stage): DockerInstruction[] {
  return lineage(stage)
    .reverse()
    .flatMap((s) => s.instructions);
}

/** The external image at the root of a stage's lineage (`node:20-alpine`), or `undefined` when unknown. */
export function baseImage(stage: Stage): string | undefined {
  const root = lineage(stage).pop()!;
  return root.unresolved ? undefined : root.image;
}
