import specData from '../../../../rules/gha-unpinned-action.yaml';
import type { RuleSpec } from '../../catalog/types';
import { parseActionRef, readWorkflow, type Located } from '../github-actions/model';
import { unpinnedReason } from '../image-ref';
import { defineFileRule, type FileRuleContext } from '../rule';

const spec = specData as RuleSpec;

/** A release tag (`v4`, `v4.1.2`, `1.2.3-rc.1`) or a full commit SHA: refs that do not follow a branch. */
const PINNED = /^(?:v?\d+(?:\.\d+)*(?:[-+][\w.-]+)?|[0-9a-f]{40}|[0-9a-f]{64})$/i;

function check(uses: Located, context: FileRuleContext): void {
  if (uses.value.includes('${{')) return;
  const ref = parseActionRef(uses.value);
  if (ref.kind === 'local') return;
  if (ref.kind === 'docker') {
    const reason = unpinnedReason(ref.image);
    if (reason) context.report({ start: uses.start, end: uses.end, messageId: 'dockerLatest', data: { action: uses.value } });
    return;
  }
  if (ref.ref === undefined) context.report({ start: uses.start, end: uses.end, messageId: 'noRef', data: { action: uses.value } });
  else if (!PINNED.test(ref.ref)) context.report({ start: uses.start, end: uses.end, data: { action: uses.value.slice(0, uses.value.indexOf('@')), ref: ref.ref } });
}

/** Step actions and reusable workflows (`jobs.<id>.uses`) alike: both run code fetched at the ref. */
export default defineFileRule(spec, 'github-actions', (file, context) => {
  const workflow = readWorkflow(file);
  if (!workflow) return;
  for (const job of workflow.jobs) {
    if (job.uses) check(job.uses, context);
    for (const step of job.steps) if (step.uses) check(step.uses, context);
  }
});
