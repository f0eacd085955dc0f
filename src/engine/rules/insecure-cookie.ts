import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/insecure-cookie.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, calleeName, hasSpread, memberPath, property, staticText, unwrap, type Node } from '../model/ast';
import { COOKIE_METHODS, cookieWrite, isCsrfCookieName, isSensitiveCookieName, type CookieFlag, type CookieWrite } from '../model/cookies';
import { isScriptOrTestFile } from '../model/paths';
import { isSecretName } from '../model/sensitive-data';
import { createRule, metaFromSpec } from './create-rule';
import { FixText } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'insecureCookie' | 'addFlags';
type Options = [];

const spec = specData as RuleSpec;

export const insecureCookieSpec = spec;

const SAFE_VALUE: Record<CookieFlag, string> = { httpOnly: 'true', secure: 'true', sameSite: "'lax'" };
const CONSEQUENCE: Record<CookieFlag, string> = {
  httpOnly: 'any injected script can read it;',
  secure: 'it is sent over plain HTTP too;',
  sameSite: 'other sites can make the browser send it with forged requests;',
};

/** Whether the cookie write is a deletion: an empty value, `maxAge: 0`, an expiry in the past. */
function clears(w: CookieWrite): boolean {
  if (w.value && staticText(w.value) === '') return true;
  const maxAge = w.options ? property(w.options, 'maxAge') : undefined;
  const m = maxAge ? unwrap(maxAge.value) : undefined;
  if (m && ((m.type === T.Literal && m.value === 0) || (m.type === T.UnaryExpression && m.operator === '-'))) return true;
  const expires = w.options ? property(w.options, 'expires') : undefined;
  const e = expires ? unwrap(expires.value) : undefined;
  return !!e && e.type === T.NewExpression && e.arguments.length === 1 && e.arguments[0].type === T.Literal && e.arguments[0].value === 0;
}

/** Whether the cookie carries a session or a credential: by its name, or by the value's name (`token`, `session.id`). */
function sensitive(w: CookieWrite): boolean {
  if (w.api === 'session') return true;
  if (w.nameText && isSensitiveCookieName(w.nameText)) return true;
  const v = w.value ? unwrap(w.value) : undefined;
  if (!v) return false;
  const path = v.type === T.Identifier || v.type === T.MemberExpression ? memberPath(v) : v.type === T.CallExpression ? [calleeName(v) ?? ''] : [];
  return path.some((p) => isSecretName(p) || /^(session|sessionId|sid|jwt|signToken|sign)$/i.test(p));
}

/** The options a cookie lacks, or sets to false. */
function missingFlags(w: CookieWrite): CookieFlag[] {
  const out: CookieFlag[] = [];
  const csrf = w.nameText !== undefined && isCsrfCookieName(w.nameText);
  const spread = hasSpread(w.options);
  for (const flag of ['httpOnly', 'secure', 'sameSite'] as CookieFlag[]) {
    if (flag === 'httpOnly' && csrf) continue;
    const p = w.options ? property(w.options, flag) : undefined;
    if (p) {
      const v = unwrap(p.value);
      if (v.type === T.Literal && (v.value === false || (flag === 'sameSite' && v.value === 'none' && !secureSet(w)))) out.push(flag);
      continue;
    }
    // Hono's `prefix: 'secure' | 'host'` makes the cookie secure
    if (flag === 'secure' && w.options && property(w.options, 'prefix')) continue;
    if (spread || w.defaults.has(flag) || w.onlyExplicit.has(flag)) continue;
    out.push(flag);
  }
  return out;
}

/** `secure` is on: written, or the library's default (cookie-session follows the connection, so HTTPS makes it secure). */
function secureSet(w: CookieWrite): boolean {
  const p = w.options ? property(w.options, 'secure') : undefined;
  if (!p) return w.defaults.has('secure') || w.onlyExplicit.has('secure');
  return !(p.value.type === T.Literal && p.value.value === false);
}

function listText(flags: string[]): string {
  return flags.length === 1 ? flags[0] : `${flags.slice(0, -1).join(', ')} and ${flags[flags.length - 1]}`;
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

    function fix(w: CookieWrite, flags: CookieFlag[]): TSESLint.ReportFixFunction | undefined {
      const opts = w.options;
      const missing = flags.filter((f) => !opts || !property(opts, f));
      const falsy = flags.filter((f) => opts && property(opts, f));
      const added = missing.map((f) => `${f}: ${SAFE_VALUE[f]}`).join(', ');
      const t = (s: string) => FixText.for(context).text(s).toString();
      return (fixer) => {
        const edits: TSESLint.RuleFix[] = falsy.map((f) => fixer.replaceText(property(opts!, f)!.value, t(SAFE_VALUE[f])));
        if (!added) return edits;
        if (opts) {
          const last = opts.properties[opts.properties.length - 1];
          edits.push(last ? fixer.insertTextAfter(last, t(`, ${added}`)) : fixer.replaceText(opts, t(`{ ${added} }`)));
        } else if (w.api === 'session' && w.lastArg && unwrap(w.lastArg).type === T.ObjectExpression) {
          const top = unwrap(w.lastArg) as TSESTree.ObjectExpression;
          const last = top.properties[top.properties.length - 1];
          const cookie = `cookie: { ${['httpOnly: true', ...missing.filter((f) => f !== 'httpOnly').map((f) => `${f}: ${SAFE_VALUE[f]}`)].join(', ')} }`;
          const text = w.nameText === 'cookie-session' || w.nameText === 'koa-session' ? added : cookie;
          edits.push(last ? fixer.insertTextAfter(last, t(`, ${text}`)) : fixer.replaceText(top, t(`{ ${text} }`)));
        } else if (w.lastArg) {
          edits.push(fixer.insertTextAfter(w.lastArg, t(`, { ${added} }`)));
        }
        return edits;
      };
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const ctx = getModel(sourceCode, context.filename, teamFromContext(context)).ctx;
        for (const call of ctx.index.calls) {
          const name = calleeName(call);
          if (!name || (!COOKIE_METHODS.has(name) && !(call.callee.type === T.Identifier && ctx.index.imports.has(name)))) continue;
          const w = cookieWrite(call, ctx);
          if (!w || w.opaque || !sensitive(w) || clears(w)) continue;
          // the whole options object is spread in from elsewhere: only explicit `false` can be judged
          const flags = missingFlags(w);
          if (flags.length === 0) continue;
          const cookie = w.api === 'session' ? `The ${w.nameText} session cookie` : w.nameText && !/[./]/.test(w.nameText) ? `The \`${w.nameText}\` cookie` : 'This cookie';
          const at: Node = call.callee.type === T.MemberExpression ? call.callee.property : call.callee;
          const f = fix(w, flags);
          context.report({
            node: at,
            messageId: 'insecureCookie',
            data: { cookie, missing: listText(flags.map((x) => `\`${x}\``)), consequence: flags.map((x) => CONSEQUENCE[x]).join(' ').replace(/;$/, '.') },
            suggest: f ? [{ messageId: 'addFlags', data: { flags: listText(flags.map((x) => `\`${x}: ${SAFE_VALUE[x]}\``)) }, fix: f }] : [],
          });
        }
      },
    };
  },
});
