import * as assert from 'node:assert/strict';
import { withModel } from '../support/model';

/** `local → source` for each import the file index recorded. */
function imports(code: string): string[] {
  return withModel(code, (model) => [...model.ctx.index.imports].map(([local, ref]) => `${local} → ${ref.source}`));
}

describe('model: file index imports', () => {
  it('sees through the interop helpers compilers wrap a require in', () => {
    const code = `var import_fs_extra = __toESM(require("fs-extra"));
const path_1 = __importDefault(require("path"));
var _express = _interopRequireDefault(require("express"));`;
    assert.deepEqual(imports(code), ['import_fs_extra → fs-extra', 'path_1 → path', '_express → express']);
  });

  it("follows Rollup's _interopDefault of an earlier require", () => {
    const code = `var boxen = require('boxen');
var boxen__default = /*#__PURE__*/_interopDefault(boxen);`;
    assert.deepEqual(imports(code), ['boxen → boxen', 'boxen__default → boxen']);
  });

  it('does not take an ordinary call of a required module for an import', () => {
    assert.deepEqual(imports(`const express = require('express');\nconst app = express(require('./config'));`), ['express → express']);
  });
});
