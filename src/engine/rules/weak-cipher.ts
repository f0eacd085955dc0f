import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import specData from '../../../rules/weak-cipher.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, memberPath, unwrap, type Node } from '../model/ast';
import { algorithmArg, cryptoCalls, weakCipherReason, type CryptoCall } from '../model/crypto-calls';
import type { ModelContext } from '../model/file-index';
import { isScriptOrTestFile } from '../model/paths';
import { createRule, metaFromSpec } from './create-rule';
import { importInsertion, usesEsm } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'weakCipher' | 'deprecatedCipher' | 'staticIv' | 'randomIv';
type Options = [];

const spec = specData as RuleSpec;

export const weakCipherSpec = spec;

/** crypto-js ciphers that are broken whatever the mode. */
const CRYPTO_JS_WEAK: Record<string, string> = { DES: 'des', TripleDES: 'des-ede3', RC4: 'rc4', RC4Drop: 'rc4', Blowfish: 'bf' };

/** The IV is the same on every call: a string, `Buffer.alloc(16)` (zeros), `Buffer.from('…')`, `Buffer.from([0, …])`, `new Uint8Array(16)`. */
function fixedIv(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === T.Literal) return typeof n.value === 'string';
  if (n.type === T.TemplateLiteral) return n.expressions.length === 0;
  if (n.type === T.CallExpression) {
    const path = memberPath(n.callee).join('.');
    if (path === 'Buffer.alloc') return n.arguments.length <= 2 && n.arguments.every((a) => unwrap(a as Node).type === T.Literal);
    if (path === 'Buffer.from' && n.arguments[0]) return fixedIv(n.arguments[0] as Node) || (unwrap(n.arguments[0] as Node).type === T.ArrayExpression);
  }
  if (n.type === T.NewExpression && n.callee.type === T.Identifier && /^(Uint8Array|Buffer)$/.test(n.callee.name)) {
    const a = n.arguments[0] ? unwrap(n.arguments[0] as Node) : undefined;
    return !!a && (a.type === T.Literal || a.type === T.ArrayExpression);
  }
  return false;
}

/** The IV's byte length: 12 for GCM/CCM/OCB and ChaCha20-Poly1305, 16 for CBC/CTR/CFB/OFB. */
function ivSize(algorithm: string | undefined): number {
  return algorithm && /gcm|ccm|ocb|chacha20-poly1305/.test(algorithm) ? 12 : 16;
}

/** How `randomBytes` is reachable: `crypto.randomBytes`, an imported `randomBytes`, or it must be imported. */
function randomBytesRef(ctx: ModelContext, call: TSESTree.CallExpression): { text: string; importNeeded?: boolean } {
  for (const [local, ref] of ctx.index.imports) {
    if (ref.source !== 'crypto' && ref.source !== 'node:crypto') continue;
    if (ref.imported === 'randomBytes') return { text: local };
    if (ref.imported === 'default' || ref.imported === '*') return { text: `${local}.randomBytes` };
  }
  const callee = unwrap(call.callee);
  if (callee.type === T.MemberExpression) return { text: `${memberPath(callee.object).join('.')}.randomBytes` };
  return { text: 'randomBytes', importNeeded: true };
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

    /** The IV argument, or the `const iv = …` it names when that is module- or function-level in this file. */
    function ivValue(node: Node): Node {
      const n = unwrap(node);
      if (n.type !== T.Identifier) return n;
      const def = findVariable(sourceCode.getScope(n), n.name)?.defs[0]?.node as Node | undefined;
      if (def?.type === T.VariableDeclarator && def.parent?.type === T.VariableDeclaration && def.parent.kind === 'const' && def.init) return unwrap(def.init);
      return n;
    }

    function checkNode(c: CryptoCall, ctx: ModelContext): void {
      if (c.fn === 'createCipher' || c.fn === 'createDecipher') {
        context.report({ node: c.call.callee, messageId: 'deprecatedCipher', data: { fn: c.fn, replacement: c.fn === 'createCipher' ? 'createCipheriv' : 'createDecipheriv' } });
        return;
      }
      if (c.fn !== 'createCipheriv' && c.fn !== 'createDecipheriv') return;
      const algorithm = algorithmArg(c.call.arguments[0] as Node | undefined);
      const reason = algorithm ? weakCipherReason(algorithm) : undefined;
      if (algorithm && reason) {
        context.report({ node: c.call.arguments[0], messageId: 'weakCipher', data: { detail: `\`${algorithm}\` uses ${reason}.` } });
        return;
      }
      const ivArg = c.call.arguments[2] as Node | undefined;
      // Only the encrypting side chooses the IV; a decipher must use the one stored with the ciphertext.
      if (c.fn !== 'createCipheriv' || !ivArg || unwrap(ivArg).type === T.Literal && (unwrap(ivArg) as TSESTree.Literal).value === null) return;
      if (!fixedIv(ivValue(ivArg))) return;
      const size = ivSize(algorithm);
      const ref = randomBytesRef(ctx, c.call);
      const program = sourceCode.ast;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [
        {
          messageId: 'randomIv',
          data: { size: String(size) },
          fix: (fixer) => {
            // At the call, not at a shared constant: a constant made random once per process is still reused.
            const fixes = [fixer.replaceText(ivArg, `${ref.text}(${size})`)];
            if (ref.importNeeded) {
              const at = importInsertion(program);
              const line = usesEsm(program) ? "import { randomBytes } from 'node:crypto';" : "const { randomBytes } = require('node:crypto');";
              fixes.push(fixer.insertTextAfterRange([at, at], at === 0 ? `${line}\n` : `\n${line}`));
            }
            return fixes;
          },
        },
      ];
      context.report({ node: ivArg, messageId: 'staticIv', data: { size: String(size) }, suggest });
    }

    function checkCryptoJs(c: CryptoCall): void {
      const [cipher] = c.fn.split('.');
      const weak = CRYPTO_JS_WEAK[cipher];
      if (weak) {
        context.report({ node: c.call.callee, messageId: 'weakCipher', data: { detail: `CryptoJS.${cipher} uses ${weakCipherReason(weak) ?? 'a broken cipher'}.` } });
        return;
      }
      // CryptoJS.AES.encrypt(data, key, { mode: CryptoJS.mode.ECB })
      const options = c.call.arguments[2] ? unwrap(c.call.arguments[2] as Node) : undefined;
      if (options?.type !== T.ObjectExpression) return;
      for (const p of options.properties) {
        if (p.type === T.Property && p.key.type === T.Identifier && p.key.name === 'mode' && memberPath(p.value as Node).pop() === 'ECB') {
          context.report({ node: p.value, messageId: 'weakCipher', data: { detail: `CryptoJS.${cipher} here uses ${weakCipherReason('ecb')}.` } });
        }
      }
    }

    return {
      'Program:exit'() {
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        for (const c of cryptoCalls(model.ctx)) {
          if (c.library === 'node') checkNode(c, model.ctx);
          else if (c.library === 'crypto-js' && c.fn.includes('.')) checkCryptoJs(c);
        }
      },
    };
  },
});
