import specData from '../../../../rules/dockerfile-runs-as-root.yaml';
import type { RuleSpec } from '../../catalog/types';
import { FixText } from '../../rules/fix-text';
import { baseImage } from '../dockerfile/parse';
import { dropsPrivileges, isNodeImage, isRootUser, lastUser, runsAsNonRootByDefault } from '../dockerfile/facts';
import { isDevSetup } from '../kinds';
import { defineFileRule } from '../rule';

const spec = specData as RuleSpec;

/** Only the final stage becomes the image: a builder stage may run as root. */
export default defineFileRule(spec, 'dockerfile', (file, context) => {
  const stage = file.final;
  if (!stage || isDevSetup(file.fileName)) return;
  const user = lastUser(file, stage);
  if (user) {
    if (user.name === undefined || !isRootUser(user.name)) return;
    if (dropsPrivileges(file, stage)) return;
    context.report({ start: user.ins.start, end: user.ins.end, messageId: 'switchesToRoot' });
    return;
  }
  const base = baseImage(stage);
  if (base === undefined || runsAsNonRootByDefault(base) || dropsPrivileges(file, stage)) return;

  const name = isNodeImage(file, stage) ? 'node' : base === 'scratch' ? '65534:65534' : '1000';
  const before = stage.instructions.find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  const eol = file.lines.eol;
  const at = before ? before.start : file.lines.text.length;
  const lead = before || file.lines.text.endsWith('\n') || file.lines.text === '' ? '' : eol;
  const text = new FixText(context.snippetFixes).text(`${lead}USER `).choice(name).text(eol).toString();
  const fromLine = file.lines.position(stage.from.start).line;
  context.report({
    start: stage.from.start,
    end: Math.min(stage.from.end, file.lines.lineEnd(fromLine)),
    data: { image: stage.image || 'the base image' },
    fixes: [{ messageId: 'addUser', data: { user: name }, edits: [{ start: at, end: at, text }] }],
  });
});
