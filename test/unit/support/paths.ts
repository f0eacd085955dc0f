import path from 'node:path';

/** The repository root: tests run from the bundle at out/test/unit.js. */
export const REPO = path.resolve(__dirname, '../..');
