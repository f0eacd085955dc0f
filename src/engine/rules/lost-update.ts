import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import specData from '../../../rules/lost-update.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel, inTransaction, type DbCall } from '../model';
import { T, calleeName, enclosingFunction, unwrap, walk, type Node } from '../model/ast';
import { findSqlTemplates, readBehind } from '../model/db-calls';
import { dataOf, filterOf, readLocks } from '../model/db-shape';
import type { ModelContext } from '../model/file-index';
import { isScriptOrTestFile } from '../model/paths';
import type { QueryLibrary } from '../model/queries';
import { sqlChecksVersion, sqlLocksRows, sqlSetParams } from '../model/sql-shape';
import { createRule, metaFromSpec } from './create-rule';
import { teamFromContext } from './team';

type MessageIds = 'lostUpdate' | 'useAtomicUpdate';
type Options = [];

const spec = specData as RuleSpec;

export const lostUpdateSpec = spec;

const ATOMIC: Record<QueryLibrary, string> = {
  prisma: '`{ increment: n }` / `{ decrement: n }`',
  mongoose: '`$inc`',
  mongodb: '`$inc`',
  sequelize: '`Model.increment()` / `decrement()`',
  typeorm: '`repository.increment()` / `decrement()`',
  knex: '`.increment()` / `.decrement()`',
  drizzle: "`sql`${table.col} - ${n}``",
  sql: '`SET col = col - $1`',
};
const VERSION_KEY = /^(version|__v|_version|lockVersion|rowVersion|revision|rev|etag|updatedAt|updated_at)$/;
const SERIALIZABLE = /serializable/i;

interface Finding {
  record: string;
  field: string;
  read: DbCall;
  write: DbCall;
  report: Node;
  /** The `field: x.field ± n` property, for the atomic fix. */
  prop?: TSESTree.Property;
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
    let ctx: ModelContext;
    let reads: Map<Node, DbCall>;

    /** The record whose `field` a computed value starts from: `account.balance - amount`, `Math.max(0, p.stock - qty)`, `next` for `const next = p.stock - 1`. */
    function staleSource(value: Node, field: string, depth = 0): { record: TSESTree.Identifier; read: DbCall } | undefined {
      const v = unwrap(value);
      if (v.type === T.Identifier && depth === 0) {
        const variable = findVariable(sourceCode.getScope(v), v.name);
        const def = variable?.defs[0]?.node as Node | undefined;
        if (def?.type === T.VariableDeclarator && def.init && def.id.type === T.Identifier && variable!.defs.length === 1) return staleSource(def.init, field, 1);
        return undefined;
      }
      const arithmetic = (v.type === T.BinaryExpression && /^[-+*/]$/.test(v.operator)) || (v.type === T.CallExpression && /^(max|min|round|floor|ceil)$/.test(calleeName(v) ?? ''));
      if (!arithmetic) return undefined;
      // string concatenation is not a counter
      let text = false;
      walk(v, (n) => {
        if ((n.type === T.Literal && typeof n.value === 'string') || n.type === T.TemplateLiteral) text = true;
        return !text;
      });
      if (text) return undefined;
      let found: { record: TSESTree.Identifier; read: DbCall } | undefined;
      walk(v, (n) => {
        if (found) return false;
        if (n.type === T.MemberExpression && !n.computed && n.property.type === T.Identifier && n.property.name === field) {
          const obj = unwrap(n.object);
          if (obj.type === T.Identifier) {
            const read = readBehind(ctx, obj, reads);
            if (read) found = { record: obj, read };
          }
          return false;
        }
        return undefined;
      });
      return found;
    }

    function keyName(p: TSESTree.Property): string | undefined {
      if (p.computed) return undefined;
      return p.key.type === T.Identifier ? p.key.name : p.key.type === T.Literal ? String(p.key.value) : undefined;
    }

    /** `data: { balance: account.balance - amount }`, `$set: { stock: p.stock - 1 }`, `.set({ … })`. */
    function fromData(write: DbCall, out: Finding[]): void {
      for (const obj of dataOf(write)) {
        for (const p of obj.properties) {
          if (p.type !== T.Property) continue;
          const field = keyName(p);
          if (!field || field.startsWith('$')) continue;
          const src = staleSource(p.value as Node, field);
          if (src) out.push({ record: src.record.name, field, read: src.read, write, report: p, prop: p });
        }
      }
    }

    /** `UPDATE products SET stock = $1 WHERE id = $2`, [product.stock - qty, id]. */
    function fromSql(write: DbCall, out: Finding[]): void {
      if (!write.sql || write.operation !== 'UPDATE') return;
      const params = write.call.arguments[1] ? unwrap(write.call.arguments[1] as Node) : undefined;
      if (params?.type !== T.ArrayExpression) return;
      for (const [column, index] of sqlSetParams(write.sql)) {
        const el = params.elements[index];
        if (!el || el.type === T.SpreadElement) continue;
        const src = staleSource(el, column);
        if (src) out.push({ record: src.record.name, field: column, read: src.read, write, report: el });
      }
    }

    /** `product.stock -= qty; await product.save()` or `await repo.save(account)` after `account.balance = account.balance - x`. */
    function fromSave(write: DbCall, out: Finding[]): void {
      if (write.operation !== 'save') return;
      const call = write.call;
      const target = call.arguments.length === 0 && call.callee.type === T.MemberExpression ? unwrap(call.callee.object) : call.arguments[0] ? unwrap(call.arguments[0] as Node) : undefined;
      if (target?.type !== T.Identifier) return;
      const read = readBehind(ctx, target, reads, false);
      if (!read) return;
      const variable = findVariable(sourceCode.getScope(target), target.name);
      for (const ref of variable?.references ?? []) {
        let id = ref.identifier as Node;
        if (id.range[0] > call.range[0]) continue;
        // `doc!.value += 1`
        while (id.parent?.type === T.TSNonNullExpression || id.parent?.type === T.TSAsExpression) id = id.parent;
        const member = id.parent;
        if (member?.type !== T.MemberExpression || member.object !== id || member.computed || member.property.type !== T.Identifier) continue;
        const field = member.property.name;
        const p = member.parent;
        const changed =
          (p?.type === T.UpdateExpression && p.argument === member) ||
          (p?.type === T.AssignmentExpression && p.left === member && (/^[-+*/]=$/.test(p.operator) || (p.operator === '=' && !!staleSource(p.right, field))));
        if (changed) {
          out.push({ record: target.name, field, read, write, report: member });
          return;
        }
      }
    }

    /** A version check, a lock, or an isolation level that makes the read-modify-write safe. */
    function guarded(f: Finding, lockedFunctions: Set<Node>): boolean {
      const { read, write } = f;
      if (readLocks(read)) return true;
      if (write.library === 'sql' ? !!write.sql && sqlChecksVersion(write.sql) : hasVersionKey(filterOf(write))) return true;
      const fn = enclosingFunction(write.call);
      if (fn && lockedFunctions.has(fn)) return true;
      // Mongo transactions abort on a write conflict; a Serializable transaction aborts one of two racing ones
      if ((read.library === 'mongoose' || read.library === 'mongodb') && inTransaction(read.call)) return true;
      for (let n: Node | undefined = write.call.parent; n; n = n.parent) {
        if (n.type === T.CallExpression && /transaction/i.test(calleeName(n) ?? '') && n.arguments.some((a) => SERIALIZABLE.test(sourceCode.getText(a)) && (a as Node).type !== T.ArrowFunctionExpression && (a as Node).type !== T.FunctionExpression)) return true;
      }
      // Mongoose `optimisticConcurrency` and Sequelize `version: true` check the version on save()
      if (write.operation === 'save' && /optimisticConcurrency\s*:\s*true|\bversion\s*:\s*true/.test(sourceCode.text)) return true;
      return false;
    }

    function hasVersionKey(filter: Node | undefined): boolean {
      const f = filter ? unwrap(filter) : undefined;
      if (f?.type !== T.ObjectExpression) return false;
      return f.properties.some((p) => p.type === T.Property && VERSION_KEY.test(keyName(p) ?? ''));
    }

    function atomicFix(f: Finding): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const prop = f.prop;
      if (!prop) return undefined;
      const value = unwrap(prop.value as Node);
      if (value.type !== T.BinaryExpression || (value.operator !== '+' && value.operator !== '-')) return undefined;
      const isField = (n: Node) => {
        const u = unwrap(n);
        return u.type === T.MemberExpression && !u.computed && u.property.type === T.Identifier && u.property.name === f.field && unwrap(u.object).type === T.Identifier && (unwrap(u.object) as TSESTree.Identifier).name === f.record;
      };
      let amount: Node;
      if (isField(value.left as Node)) amount = value.right;
      else if (value.operator === '+' && isField(value.right)) amount = value.left as Node;
      else return undefined;
      const text = sourceCode.getText(amount);
      const simple = /^[\w.$]+$/.test(text);
      if (f.write.library === 'prisma') {
        const op = value.operator === '+' ? 'increment' : 'decrement';
        return { messageId: 'useAtomicUpdate', data: { field: f.field, atomic: `\`{ ${op} }\`` }, fix: (fixer) => fixer.replaceText(value, `{ ${op}: ${text} }`) };
      }
      if (f.write.library === 'mongoose' || f.write.library === 'mongodb') {
        // only a `$set` (or a bare update document) holding just this field becomes `$inc`
        const holder = prop.parent as TSESTree.ObjectExpression;
        if (holder.properties.length !== 1) return undefined;
        const inc = value.operator === '+' ? text : simple ? `-${text}` : `-(${text})`;
        const setProp = holder.parent?.type === T.Property && keyName(holder.parent) === '$set' ? holder.parent : undefined;
        if (setProp) {
          if ((setProp.parent as TSESTree.ObjectExpression).properties.length !== 1) return undefined;
          return { messageId: 'useAtomicUpdate', data: { field: f.field, atomic: '`$inc`' }, fix: (fixer) => fixer.replaceText(setProp, `$inc: { ${f.field}: ${inc} }`) };
        }
        if (holder !== unwrap(f.write.call.arguments[1] as Node)) return undefined;
        return { messageId: 'useAtomicUpdate', data: { field: f.field, atomic: '`$inc`' }, fix: (fixer) => fixer.replaceText(holder, `{ $inc: { ${f.field}: ${inc} } }`) };
      }
      return undefined;
    }

    return {
      'Program:exit'() {
        if (isScriptOrTestFile(context.filename)) return;
        const model = getModel(sourceCode, context.filename, teamFromContext(context));
        const calls = model.dbCalls();
        const writes = calls.filter((d) => d.kind === 'write');
        if (writes.length === 0) return;
        ctx = model.ctx;
        reads = new Map(calls.filter((d) => d.kind === 'read').map((d) => [d.call as Node, d]));
        if (reads.size === 0) return;
        // functions that lock rows with raw SQL (`SELECT … FOR UPDATE` through $queryRaw or a pg client)
        const lockedFunctions = new Set<Node>();
        for (const d of calls) if (d.sql && sqlLocksRows(d.sql)) for (let fn = enclosingFunction(d.call); fn; fn = enclosingFunction(fn)) lockedFunctions.add(fn);
        for (const t of findSqlTemplates(model.ctx)) if (sqlLocksRows(t.sql)) for (let fn = enclosingFunction(t.node); fn; fn = enclosingFunction(fn)) lockedFunctions.add(fn);
        for (const write of writes) {
          const found: Finding[] = [];
          if (write.library === 'sql') fromSql(write, found);
          else {
            fromData(write, found);
            if (found.length === 0) fromSave(write, found);
          }
          const f = found.find((x) => x.read.call.range[1] <= x.write.call.range[0] && !guarded(x, lockedFunctions));
          if (!f) continue;
          const fix = atomicFix(f);
          context.report({
            node: f.report,
            messageId: 'lostUpdate',
            data: { record: f.record, field: f.field, atomic: ATOMIC[write.library] },
            suggest: fix ? [fix] : [],
          });
        }
      },
    };
  },
});

