import * as assert from 'node:assert/strict';
import { routesConsoleToLogger } from '../../../src/engine/model/loggers';
import { isCommandLineTool } from '../../../src/engine/model/runtime';
import { withModel } from '../support/model';

describe('model: command-line tools and console routing', () => {
  const tool = (code: string, fileName: string) => withModel(code, (m) => isCommandLineTool(m.ctx), fileName);

  it('knows a command-line tool: a shebang, a CLI package, a bin/ script reading argv or exporting nothing', () => {
    assert.equal(tool(`#!/usr/bin/env node\nconsole.log(process.argv);`, 'scripts/x.js'), true);
    assert.equal(tool(`import { Command } from 'commander';\nnew Command().parse();`, 'src/cli.ts'), true);
    assert.equal(tool(`const padId = process.argv[2];\nrequire('../db').check(padId);`, 'bin/checkPad.js'), true);
    assert.equal(tool(`const superagent = require('superagent');\n(async () => { await superagent.get('https://x'); })();`, 'bin/plugins/stale.js'), true);
  });

  it('a file that listens is a server, whatever else it is; a bin/ module with exports is a library', () => {
    assert.equal(tool(`#!/usr/bin/env node\nconst app = require('../app');\napp.listen(process.env.PORT);`, 'bin/www.js'), false);
    assert.equal(tool(`import meow from 'meow';\nasync function start() { httpServer.listen(3000); }\nmeow('help');`, 'src/scripts/cli.js'), false);
    assert.equal(tool(`exports.run = async () => fetch('https://x');`, 'bin/lib/run.js'), false);
    assert.equal(tool(`export async function sync() { await fetch('https://x'); }`, 'src/services/sync.ts'), false);
  });

  it('knows an app that routes console through its logger', () => {
    const routes = (code: string) => withModel(code, (m) => routesConsoleToLogger(m.ctx), 'node/server.js');
    assert.equal(routes(`const log4js = require('log4js');\nlog4js.replaceConsole();`), true);
    assert.equal(routes(`import { consola } from 'consola';\nconsola.wrapConsole();`), true);
    assert.equal(routes(`import { logger } from './lib/logger';\nconsole.error = logger.error.bind(logger);`), true);
    assert.equal(routes(`import { logger } from './lib/logger';\nObject.assign(console, logger);`), true);
    // silencing console in a test helper, or a method of something that is not a logger
    assert.equal(routes(`console.log = () => {};`), false);
    assert.equal(routes(`const screen = require('./screen');\nscreen.replaceConsole();`), false);
  });
});
