const REPO = 'https://github.com/backend-coach/backend-coach/blob/main';

/** The page a rule's documentation lives at: the same link in ESLint, the CLI's SARIF and the editor. */
export function ruleDocsUrl(ruleId: string): string {
  return `${REPO}/rules/${ruleId}.yaml`;
}

/** Where a skill's coaching page lives in the repository (the editor shows the same page in a webview). */
export function skillDocsUrl(skillId: string): string {
  return `${REPO}/media/skills/${skillId}.md`;
}
