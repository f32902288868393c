import { escapeHtml } from './compilationHtml.ts'
import { cellsOf, COLUMNS_FR, headingOf, type ConcordancePaper } from './concordancePaper.ts'

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
body { margin: 0; font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 11pt; color: #000; }
.page { max-width: 180mm; margin: 10mm auto; }
.masthead { display: flex; justify-content: space-between; border-bottom: 3px solid #000;
  padding-bottom: 2mm; font-size: 10pt; font-weight: bold; text-transform: uppercase; }
h1 { font-size: 15pt; text-align: center; margin: 8mm 0 2mm; }
.subtitle { text-align: center; font-style: italic; margin: 0 0 6mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #777; padding: 1.2mm 2mm; vertical-align: top; text-align: left; }
th { background: #eee; font-size: 10pt; }
td.number { white-space: nowrap; }
tr.unchanged td { color: #444; }
`

/** A printable HTML page of a concordance: one table row per paragraph or action. */
export function renderConcordanceHtml(paper: ConcordancePaper): string {
  const { title, subtitle, date } = headingOf(paper)
  const { labels, rows } = paper.concordance
  const headers = [labels.from, labels.to, ...COLUMNS_FR]
  const body = rows
    .map((row) => {
      const cells = cellsOf(row).map(
        (cell, i) => `<td${i < 2 ? ' class="number"' : ''}>${escapeHtml(cell)}</td>`,
      )
      return `<tr class="${row.fate}">${cells.join('')}</tr>`
    })
    .join('\n')
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(`${subtitle} — ${title}`)}</title>
<style>${STYLE}</style></head>
<body><div class="page">
<div class="masthead"><span>Concordance</span><span>${escapeHtml(date)}</span></div>
<h1>${escapeHtml(title)}</h1>
<p class="subtitle">${escapeHtml(subtitle)}</p>
<table><thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody></table>
</div></body></html>
`
}
