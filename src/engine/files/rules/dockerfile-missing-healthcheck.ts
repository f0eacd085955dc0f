import specData from '../../../../rules/dockerfile-missing-healthcheck.yaml';
import type { RuleSpec } from '../../catalog/types';
import { FixText } from '../../rules/fix-text';
import { isNodeImage } from '../dockerfile/facts';
import { baseImage, effectiveInstructions } from '../dockerfile/parse';
import { parseImageRef } from '../image-ref';
import { isDevSetup } from '../kinds';
import { defineFileRule } from '../rule';

const spec = specData as RuleSpec;

/** Node 18 added the global fetch the healthcheck fix uses. */
function hasFetch(image: string | undefined): boolean {
  const major = Number(/^(\d+)/.exec(parseImageRef(image ?? '').tag ?? '')?.[1] ?? NaN);
  return Number.isNaN(major) || major >= 18;
}

/** Only images that serve traffic (an EXPOSE in the final stage's lineage) need a health check; jobs and CLIs do not. */
export default defineFileRule(spec, 'dockerfile', (file, context) => {
  const stage = file.final;
  if (!stage || isDevSetup(file.fileName)) return;
  const instructions = effectiveInstructions(stage);
  const expose = instructions.find((i) => i.keyword === 'EXPOSE');
  if (!expose || instructions.some((i) => i.keyword === 'HEALTHCHECK')) return;
  const fromLine = file.lines.position(stage.from.start).line;
  const cmd = stage.instructions.find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  const port = /\d+/.exec(expose.raw)?.[0] ?? '3000';
  const fixes = [];
  if (cmd && isNodeImage(file, stage) && hasFetch(baseImage(stage))) {
    const probe = new FixText(context.snippetFixes)
      .text(`HEALTHCHECK --interval=30s --timeout=3s --start-period=15s --retries=3 ${file.escape}${file.lines.eol}  CMD node -e "fetch('http://127.0.0.1:${port}`)
      .choice('/healthz')
      .text(`').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"${file.lines.eol}`)
      .toString();
    fixes.push({ messageId: 'addHealthcheck', edits: [{ start: cmd.start, end: cmd.start, text: probe }] });
  }
  context.report({ start: stage.from.start, end: Math.min(stage.from.end, file.lines.lineEnd(fromLine)), data: { port }, fixes });
});
