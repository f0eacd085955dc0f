import { parseDockerfile } from './dockerfile/parse';
import type { FileKind } from './kinds';
import type { ParsedFiles } from './rule';
import { parseYamlFile } from './yaml';

/** How each kind is parsed; `undefined` when the text is not a well-formed file of that kind. */
const PARSERS: { [K in FileKind]: (text: string, fileName: string) => ParsedFiles[K] | undefined } = {
  dockerfile: parseDockerfile,
  compose: parseYamlFile,
  kubernetes: parseYamlFile,
  openapi: parseYamlFile,
  'github-actions': parseYamlFile,
};

export function parseFile<K extends FileKind>(kind: K, text: string, fileName: string): ParsedFiles[K] | undefined {
  try {
    return PARSERS[kind](text, fileName) as ParsedFiles[K] | undefined;
  } catch {
    return undefined;
  }
}

/** Go templates (Helm charts, `{{ .Values.image }}`): the file is only a manifest once rendered. GitHub's `${{ }}` is not one. */
const TEMPLATE = /(?<!\$)\{\{-?\s*(?:[.$"(]|[a-z]+\s|end\b|else\b|include\b|toYaml\b|template\b|if\b|range\b|with\b|define\b)/;

/** Whether a file of this kind is a template that must be rendered before it can be checked. */
export function isTemplate(kind: FileKind, text: string): boolean {
  return (kind === 'kubernetes' || kind === 'openapi' || kind === 'compose') && TEMPLATE.test(text);
}
