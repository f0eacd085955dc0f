import specData from '../../../../rules/gha-deploy-without-tests.yaml';
import type { RuleSpec } from '../../catalog/types';
import { FixText } from '../../rules/fix-text';
import { readWorkflow, triggeredBy, upstreamJobs, type Job, type Workflow } from '../github-actions/model';
import { deployOf, jobRunsTests, runsTests, usesEphemeralCluster, type DeployStep } from '../github-actions/steps';
import { defineFileRule, type FileFixReport } from '../rule';
import { isMap, isScalar, isSeq, span, type YamlFile } from '../yaml';

const spec = specData as RuleSpec;

/** Triggers through which another workflow or a person hands over a tested artifact. */
const HANDED_OVER = new Set(['workflow_call', 'workflow_dispatch', 'repository_dispatch']);

const SUCCESS = /workflow_run\.conclusion\s*==\s*'success'|'success'\s*==\s*github\.event\.workflow_run\.conclusion/;

/** The first deploy step of a job, when nothing in the job before it runs tests. */
function untestedDeploy(job: Job): DeployStep | undefined {
  for (const step of job.steps) {
    const deploy = deployOf(step);
    if (!deploy) continue;
    const tested = job.steps.slice(0, step.index).some((s) => runsTests(s)) || (!!step.run && runsTests(step, deploy.index));
    return tested ? undefined : deploy;
  }
  return undefined;
}

/** Whether a workflow only deploys what someone or something else hands over (a version input, a caller). */
function handedOver(workflow: Workflow, deploy: DeployStep): boolean {
  if (!workflow.triggers.length || !workflow.triggers.every((t) => HANDED_OVER.has(t.event))) return false;
  if (triggeredBy(workflow, 'workflow_call')) return true;
  const stepText = [deploy.step.run?.text ?? '', ...[...deploy.step.with.values()].map((w) => w.value)].join('\n');
  return /\b(?:github\.event\.)?inputs\.|\bclient_payload\b/.test(stepText);
}

/** `needs: test` for the job: a new first key, or the id added to an existing `needs`. */
function needsFix(file: YamlFile, workflow: Workflow, job: Job, testJob: Job, snippet: boolean): FileFixReport | undefined {
  const { doc } = workflow;
  const text = file.lines.text;
  const eol = file.lines.eol;
  const id = new FixText(snippet).text(testJob.id).toString();
  const needs = doc.pair(job.node, 'needs');
  const value = doc.resolve(needs?.value);
  const edit = (at: number, insert: string, end = at) => ({ messageId: 'addNeeds', data: { job: job.id, test: testJob.id }, edits: [{ start: at, end, text: insert }] });
  if (!needs) {
    if (!isMap(job.node) || job.node.flow) return undefined;
    const first = span(job.node.items[0]?.key as never);
    if (!first) return undefined;
    const indent = text.slice(text.lastIndexOf('\n', first[0] - 1) + 1, first[0]);
    return /^ +$/.test(indent) ? edit(first[0], `needs: ${id}${eol}${indent}`) : undefined;
  }
  const where = span(value);
  if (!where) return undefined;
  if (isScalar(value)) return edit(where[0], `[${text.slice(where[0], where[1])}, ${id}]`, where[1]);
  if (isSeq(value) && value.flow) return edit(where[1] - 1, `, ${id}`);
  if (isSeq(value)) {
    const last = span(value.items[value.items.length - 1] as never);
    if (!last) return undefined;
    const lineStart = text.lastIndexOf('\n', last[0] - 1) + 1;
    const prefix = text.slice(lineStart, last[0]);
    return /^ *- *$/.test(prefix) ? edit(last[1], `${eol}${prefix}${id}`) : undefined;
  }
  return undefined;
}

/**
 * A job that deploys must wait for tests: earlier in the job, or in a job it reaches through `needs`. A workflow
 * started by `workflow_run` is gated when the job checks the CI run's conclusion; one that is only called by another
 * workflow, or dispatched with the version to deploy, leaves the gate to its caller.
 */
export default defineFileRule(spec, 'github-actions', (file, context) => {
  const workflow = readWorkflow(file);
  if (!workflow) return;
  const testJobs = workflow.jobs.filter(jobRunsTests);
  for (const job of workflow.jobs) {
    const deploy = untestedDeploy(job);
    if (!deploy || usesEphemeralCluster(job)) continue;
    const upstream = upstreamJobs(workflow, job);
    if (upstream.some(jobRunsTests)) continue;
    if (handedOver(workflow, deploy)) continue;
    const conditions = [job, ...upstream].map((j) => j.condition ?? '').concat(deploy.step.condition ?? '');
    if (triggeredBy(workflow, 'workflow_run')) {
      if (conditions.some((c) => SUCCESS.test(c))) continue;
      context.report({ start: deploy.start, end: deploy.end, messageId: 'workflowRun', data: { what: deploy.what, job: job.id } });
      continue;
    }
    const downstream = new Set(workflow.jobs.filter((j) => upstreamJobs(workflow, j).includes(job)).map((j) => j.id));
    const testJob = testJobs.find((t) => t !== job && !downstream.has(t.id));
    const fix = testJob ? needsFix(file, workflow, job, testJob, context.snippetFixes) : undefined;
    context.report({ start: deploy.start, end: deploy.end, data: { what: deploy.what, job: job.id }, fixes: fix ? [fix] : [] });
  }
});
