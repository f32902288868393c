import { escapeHtml } from './compilationHtml.ts'
import type { ExportBlock, ExportDocument, ExportRun } from './exportDocument.ts'

const STYLE = `
@page { size: A4; margin: 20mm 22mm; }
html { background: #e8e8e8; }
body { margin: 0; font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 12pt;
  line-height: 1.4; color: #000; }
.page { background: #fff; max-width: 170mm; margin: 12mm auto; padding: 18mm 20mm;
  box-shadow: 0 1px 6px rgba(0, 0, 0, .25); }
.masthead { display: flex; justify-content: space-between; border-bottom: 3px solid #000;
  padding-bottom: 2mm; font-size: 10pt; font-weight: bold; text-transform: uppercase; }
h1 { font-size: 15pt; text-align: center; margin: 10mm 0 2mm; }
.subtitle { text-align: center; font-style: italic; margin: 0 0 8mm; }
.summary { border: 1px solid #999; padding: 2mm 4mm; font-size: 10.5pt; margin-bottom: 6mm; }
.block { display: flex; gap: 4mm; margin: 0 0 3mm; text-align: justify; }
.block .label { flex: 0 0 12mm; text-align: right; }
.block .text { flex: 1; }
.block.action { padding-left: 10mm; }
.block.sectionTitle { justify-content: center; font-weight: bold; margin-top: 8mm; text-align: center; }
.block.sectionTitle .label { display: none; }
.block.objectiveTitle { font-weight: bold; margin-top: 6mm; }
.block.objectiveTitle .label { flex: 0 0 auto; }
.note { display: block; font-size: 9pt; color: #555; font-style: italic; }
ins { font-weight: bold; text-decoration: underline; }
del { text-decoration: line-through; }
@media print { html { background: #fff; } .page { box-shadow: none; margin: 0; padding: 0; max-width: none; } }
`

const runHtml = (run: ExportRun): string => {
  const text = escapeHtml(run.text)
  return run.change === 'added'
    ? `<ins>${text}</ins>`
    : run.change === 'removed'
      ? `<del>${text}</del>`
      : text
}

const blockHtml = (block: ExportBlock): string =>
  `<div class="block ${block.kind}"><span class="label">${escapeHtml(block.label ?? '')}</span>` +
  `<span class="text">${block.runs.map(runHtml).join('')}` +
  (block.note ? `<span class="note">${escapeHtml(block.note)}</span>` : '') +
  `</span></div>`

/** A complete, printable HTML page of a revision or a comparison. */
export function renderDocumentHtml(document: ExportDocument): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(`${document.kind} — ${document.title}`)}</title>
<style>${STYLE}</style></head>
<body><div class="page">
<div class="masthead"><span>${escapeHtml(document.kind)}</span><span>${escapeHtml(document.date)}</span></div>
<h1>${escapeHtml(document.title)}</h1>
<p class="subtitle">${escapeHtml(document.subtitle)}</p>
${document.summary ? `<p class="summary">${escapeHtml(document.summary)}</p>` : ''}
${document.blocks.map(blockHtml).join('\n')}
</div></body></html>
`
}
