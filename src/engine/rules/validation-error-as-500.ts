import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import specData from '../../../rules/validation-error-as-500.yaml';
import type { RuleSpec } from '../catalog/types';
import { getModel } from '../model';
import { T, calleeName, memberPath, staticText, unwrap, walk, type Node } from '../model/ast';
import { isScriptOrTestFile } from '../model/paths';
import { findResponses, type HttpResponse } from '../model/responses';
import { guardsOf, isValidationFailureTest, tryThrowsValidation } from '../model/validation';
import { createRule, metaFromSpec } from './create-rule';
import { FixText } from './fix-text';
import { teamFromContext } from './team';

type MessageIds = 'validationErrorAs500' | 'thrownValidation' | 'useBadRequest';
type Options = [];

const spec = specData as RuleSpec;

export const validationErrorAs500Spec = spec;

/** Words a message uses for invalid input: "email is required", "must be a number", "Validation failed". */
const VALIDATION_TEXT =
  /\b(is required|are required|required field|field is required|must be (a|an|one|at|between|valid|provided|specified|positive|non)\b|must (contain|have|match|not be empty)|validation (failed|error)|failed validation|invalid (input|request|body|payload|param|parameter|query|data|email|e-mail|format|field|value|id|json|date|number|type)|missing (required )?(field|parameter|param|property|argument|body|value)s?)\b/i;
/** Members of a validation error that list the problems: zod's `issues`/`flatten()`, joi's `details`, express-validator's `array()`. */
const VALIDATION_DETAILS = /^(issues|details|flatten|formErrors|fieldErrors|array|mapped|constraints)$/;

function bodyTalksValidation(body: Node | undefined): boolean {
  if (!body) return false;
  let found = false;
  walk(body, (n) => {
    if (found) return false;
    const text = n.type === T.Literal || n.type === T.TemplateLiteral ? staticText(n) : undefined;
    if (text && VALIDATION_TEXT.test(text)) found = true;
    else if (n.type === T.MemberExpression && VALIDATION_DETAILS.test(memberPath(n).slice(-1)[0] ?? '')) found = true;
    return undefined;
  });
  return found;
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

    /** 500 → 400 where the status is written: a literal, `HttpStatus.INTERNAL_SERVER_ERROR`, `InternalServerErrorException`. */
    function toBadRequest(r: HttpResponse, program: TSESTree.Program): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const n = r.statusNode ? (unwrap(r.statusNode) as TSESTree.Node) : undefined;
      if (!n) return undefined;
      if (n.type === T.Literal) {
        const text = FixText.for(context).choice('400').toString();
        return { messageId: 'useBadRequest', data: { status: '400' }, fix: (fixer) => fixer.replaceText(n, text) };
      }
      if (n.type === T.MemberExpression && !n.computed && n.property.type === T.Identifier && n.property.name === 'INTERNAL_SERVER_ERROR') {
        const prop = n.property;
        return { messageId: 'useBadRequest', data: { status: '400' }, fix: (fixer) => fixer.replaceText(prop, 'BAD_REQUEST') };
      }
      if (n.type === T.Identifier && n.name === 'InternalServerErrorException') {
        const nestImport = program.body.find((s): s is TSESTree.ImportDeclaration => s.type === T.ImportDeclaration && s.source.value === '@nestjs/common');
        const imported = model().ctx.index.imports.get('BadRequestException')?.source === '@nestjs/common';
        const specifiers = nestImport?.specifiers.filter((s) => s.type === T.ImportSpecifier) ?? [];
        if (!imported && specifiers.length === 0) return undefined;
        const last = specifiers[specifiers.length - 1];
        return {
          messageId: 'useBadRequest',
          data: { status: '400' },
          fix: (fixer) => [fixer.replaceText(n, 'BadRequestException'), ...(imported ? [] : [fixer.insertTextAfter(last, ', BadRequestException')])],
        };
      }
      return undefined;
    }

    const model = () => getModel(sourceCode, context.filename, teamFromContext(context));

    return {
      'Program:exit'(program: TSESTree.Program) {
        if (isScriptOrTestFile(context.filename)) return;
        const responses = findResponses(model().ctx).filter((r) => r.status === 500 && r.explicit);
        for (const r of responses) {
          const guards = guardsOf(r.node);
          const guarded = guards.tests.some((t) => isValidationFailureTest(t, model().ctx));
          if (guarded || bodyTalksValidation(r.body)) {
            const fix = toBadRequest(r, program);
            context.report({ node: r.node, messageId: 'validationErrorAs500', data: { status: '500' }, suggest: fix ? [fix] : [] });
            continue;
          }
          // try { schema.parse(req.body) … } catch (err) { res.status(500)… }: no branch for the validation error
          const clause = guards.catchClause;
          if (!clause || guards.tests.length > 0 || clause.parent?.type !== T.TryStatement) continue;
          // catch (err) { if (err instanceof ZodError) return res.status(400)…; return res.status(500)… }
          if (clause.body.body.some((st) => st.type === T.IfStatement && isValidationFailureTest(st.test, model().ctx))) continue;
          const thrower = tryThrowsValidation(clause.parent.block, model().ctx);
          if (!thrower) continue;
          context.report({ node: r.node, messageId: 'thrownValidation', data: { call: `${memberPath(thrower.callee).join('.')}()`.replace('()()', '()') || calleeName(thrower) || 'parse' } });
        }
      },
    };
  },
});
