/** The engine's public surface: the host pieces (catalog, settings, project resolution, types) plus analysis itself. */
export * from './host';
export { analyze, looksMinified, PLUGIN } from './analyze';
export { emptyResult, MAX_FILE_BYTES, sortFindings, tooLarge } from './results';
export { rules } from './rules';
