import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/http-call-without-timeout.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, calleeName, contains, enclosingFunction, hasSpread, isFunction, memberPath, property, staticText, unwrap, type Call, type Node } from '../model/ast';
import type { ModelContext } from '../model/file-index';
import { boundName, localOptionsObject, outboundCalls, type OutboundCall, type OutboundClient } from '../model/outbound-http';
import { isScriptOrTestFile } from '../model/paths';
import { isBrowserCode, isCommandLineTool } from '../model/runtime';
import { createRule, metaFromSpec } from './create-rule';
import { FixText } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'httpCallWithoutTimeout' | 'addTimeout';
type Options = [];

const spec = specData as RuleSpec;

export const httpCallWithoutTimeoutSpec = spec;

/** Options that bound a call, per client. A `dispatcher`/`agent` may carry its own timeouts: trusted. */
const BOUNDING: Partial<Record<OutboundClient, string[]>> = {
  fetch: ['signal', 'dispatcher'],
  'node-fetch': ['signal', 'timeout', 'agent'],
  undici: ['signal', 'headersTimeout', 'bodyTimeout', 'dispatcher'],
  ofetch: ['signal', 'timeout'],
  axios: ['timeout', 'signal', 'cancelToken'],
  got: ['timeout', 'signal'],
  request: ['timeout'],
  http: ['timeout', 'signal', 'agent'],
  https: ['timeout', 'signal', 'agent'],
};
/** How long a call without a timeout waits, in the message's words (fetch in Node is undici: 300 s header and body timeouts). */
const WAIT: Partial<Record<OutboundClient, string>> = {
  fetch: "up to five minutes (undici's default)",
  undici: "up to five minutes (undici's default)",
};
/** Every axios/got call of the file is covered by `axios.defaults.timeout = …`, `instance.defaults.timeout = …`, or an interceptor setting `config.timeout`. */
const TIMEOUT_ASSIGNED = /\.timeout\s*=[^=]/;

type Verdict = 'bounded' | 'unbounded' | 'unknown';

/** What an options argument says: bounded (has a timeout), unbounded (a literal without one), or unknown (a variable, a spread). */
function optionsVerdict(options: Node | undefined, keys: string[], call: Call, ctx: ModelContext): Verdict {
  if (!options) return 'unbounded';
  const o = localOptionsObject(options, call, ctx) ?? unwrap(options);
  if (isFunction(o)) return 'unbounded';
  if (o.type !== T.ObjectExpression || hasSpread(o)) return 'unknown';
  return keys.some((k) => property(o, k)) ? 'bounded' : 'unbounded';
}

/** superagent: `.timeout()` somewhere up the chain; a request kept in a variable may get one later. */
function superagentVerdict(call: Call): Verdict {
  let n: Node = call;
  while (n.parent?.type === T.MemberExpression && n.parent.object === n && n.parent.parent?.type === T.CallExpression) {
    const chained: Call = n.parent.parent;
    if (calleeName(chained) === 'timeout') return 'bounded';
    n = chained;
  }
  return n.parent?.type === T.VariableDeclarator ? 'unknown' : 'unbounded';
}

/** `http.get(url, cb)` with `req.setTimeout(…)`, `req.on('timeout', …)` or `.setTimeout()` chained on it. */
function nodeHttpTimedLater(call: Call, ctx: ModelContext): boolean {
  const p = call.parent;
  if (p?.type === T.MemberExpression && p.object === call) return p.property.type === T.Identifier && (p.property.name === 'setTimeout' || p.property.name === 'on');
  const name = p?.type === T.VariableDeclarator && p.id.type === T.Identifier ? p.id.name : undefined;
  if (!name) return false;
  const scope: Node = enclosingFunction(call) ?? ctx.index.program;
  return ctx.index.calls.some((c) => {
    if (!contains(scope, c)) return false;
    const path = memberPath(c.callee);
    return path[0] === name && (path[1] === 'setTimeout' || (path[1] === 'on' && staticText(c.arguments[0] as Node) === 'timeout'));
  });
}

/** `fetch('/api/cart')`: a path with no host only resolves against a page's origin, so the call runs in a browser. */
function relativeUrl(found: OutboundCall): boolean {
  const url = staticText(found.urlNode);
  return url !== undefined && url.startsWith('/') && !url.startsWith('//');
}

function isNuxtGlobalFetch(call: Call, ctx: ModelContext): boolean {
  const callee = unwrap(call.callee);
  return callee.type === T.Identifier && callee.name === '$fetch' && !ctx.index.imports.has('$fetch');
}

/** Nest's `HttpService` is configured by `HttpModule.register({ timeout })` in its module, which this file cannot see. */
function viaNestHttpService(call: Call): boolean {
  return memberPath(call.callee).some((p) => /httpService$/i.test(p) || p === 'axiosRef');
}

export default createRule<Options, MessageIds>({
  name: spec.id,
  meta: {
    type: 'problem',
    ...metaFromSpec<MessageIds>(spec),
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;

    /** The option to add, as text: `timeout: 5000`, `signal: AbortSignal.timeout(5000)`, `timeout: { request: 5000 }`. */
    function optionText(client: OutboundClient): { label: string; text: string } {
      const t = FixText.for(context);
      switch (client) {
        case 'axios':
        case 'ofetch':
        case 'request':
          return { label: '`timeout`', text: t.text('timeout: ').choice('5000').toString() };
        case 'got':
          return { label: '`timeout.request`', text: t.text('timeout: { request: ').choice('5000').text(' }').toString() };
        default:
          return { label: '`signal: AbortSignal.timeout(…)`', text: t.text('signal: AbortSignal.timeout(').choice('5000').text(')').toString() };
      }
    }

    function suggestion(found: OutboundCall): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const { call, client } = found;
      if (client === 'superagent') {
        const text = FixText.for(context).text('.timeout(').choice('5000').text(')').toString();
        return { messageId: 'addTimeout', data: { what: '`.timeout()`' }, fix: (fixer) => fixer.insertTextAfter(call, text) };
      }
      const { label, text } = optionText(client);
      const options = found.optionsNode ? unwrap(found.optionsNode) : undefined;
      if (options?.type === T.ObjectExpression) {
        const last = options.properties[options.properties.length - 1];
        return {
          messageId: 'addTimeout',
          data: { what: label },
          fix: last ? (fixer) => fixer.insertTextAfter(last, `, ${text}`) : (fixer) => fixer.replaceText(options, `{ ${text} }`),
        };
      }
      if (options) {
        // http.get(url, (res) => …): the options go before the callback
        if (isFunction(options) && (client === 'http' || client === 'https')) return { messageId: 'addTimeout', data: { what: label }, fix: (fixer) => fixer.insertTextBefore(options as TSESTree.Node, `{ ${text} }, `) };
        return undefined;
      }
      const args = call.arguments;
      if (found.creates) {
        if (args.length > 0) return undefined;
        const close = call.range[1] - 1;
        return { messageId: 'addTimeout', data: { what: label }, fix: (fixer) => fixer.insertTextBeforeRange([close, close], `{ ${text} }`) };
      }
      if (args.length === 0 || args.some((a) => a.type === T.SpreadElement)) return undefined;
      const callback = args[args.length - 1];
      if ((client === 'http' || client === 'https') && args.length === 2 && isFunction(callback)) {
        return { messageId: 'addTimeout', data: { what: label }, fix: (fixer) => fixer.insertTextBefore(callback, `{ ${text} }, `) };
      }
      const withBody = client === 'axios' && /^(post|put|patch|postForm|putForm|patchForm)$/.test(found.method);
      if (withBody && args.length === 1) return { messageId: 'addTimeout', data: { what: label }, fix: (fixer) => fixer.insertTextAfter(args[0], `, undefined, { ${text} }`) };
      if (args.length !== (withBody ? 2 : 1)) return undefined;
      return { messageId: 'addTimeout', data: { what: label }, fix: (fixer) => fixer.insertTextAfter(args[args.length - 1], `, { ${text} }`) };
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const calls = outboundCalls(model.ctx);
        if (calls.length === 0 || isBrowserCode(model.ctx) || isCommandLineTool(model.ctx)) return;
        const text = sourceCode.text;
        const timeoutAssigned = TIMEOUT_ASSIGNED.test(text);
        const globalDispatcher = text.includes('setGlobalDispatcher');
        for (const found of calls) {
          const { call, client } = found;
          // ky has a 10 s default, needle a 10 s connect timeout; instances are judged where they are created
          if (client === 'ky' || client === 'needle' || found.instance) continue;
          if ((client === 'axios' || client === 'got') && timeoutAssigned) continue;
          if ((client === 'fetch' || client === 'undici') && globalDispatcher) continue;
          if (client === 'axios' && viaNestHttpService(call)) continue;
          if (relativeUrl(found)) continue;
          // Nuxt's global $fetch runs on both sides; only its server/ directory is surely server code
          if (isNuxtGlobalFetch(call, model.ctx) && !/(^|[\\/])server[\\/]/.test(context.filename)) continue;
          let verdict: Verdict;
          if (found.creates) {
            if (client !== 'axios' && client !== 'got') continue;
            verdict = optionsVerdict(found.optionsNode, ['timeout'], call, model.ctx);
            const name = boundName(call);
            if (name && new RegExp(`\\b${name}\\.defaults\\.timeout\\b`).test(text)) continue;
          } else if (client === 'superagent') {
            verdict = superagentVerdict(call);
          } else {
            const keys = BOUNDING[client];
            if (!keys) continue;
            verdict = optionsVerdict(found.optionsNode, keys, call, model.ctx);
            if (verdict === 'unbounded' && (client === 'http' || client === 'https') && nodeHttpTimedLater(call, model.ctx)) verdict = 'bounded';
          }
          if (verdict !== 'unbounded') continue;
          const s = suggestion(found);
          const callee = unwrap(call.callee);
          const label = found.creates ? `This \`${client}.${found.method}()\` client (and every request it sends)` : `This ${client} request`;
          context.report({
            node: callee.type === T.MemberExpression ? callee.property : call,
            messageId: 'httpCallWithoutTimeout',
            data: { what: label, wait: WAIT[client] ?? 'forever', hint: optionText(client).label },
            suggest: s ? [s] : [],
          });
        }
      },
    };
  },
});
