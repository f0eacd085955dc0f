/** Rules over the files around the code: Dockerfiles, Compose files, and (next) manifests, specs and workflows. */
export { analyzeFile } from './analyze-file';
export { detectFileKind, FILE_KINDS, kindFromContent, kindFromName, needsSniff, SNIFF_BYTES, type FileKind } from './kinds';
export { fileRules, fileRulesFor, fileRuleSpecs } from './registry';
