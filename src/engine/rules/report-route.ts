import type { TSESLint } from '@typescript-eslint/utils';
import type { FileModel, Route } from '../model';
import type { ConditionalFinding, Exposure } from '../types';

/** Exposures recorded while reporting, read back by the engine to let a workspace scan drop findings other files resolve. */
const exposures = new WeakMap<FileModel, Map<string, Exposure>>();

export function exposureKey(ruleId: string, line: number, column: number): string {
  return `${ruleId}:${line}:${column}`;
}

export function exposuresOf(model: FileModel): ReadonlyMap<string, Exposure> {
  return exposures.get(model) ?? new Map();
}

/** Reports a finding on a route, remembering which export carries the route. */
export function reportRoute<M extends string>(
  context: Readonly<TSESLint.RuleContext<M, readonly unknown[]>>,
  model: FileModel,
  route: Route,
  descriptor: Omit<TSESLint.ReportDescriptor<M>, 'node' | 'loc'>,
): void {
  const node = route.reportNode;
  let map = exposures.get(model);
  if (!map) exposures.set(model, (map = new Map()));
  map.set(exposureKey(context.id.replace(/^.*\//, ''), node.loc.start.line, node.loc.start.column + 1), {
    framework: route.framework,
    exportName: route.mountedHere ? undefined : route.exportName,
    path: route.path,
  });
  context.report({ ...descriptor, node } as TSESLint.ReportDescriptor<M>);
}


const conditionals = new WeakMap<FileModel, ConditionalFinding[]>();

export function recordConditional(model: FileModel, route: Route, ruleId: string, messageId: string): void {
  if (!route.exportName || route.mountedHere || route.path === undefined) return;
  const list = conditionals.get(model) ?? [];
  const loc = route.reportNode.loc;
  list.push({
    ruleId,
    messageId,
    method: methodLabel(route),
    path: route.path,
    exportName: route.exportName,
    framework: route.framework,
    line: loc.start.line,
    column: loc.start.column + 1,
    endLine: loc.end.line,
    endColumn: loc.end.column + 1,
  });
  conditionals.set(model, list);
}

export function conditionalsOf(model: FileModel): ConditionalFinding[] {
  return conditionals.get(model) ?? [];
}

/** `POST`, or `POST/PUT` for a route with several methods. */
export function methodLabel(route: Route): string {
  return route.methods.join('/') === 'ALL' ? 'This route' : route.methods.join('/');
}
