import rule from '../../../src/engine/rules/path-traversal';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('path-traversal', rule, {
  valid: [
    {
      name: 'Express sendFile with a root option (send rejects ..)',
      filename: 'src/routes/files.ts',
      code: `
import path from 'node:path';
const UPLOADS = path.join(__dirname, '..', 'uploads');
router.get('/files/:name', (req, res) => res.sendFile(req.params.name, { root: UPLOADS }));
`,
    },
    {
      name: 'path.basename keeps only the file name',
      filename: 'src/routes/avatars.js',
      code: `
const fs = require('fs');
const path = require('path');
router.get('/avatars/:file', (req, res) => {
  fs.createReadStream(path.join(__dirname, 'avatars', path.basename(req.params.file))).pipe(res);
});
`,
    },
    {
      name: 'resolved path checked with startsWith before use',
      filename: 'src/routes/docs.ts',
      code: `
import fs from 'node:fs/promises';
import path from 'node:path';
const ROOT = path.resolve('docs');
router.get('/docs/*', async (req, res) => {
  const file = path.resolve(ROOT, req.params[0]);
  if (!file.startsWith(ROOT + path.sep)) return res.status(403).end();
  res.type('text/markdown').send(await fs.readFile(file, 'utf8'));
});
`,
    },
    {
      name: 'allow-listed report names',
      filename: 'src/routes/reports.ts',
      code: `
import { readFile } from 'node:fs/promises';
const REPORTS = ['daily', 'weekly', 'monthly'];
router.get('/reports/:name', async (req, res) => {
  const { name } = req.params;
  if (!REPORTS.includes(name)) return res.status(404).end();
  res.send(await readFile(\`reports/\${name}.csv\`, 'utf8'));
});
`,
    },
    {
      name: 'id converted to a number',
      filename: 'src/routes/invoices.ts',
      code: `
import fs from 'fs';
router.get('/invoices/:id/pdf', (req, res) => {
  const id = Number(req.params.id);
  fs.createReadStream(\`/var/invoices/\${id}.pdf\`).pipe(res);
});
`,
    },
    {
      name: 'pattern test on the name',
      filename: 'src/routes/exports.js',
      code: `
const path = require('path');
router.get('/exports/:file', (req, res) => {
  const file = req.params.file;
  if (!/^[a-z0-9-]+\\.csv$/.test(file)) return res.sendStatus(400);
  res.download(path.join(EXPORT_DIR, file));
});
`,
    },
    {
      name: 'Fastify reply.sendFile serves under @fastify/static root',
      filename: 'src/routes/static.ts',
      code: `
import Fastify from 'fastify';
const app = Fastify();
app.get('/assets/:name', (request, reply) => reply.sendFile(request.params.name));
`,
    },
    {
      name: 'koa-send with root',
      filename: 'src/routes/download.js',
      code: `
const send = require('koa-send');
router.get('/download/:file', async (ctx) => {
  await send(ctx, ctx.params.file, { root: __dirname + '/public' });
});
`,
    },
    {
      name: 'multer stores the upload under a server-chosen path',
      filename: 'src/routes/upload.ts',
      code: `
import fs from 'node:fs/promises';
router.post('/upload', upload.single('file'), async (req, res) => {
  const data = await fs.readFile(req.file.path);
  await fs.unlink(req.file.path);
  res.json({ size: data.length });
});
`,
    },
    {
      name: 'a path from the database, not the request',
      filename: 'src/routes/attachments.ts',
      code: `
import fs from 'fs';
router.get('/attachments/:id', async (req, res) => {
  const attachment = await Attachment.findByPk(req.params.id);
  fs.createReadStream(attachment.storagePath).pipe(res);
});
`,
    },
    {
      name: 'user id from the session',
      filename: 'src/routes/export.ts',
      code: `
import { writeFile } from 'fs/promises';
router.post('/export', async (req, res) => {
  await writeFile(\`/tmp/export-\${req.user.id}.json\`, JSON.stringify(req.body));
  res.sendStatus(202);
});
`,
    },
    {
      name: 'a Map that is not fs, and a script file',
      filename: 'scripts/copy-assets.js',
      code: `
const fs = require('fs');
fs.copyFileSync(process.argv[2], 'dist/' + process.argv[3]);
`,
    },
  ],
  invalid: [
    {
      name: 'a local helper that only builds the path around a header (Actual sync server)',
      filename: 'src/app-sync.js',
      code: `
import fs from 'node:fs/promises';
import { join, resolve } from 'node:path';
const getPathForUserFile = (fileId) => join(resolve(process.env.USER_FILES), \`file-\${fileId}.blob\`);
app.post('/upload-user-file', async (req, res) => {
  const fileId = req.headers['x-actual-file-id'];
  await fs.writeFile(getPathForUserFile(fileId), req.body);
  res.send({ status: 'ok' });
});
`,
      errors: [{ messageId: 'pathTraversal', line: 7, column: 22, data: { source: "req.headers.x-actual-file-id", api: 'fs.writeFile' } }],
    },
    {
      name: 'Express sendFile with path.join and a route param',
      filename: 'src/routes/files.ts',
      code: `
import path from 'node:path';
const UPLOADS = path.join(__dirname, '..', 'uploads');
router.get('/files/:name', (req, res) => {
  res.sendFile(path.join(UPLOADS, req.params.name));
});
`,
      errors: [
        {
          messageId: 'pathTraversal',
          line: 5,
          column: 16,
          data: { source: 'req.params.name', api: 'res.sendFile' },
          suggestions: [
            {
              messageId: 'useBasename',
              output: `
import path from 'node:path';
const UPLOADS = path.join(__dirname, '..', 'uploads');
router.get('/files/:name', (req, res) => {
  res.sendFile(path.join(UPLOADS, path.basename(req.params.name)));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fs.readFile with a query value in a template',
      filename: 'src/routes/templates.js',
      code: `
const fs = require('fs');
const path = require('path');
router.get('/templates', (req, res) => {
  fs.readFile(\`./templates/\${req.query.name}\`, 'utf8', (err, text) => res.send(text));
});
`,
      errors: [
        {
          messageId: 'pathTraversal',
          line: 5,
          suggestions: [
            {
              messageId: 'useBasename',
              output: `
const fs = require('fs');
const path = require('path');
router.get('/templates', (req, res) => {
  fs.readFile(\`./templates/\${path.basename(req.query.name)}\`, 'utf8', (err, text) => res.send(text));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'res.download with a body field',
      filename: 'src/routes/downloads.ts',
      code: `
import path from 'path';
router.post('/download', (req, res) => {
  res.download(path.resolve('exports', req.body.file));
});
`,
      errors: [{ messageId: 'pathTraversal', line: 4, suggestions: [{ messageId: 'useBasename', output: `
import path from 'path';
router.post('/download', (req, res) => {
  res.download(path.resolve('exports', path.basename(req.body.file)));
});
` }] }],
    },
    {
      name: 'fs.promises.unlink with a Fastify param (deletes any file)',
      filename: 'src/routes/uploads.ts',
      code: `
import fs from 'node:fs';
import Fastify from 'fastify';
const app = Fastify();
app.delete('/uploads/:name', async (request, reply) => {
  await fs.promises.unlink('/srv/uploads/' + request.params.name);
  return reply.code(204).send();
});
`,
      errors: [{ messageId: 'pathTraversal', line: 6, data: { source: 'request.params.name', api: 'fs.promises.unlink' }, suggestions: [] }],
    },
    {
      name: 'Koa writeFile with the upload original name',
      filename: 'src/routes/avatar.js',
      code: `
const fs = require('fs/promises');
router.post('/avatar', async (ctx) => {
  const file = ctx.request.files.avatar;
  await fs.writeFile('uploads/' + file.originalFilename, ctx.request.body.data);
});
`,
      errors: [{ messageId: 'pathTraversal', line: 5, suggestions: [] }],
    },
    {
      name: 'named readFile import with a Hono query',
      filename: 'src/routes/logs.ts',
      code: `
import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
const app = new Hono();
app.get('/logs', async (c) => c.text(await readFile(path.join('/var/log/app', c.req.query('file')), 'utf8')));
`,
      errors: [{ messageId: 'pathTraversal', line: 6, suggestions: [{ messageId: 'useBasename', output: `
import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
const app = new Hono();
app.get('/logs', async (c) => c.text(await readFile(path.join('/var/log/app', path.basename(c.req.query('file'))), 'utf8')));
` }] }],
    },
    {
      name: 'NestJS @Param into createReadStream',
      filename: 'src/files/files.controller.ts',
      code: `
import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { createReadStream } from 'fs';
import { join } from 'path';
@Controller('files')
export class FilesController {
  @Get(':name')
  get(@Param('name') name: string) {
    return new StreamableFile(createReadStream(join(process.cwd(), 'storage', name)));
  }
}
`,
      errors: [{ messageId: 'pathTraversal', line: 9, data: { source: "@Param('name') name", api: 'fs.createReadStream' }, suggestions: [] }],
    },
    {
      name: 'Next.js route params into readFile',
      filename: 'app/api/docs/[slug]/route.ts',
      code: `
import { readFile } from 'fs/promises';
import path from 'path';
export async function GET(req: Request, { params }: { params: { slug: string } }) {
  const md = await readFile(path.join(process.cwd(), 'content', params.slug + '.md'), 'utf8');
  return new Response(md);
}
`,
      errors: [{ messageId: 'pathTraversal', line: 5, suggestions: [] }],
    },
    {
      name: 'a startsWith check on a different value does not count',
      filename: 'src/routes/preview.ts',
      code: `
import fs from 'fs';
import path from 'path';
router.get('/preview', (req, res) => {
  if (!req.query.file.startsWith('img')) return res.sendStatus(400);
  fs.createReadStream(path.join('public', 'img', req.query.dir, 'thumb.png')).pipe(res);
});
`,
      errors: [{ messageId: 'pathTraversal', line: 6, suggestions: [{ messageId: 'useBasename', output: `
import fs from 'fs';
import path from 'path';
router.get('/preview', (req, res) => {
  if (!req.query.file.startsWith('img')) return res.sendStatus(400);
  fs.createReadStream(path.join('public', 'img', path.basename(req.query.dir), 'thumb.png')).pipe(res);
});
` }] }],
    },
    {
      name: 'rename with a body destination',
      filename: 'src/routes/move.js',
      code: `
const fs = require('fs');
router.post('/files/move', (req, res) => {
  fs.renameSync('/srv/inbox/current.csv', '/srv/archive/' + req.body.target);
  res.sendStatus(204);
});
`,
      errors: [{ messageId: 'pathTraversal', line: 4, column: 43 }],
    },
  ],
});
