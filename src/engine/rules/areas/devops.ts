import { entry, type RuleEntry } from './entry';
import noGracefulShutdown, { noGracefulShutdownSpec } from '../no-graceful-shutdown';
import processExitInHandler, { processExitInHandlerSpec } from '../process-exit-in-handler';
import unvalidatedEnvConfig, { unvalidatedEnvConfigSpec } from '../unvalidated-env-config';

/** The rules of the guide's devops area. Register a rule here with `entry(rule, spec)` from './entry'. */
export const devopsRules: RuleEntry[] = [
  entry(noGracefulShutdown, noGracefulShutdownSpec),
  entry(processExitInHandler, processExitInHandlerSpec),
  entry(unvalidatedEnvConfig, unvalidatedEnvConfigSpec),
];
