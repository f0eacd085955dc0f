import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { teamFromContext } from './team';

/**
 * Builds the text of a fix. In the editor fixes are VS Code snippets, so a value the user must choose
 * (a limit, a window) becomes a tab stop; elsewhere (CLI, ESLint) the same fix is plain text with the default.
 */
export class FixText {
  private parts: string[] = [];
  private stop = 1;
  constructor(private readonly snippet: boolean) {}

  static for(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FixText {
    return new FixText(teamFromContext(context).snippetFixes);
  }

  text(s: string): this {
    this.parts.push(this.snippet ? s.replace(/[\\$}]/g, '\\$&') : s);
    return this;
  }

  /** A value the user should look at: a tab stop with a default in the editor, the default elsewhere. */
  choice(defaultValue: string): this {
    this.parts.push(this.snippet ? `\${${this.stop++}:${defaultValue.replace(/[\\$}]/g, '\\$&')}}` : defaultValue);
    return this;
  }

  toString(): string {
    return this.parts.join('');
  }
}

/** Where a new import goes: after the last import or require at the top of the file. */
export function importInsertion(program: TSESTree.Program): number {
  let offset = 0;
  for (const stmt of program.body) {
    const isImport =
      stmt.type === 'ImportDeclaration' ||
      (stmt.type === 'VariableDeclaration' &&
        stmt.declarations.some((d) => d.init?.type === 'CallExpression' && d.init.callee.type === 'Identifier' && d.init.callee.name === 'require'));
    if (isImport) offset = stmt.range[1];
    else if (stmt.type !== 'ExpressionStatement' || !('directive' in stmt && stmt.directive)) break;
  }
  return offset;
}

/** Whether the file uses ES modules (import/export) rather than CommonJS require. */
export function usesEsm(program: TSESTree.Program): boolean {
  return program.body.some((s) => s.type === 'ImportDeclaration' || s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration');
}

/** The indentation of the line a node starts on. */
export function indentOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/.exec(line)![0];
}

/** The text a VS Code snippet inserts when every tab stop keeps its default (`${1:100}` → `100`, `\$` → `$`). */
export function expandSnippetDefaults(snippet: string): string {
  const DOLLAR = '\u0000';
  const BRACE = '\u0001';
  const BACKSLASH = '\u0002';
  let text = snippet.replace(/\\\\/g, BACKSLASH).replace(/\\\$/g, DOLLAR).replace(/\\\}/g, BRACE);
  for (let i = 0; i < 5; i++) text = text.replace(/\$\{\d+:([^{}]*)\}/g, '$1');
  return text
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(new RegExp(DOLLAR, 'g'), '$')
    .replace(new RegExp(BRACE, 'g'), '}')
    .replace(new RegExp(BACKSLASH, 'g'), '\\');
}
