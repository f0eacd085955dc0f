/** Every command id the extension registers, in one place (package.json contributes the same ids; a test checks). */
export const enum Command {
  OpenSkill = 'backendCoach.openSkill',
  SkillBack = 'backendCoach.skillBack',
  SkillForward = 'backendCoach.skillForward',
  OpenGuide = 'backendCoach.openGuide',
  LookUpSkill = 'backendCoach.lookUpSkill',
  InsertSnippet = 'backendCoach.insertSnippet',
  ScanWorkspace = 'backendCoach.scanWorkspace',
  IgnoreHere = 'backendCoach.ignoreHere',
  ApplyFix = 'backendCoach.applyFix',
  FixAll = 'backendCoach.fixAll',
  ShowFindings = 'backendCoach.showFindings',
  OpenSample = 'backendCoach.openSample',
}
