import * as vscode from 'vscode';
import type { SeverityOrOff } from '../engine/host';

/** The extension's settings. Defaults live only in package.json (`contributes.configuration`); a test compares the two. */
export interface CoachConfig {
  enable: boolean;
  run: 'onType' | 'onSave';
  debounceMs: number;
  rules: Record<string, SeverityOrOff>;
  exclude: string[];
  settingsFile: string;
}

export const SECTION = 'backendCoach';

export function readConfig(scope?: vscode.ConfigurationScope): CoachConfig {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    enable: c.get<boolean>('enable') as boolean,
    run: c.get<'onType' | 'onSave'>('run') as 'onType' | 'onSave',
    debounceMs: c.get<number>('debounceMs') as number,
    rules: c.get<Record<string, SeverityOrOff>>('rules') as Record<string, SeverityOrOff>,
    exclude: c.get<string[]>('exclude') as string[],
    settingsFile: c.get<string>('settingsFile') as string,
  };
}
