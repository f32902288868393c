import {
  AD_REF_WORDS,
  STATUS_LABELS,
  delegationText,
  frenchDate,
  type Compilation,
  type CompilationBlock,
  type CompilationProposal,
  type CompilationRun,
} from './compilation.ts'

/** Escapes text for HTML content and attribute values: every user string goes through here. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

const STYLE = `
@page { size: A4; margin: 20mm 22mm 22mm 22mm; }
html { background: #e8e8e8; }
body { margin: 0; font-family: "Times New Roman", Times, "Liberation Serif", serif;
  font-size: 12pt; line-height: 1.35; color: #000; }
.page { background: #fff; max-width: 170mm; margin: 12mm auto; padding: 18mm 20mm;
  box-shadow: 0 1px 6px rgba(0, 0, 0, .25); }
.masthead { display: flex; justify-content: space-between; align-items: flex-end;
  border-bottom: 3px solid #000; padding-bottom: 2mm; font-size: 10pt; }
.masthead .kind { font-weight: bold; letter-spacing: .04em; text-transform: uppercase; }
.masthead-rule { border-top: 1px solid #000; margin-top: 1mm; }
h1 { font-size: 15pt; margin: 8mm 0 1mm; }
.subtitle { font-size: 13pt; font-weight: bold; margin: 0 0 1mm; }
.filter { font-style: italic; margin: 0; }
table.summary { border-collapse: collapse; margin: 5mm 0 8mm; font-size: 10.5pt; }
table.summary th, table.summary td { border: 1px solid #000; padding: 1mm 3mm; }
table.summary th { text-align: left; font-weight: normal; font-style: italic; }
table.summary td { text-align: right; }
table.summary caption { text-align: left; font-style: italic; padding-bottom: 1mm; white-space: nowrap; }
table.summary tr.total td, table.summary tr.total th { font-weight: bold; font-style: normal; }
h2.section-title { font-size: 12pt; font-weight: bold; margin: 8mm 0 3mm; }
h3.objective-title { font-size: 12pt; font-weight: bold; margin: 6mm 0 2mm; }
.entry { margin: 0 0 3mm; }
.text { margin: 0; text-align: justify; padding-left: 10mm; text-indent: -10mm; }
.kind-action .text { padding-left: 20mm; text-indent: -10mm; }
.kind-principle .text { padding-left: 10mm; text-indent: 0; }
.num { display: inline-block; width: 10mm; text-indent: 0; }
.proposed { font-style: italic; color: #444; }
.proposals { list-style: none; margin: 1.5mm 0 0 10mm; padding: 0; font-size: 10.5pt; }
.kind-action .proposals { margin-left: 20mm; }
.proposal { border-left: 2px solid #777; padding: .8mm 2mm .8mm 3mm; margin: 0 0 1.5mm;
  background: #f6f6f3; }
.proposal p { margin: 0; }
.who { font-weight: bold; }
.status { font-variant: small-caps; letter-spacing: .03em; margin-left: 2mm; padding: 0 1.5mm;
  border: 1px solid #000; border-radius: 1mm; font-size: 9pt; }
.status-accepted { border-left-color: #2d6a2d; }
.status-rejected, .status-withdrawn { border-left-color: #bbb; color: #444; }
.change { text-align: justify; }
.meta { font-size: 10pt; }
.meta .label { font-style: italic; }
.ad-ref { font-style: italic; font-weight: bold; }
.alt-label { font-weight: bold; }
.gone { font-style: italic; color: #555; }
ins { text-decoration: underline; font-weight: bold; }
del { text-decoration: line-through; }
@media print {
  html { background: none; }
  body { font-size: 11pt; }
  .page { margin: 0; padding: 0; max-width: none; box-shadow: none; }
  .proposal { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .entry .text { orphans: 3; widows: 3; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`

function runsHtml(runs: readonly CompilationRun[]): string {
  return runs
    .map((run) => {
      const text = run.isItalic ? `<i>${escapeHtml(run.text)}</i>` : escapeHtml(run.text)
      switch (run.change) {
        case 'inserted':
          return `<ins>${text}</ins>`
        case 'deleted':
          return `<del>${text}</del>`
        case 'kept':
          return text
      }
    })
    .join('')
}

const GONE: Record<CompilationProposal['status'], string> = {
  open: 'La modification n’apparaît plus dans le texte.',
  accepted: 'Modification intégrée au texte.',
  rejected: 'Modification écartée.',
  withdrawn: 'Proposition retirée par son auteur.',
}

function proposalHtml(proposal: CompilationProposal): string {
  const lines = [
    `<p><span class="who">${escapeHtml(delegationText(proposal.delegation))}</span>` +
      `<span class="status">${STATUS_LABELS[proposal.status]}</span></p>`,
    proposal.alternative
      ? `<p class="change alternative"><i class="alt-label">${escapeHtml(proposal.alternative.label)}</i> ` +
        `${escapeHtml(proposal.alternative.text)} [${escapeHtml(proposal.delegation.code ?? proposal.delegation.name)}]</p>`
      : proposal.runs.length > 0
        ? `<p class="change">${runsHtml(proposal.runs)}</p>`
        : `<p class="change gone">${GONE[proposal.status]}</p>`,
  ]
  if (proposal.supporters.length > 0) {
    const names = proposal.supporters.map((s) => escapeHtml(delegationText(s))).join(', ')
    lines.push(`<p class="meta"><span class="label">Appuyée par :</span> ${names}</p>`)
  }
  if (proposal.rationale) {
    lines.push(
      `<p class="meta"><span class="label">Justification :</span> ${escapeHtml(proposal.rationale)}</p>`,
    )
  }
  return `<li class="proposal status-${proposal.status}">${lines.join('')}</li>`
}

function proposalsHtml(proposals: readonly CompilationProposal[]): string {
  return proposals.length > 0
    ? `<ol class="proposals">${proposals.map(proposalHtml).join('')}</ol>`
    : ''
}

/** An anchor per block (`#obj-07-a`), so that a compilation can be cited by block. */
const idAttribute = (block: CompilationBlock) => (block.uid ? ` id="${escapeHtml(block.uid)}"` : '')

function blockHtml(block: CompilationBlock): string {
  const label = block.label ? `${escapeHtml(block.label)} ` : ''
  const text = block.isProposed
    ? '<span class="proposed">[Nouveau texte proposé]</span>'
    : runsHtml(block.runs)
  switch (block.kind) {
    case 'sectionTitle':
      return `<h2 class="section-title"${idAttribute(block)}>${text}</h2>${proposalsHtml(block.proposals)}`
    case 'objectiveTitle':
      return `<h3 class="objective-title"${idAttribute(block)}>${label}${text}</h3>${proposalsHtml(block.proposals)}`
    case 'paragraph':
    case 'commitment':
    case 'principle':
    case 'action': {
      const num = block.label ? `<span class="num">${escapeHtml(block.label)}</span>` : ''
      const status = block.isAdRef ? ` <span class="ad-ref">[${AD_REF_WORDS}]</span>` : ''
      return (
        `<div class="entry kind-${block.kind}"${idAttribute(block)}><p class="text">${num}${text}${status}</p>` +
        `${proposalsHtml(block.proposals)}</div>`
      )
    }
  }
}

function summaryHtml(compilation: Compilation): string {
  const rows = compilation.summary.map(
    ({ status, count }) =>
      `<tr><th scope="row">${STATUS_LABELS[status]}</th><td>${count}</td></tr>`,
  )
  const total = compilation.summary.reduce((sum, { count }) => sum + count, 0)
  return (
    '<table class="summary"><caption>Propositions par statut</caption><tbody>' +
    `${rows.join('')}<tr class="total"><th scope="row">Total</th><td>${total}</td></tr>` +
    '</tbody></table>'
  )
}

/** The compilation as one printable, self-contained HTML page (A4, serif). */
export function renderCompilationHtml(compilation: Compilation): string {
  const title = escapeHtml(compilation.title)
  const date = escapeHtml(frenchDate(compilation.generatedAt))
  const filter = compilation.statusFilter
    ? `<p class="filter">Propositions au statut « ${STATUS_LABELS[compilation.statusFilter]} » seulement.</p>`
    : ''
  const unplaced =
    compilation.unplaced.length > 0
      ? '<h2 class="section-title">Propositions dont le texte n’est plus dans le projet</h2>' +
        proposalsHtml(compilation.unplaced)
      : ''
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Compilation des propositions — ${title}</title>
<style>${STYLE}</style>
</head>
<body>
<main class="page">
<header>
<div class="masthead"><span class="kind">Document de travail</span><span>${date}</span></div>
<div class="masthead-rule"></div>
<h1>${title}</h1>
<p class="subtitle">Compilation des propositions</p>
${filter}
</header>
${summaryHtml(compilation)}
${compilation.blocks.map(blockHtml).join('\n')}
${unplaced}
</main>
</body>
</html>
`
}
