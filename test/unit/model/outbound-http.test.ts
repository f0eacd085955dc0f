import * as assert from 'node:assert/strict';
import { outboundCalls, type OutboundCall } from '../../../src/engine/model';
import { withModel } from '../support/model';

/** `client method url-text options-text` for each outbound call, to compare as plain strings. */
function calls(code: string): string[] {
  return withModel(code, (model, sc) =>
    outboundCalls(model.ctx).map((c: OutboundCall) => {
      const text = (n: unknown) => (n ? sc.getText(n as never) : '-');
      return `${c.client} ${c.method || '()'} ${text(c.urlNode)} ${text(c.optionsNode)}${c.creates ? ' creates' : ''}${c.instance ? ' instance' : ''}`;
    }),
  );
}

describe('model: outbound HTTP calls', () => {
  it('finds global fetch and its init, but not a local function named fetch', () => {
    assert.deepEqual(calls(`const r = await fetch(url, { signal: AbortSignal.timeout(5000) });`), ['fetch () url { signal: AbortSignal.timeout(5000) }']);
    assert.deepEqual(calls(`function fetch(id) { return db.get(id); }\nfetch(1);`), []);
    assert.deepEqual(calls(`await globalThis.fetch('https://x.test');`), ["fetch () 'https://x.test' -"]);
  });

  it('reads axios verbs with the config in the right place', () => {
    const code = `import axios from 'axios';
await axios.get(url, { timeout: 1000 });
await axios.post(url, body, { timeout: 1000 });
await axios({ method: 'post', url: target, data });
await axios.request({ url: target });`;
    assert.deepEqual(calls(code), [
      'axios get url { timeout: 1000 }',
      'axios post url { timeout: 1000 }',
      "axios () target { method: 'post', url: target, data }",
      'axios request target { url: target }',
    ]);
  });

  it('follows axios.create instances, including class fields', () => {
    const code = `import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 2000 });
await api.get('/users');
class Billing {
  private http = axios.create({ baseURL: process.env.BILLING_URL });
  charge() { return this.http.post('/charges', {}); }
}`;
    assert.deepEqual(calls(code), [
      "axios create 'https://api.example.com' { baseURL: 'https://api.example.com', timeout: 2000 } creates",
      "axios get '/users' - instance",
      'axios create process.env.BILLING_URL { baseURL: process.env.BILLING_URL } creates',
      "axios post '/charges' - instance",
    ]);
  });

  it('knows got, ky, superagent, undici, node-fetch and needle', () => {
    const code = `import got from 'got';
import ky from 'ky';
import superagent from 'superagent';
import { request } from 'undici';
import nodeFetch from 'node-fetch';
const needle = require('needle');
await got(url, { timeout: { request: 1000 } });
await got.post(url, { json: body });
const client = got.extend({ prefixUrl: base });
await ky.get(url);
await superagent.get(url).timeout(1000);
await request(url, { bodyTimeout: 1000 });
await nodeFetch(url);
needle.post(url, data, { open_timeout: 1000 });`;
    assert.deepEqual(calls(code), [
      'got () url { timeout: { request: 1000 } }',
      'got post url { json: body }',
      'got extend base { prefixUrl: base } creates',
      'ky get url -',
      'superagent get url -',
      'undici request url { bodyTimeout: 1000 }',
      'node-fetch () url -',
      'needle post url { open_timeout: 1000 }',
    ]);
  });

  it('reads http/https with a URL or an options object', () => {
    const code = `import https from 'node:https';
import { get } from 'http';
https.get(url, (res) => res.resume());
https.request({ hostname: host, path: '/x', timeout: 500 }, cb);
get(url, { timeout: 500 }, cb);`;
    assert.deepEqual(calls(code), ['https get url -', "https request - { hostname: host, path: '/x', timeout: 500 }", 'http get url { timeout: 500 }']);
  });

  it('knows Nest HttpService and ignores look-alikes', () => {
    const code = `import { HttpService } from '@nestjs/axios';
class Weather {
  constructor(private readonly httpService: HttpService, private readonly cache: Map<string, string>) {}
  load(city: string) {
    this.cache.get(city);
    return this.httpService.get(\`https://api.weather.test/\${city}\`);
  }
}`;
    assert.deepEqual(calls(code), ['axios get `https://api.weather.test/${city}` -']);
    // Angular-style this.http.get without an http import, a Map's get, router.get: not outbound HTTP
    assert.deepEqual(calls(`router.get('/x', h); this.http.get('/api'); cache.get(k);`), []);
  });
});
