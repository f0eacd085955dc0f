import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import specData from '../../../rules/weak-password-hash.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, enclosingFunction, memberPath, unwrap, words, type Node } from '../model/ast';
import { algorithmArg, cryptoCalls, type CryptoCall } from '../model/crypto-calls';
import { isScriptOrTestFile } from '../model/paths';
import { secretKind } from '../model/sensitive-data';
import { createRule, metaFromSpec } from './create-rule';
import { FixText } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'weakPasswordHash' | 'lowCost' | 'raiseCost';
type Options = [];

const spec = specData as RuleSpec;

export const weakPasswordHashSpec = spec;

const BCRYPT_MIN = 10;
const BCRYPT_TARGET = 12;
const PBKDF2_MIN = 100_000;
/** OWASP's current PBKDF2 iteration counts per digest. */
const PBKDF2_TARGET: Record<string, number> = { sha1: 1_300_000, sha256: 600_000, sha512: 210_000 };
/** Verbs that make a function about storing or checking a password: `hashPassword`, `verifyUserPassword`. */
const PASSWORD_VERBS = new Set(['hash', 'hashed', 'encrypt', 'encode', 'digest', 'set', 'create', 'make', 'store', 'save', 'verify', 'check', 'compare', 'validate', 'match', 'matches']);

/** A name holding a user's password (`password`, `newPassword`, `plainPassword`, `pwd`), not a PIN, an OTP or a reset token. */
function isPasswordName(name: string): boolean {
  if (secretKind(name) !== 'password') return false;
  return words(name).some((w) => /^(password|passwd|pwd|passphrase|pass|pw)$/.test(w));
}

/** The expression carries a password: `password`, `req.body.password`, `salt + password`, `` `${salt}${pwd}` ``. */
function carriesPassword(node: Node | undefined, depth = 0): boolean {
  if (!node || depth > 4) return false;
  const n = unwrap(node);
  switch (n.type) {
    case T.Identifier:
      return isPasswordName(n.name);
    case T.MemberExpression: {
      const path = memberPath(n);
      return path.length > 0 && isPasswordName(path[path.length - 1]);
    }
    case T.BinaryExpression:
      return carriesPassword(n.left as Node, depth + 1) || carriesPassword(n.right, depth + 1);
    case T.TemplateLiteral:
      return n.expressions.some((e) => carriesPassword(e, depth + 1));
    case T.CallExpression:
      // String(password), password.trim(), Buffer.from(password)
      return (n.callee.type === T.MemberExpression && carriesPassword(n.callee.object, depth + 1)) || n.arguments.some((a) => carriesPassword(a, depth + 1));
    default:
      return false;
  }
}

function functionName(fn: Node | undefined): string | undefined {
  if (!fn) return undefined;
  if (fn.type === T.FunctionDeclaration && fn.id) return fn.id.name;
  const p = fn.parent;
  if (p?.type === T.VariableDeclarator && p.id.type === T.Identifier) return p.id.name;
  if ((p?.type === T.MethodDefinition || p?.type === T.Property || p?.type === T.PropertyDefinition) && p.key.type === T.Identifier) return p.key.name;
  return undefined;
}

/** `hashPassword`, `verifyPassword`, `encryptUserPassword`: a function whose job is a password. */
function isPasswordFunction(name: string | undefined): boolean {
  if (!name) return false;
  const w = words(name);
  return w.some((x) => x === 'password' || x === 'passwd' || x === 'pwd') && w.some((x) => PASSWORD_VERBS.has(x)) && !w.some((x) => /^(token|reset|link|otp|code)$/.test(x));
}

/** The values fed to a hash: `createHash(a).update(x).update(y)`, `md5(x)`, `crypto.hash(a, x)`. */
function hashInputs(c: CryptoCall): Node[] {
  if (c.library === 'hash-package' || c.library === 'crypto-js') return c.call.arguments.slice(0, 1) as Node[];
  if (c.fn === 'hash') return c.call.arguments.slice(1, 2) as Node[];
  const inputs: Node[] = [];
  let n: Node = c.call;
  while (n.parent?.type === T.MemberExpression && n.parent.object === n && n.parent.parent?.type === T.CallExpression) {
    const prop = n.parent.property;
    const call: TSESTree.CallExpression = n.parent.parent;
    if (prop.type === T.Identifier && prop.name === 'update' && call.arguments[0]) inputs.push(call.arguments[0] as Node);
    n = call;
  }
  return inputs;
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
    if (isScriptOrTestFile(context.filename)) return {};
    const sourceCode = context.sourceCode;

    /** A number literal, or a `const ROUNDS = 8` in this file: the literal node and its value. */
    function numberAt(node: Node | undefined): { literal: TSESTree.Literal; value: number } | undefined {
      if (!node) return undefined;
      const n = unwrap(node);
      if (n.type === T.Literal && typeof n.value === 'number') return { literal: n, value: n.value };
      if (n.type === T.Identifier) {
        const variable = findVariable(sourceCode.getScope(n), n.name);
        const def = variable?.defs[0]?.node as Node | undefined;
        if (def?.type === T.VariableDeclarator && def.parent?.type === T.VariableDeclaration && def.parent.kind === 'const' && def.init) {
          const init = unwrap(def.init);
          if (init.type === T.Literal && typeof init.value === 'number') return { literal: init, value: init.value };
        }
      }
      return undefined;
    }

    function raise(literal: TSESTree.Literal, target: number): TSESLint.SuggestionReportDescriptor<MessageIds> {
      const text = FixText.for(context).choice(target >= 1000 ? target.toLocaleString('en-US').replace(/,/g, '_') : String(target)).toString();
      return { messageId: 'raiseCost', data: { target: String(target) }, fix: (fixer) => fixer.replaceText(literal, text) };
    }

    function checkBcrypt(c: CryptoCall): void {
      const at = c.fn === 'genSalt' || c.fn === 'genSaltSync' ? 0 : 1;
      const cost = numberAt(c.call.arguments[at] as Node | undefined);
      if (!cost || cost.value >= BCRYPT_MIN) return;
      context.report({
        node: c.call.arguments[at],
        messageId: 'lowCost',
        data: { what: `A bcrypt cost of ${cost.value}`, target: `a cost of ${BCRYPT_TARGET} or more` },
        suggest: [raise(cost.literal, BCRYPT_TARGET)],
      });
    }

    function checkPbkdf2(c: CryptoCall): void {
      const [input, , iterationsArg, , digestArg] = c.call.arguments as Node[];
      // PBKDF2 over a random key (not a password) needs no stretching: `pbkdf2Sync(masterKey, salt, 1, 32, 'sha256')`.
      const inputName = input ? memberPath(input).pop() : undefined;
      if (inputName && /key|secret|token/i.test(inputName) && !isPasswordName(inputName)) return;
      const iterations = numberAt(iterationsArg);
      if (!iterations || iterations.value >= PBKDF2_MIN) return;
      const digest = algorithmArg(digestArg) ?? 'sha256';
      const target = PBKDF2_TARGET[digest.replace('-', '')] ?? PBKDF2_TARGET.sha256;
      context.report({
        node: iterationsArg,
        messageId: 'lowCost',
        data: { what: `PBKDF2 with ${iterations.value.toLocaleString('en-US')} iterations`, target: `${target.toLocaleString('en-US')} iterations for ${digest.toUpperCase()} (OWASP), or Argon2id` },
        suggest: [raise(iterations.literal, target)],
      });
    }

    function checkFastHash(c: CryptoCall): void {
      const alg = c.library === 'node' ? algorithmArg(c.call.arguments[0] as Node | undefined) : c.fn.replace(/^(MD5|SHA\d*)$/i, (m) => m.toLowerCase());
      if (!alg) return;
      const inputs = hashInputs(c);
      if (inputs.length === 0 && c.library === 'node') return;
      const passwordIn = inputs.some((i) => carriesPassword(i));
      if (!passwordIn) {
        // hashPassword(pw) { return createHash('sha256').update(pw)… }: the function's name says what the input is.
        const fn = enclosingFunction(c.call);
        if (!isPasswordFunction(functionName(fn))) return;
        // ...unless what is hashed is plainly not the password (a token, a file)
        if (inputs.some((i) => /token|file|body|buffer|content|etag|nonce|code/i.test(sourceCode.getText(i)))) return;
      }
      context.report({ node: c.call, messageId: 'weakPasswordHash', data: { alg: c.fn === 'createHmac' ? `HMAC-${alg.toUpperCase()}` : alg.toUpperCase() } });
    }

    return {
      'Program:exit'() {
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        for (const c of cryptoCalls(model.ctx)) {
          if (c.library === 'bcrypt') checkBcrypt(c);
          else if (c.fn === 'pbkdf2' || c.fn === 'pbkdf2Sync') checkPbkdf2(c);
          else if (c.fn === 'createHash' || c.fn === 'createHmac' || c.fn === 'hash' || c.library === 'hash-package' || (c.library === 'crypto-js' && !c.fn.includes('.'))) checkFastHash(c);
        }
      },
    };
  },
});
