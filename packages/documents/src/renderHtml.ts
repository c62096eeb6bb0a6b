import type { Block, DocumentModel, Section } from "@carepanel/core"

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!)

const style = `body{font-family:"DejaVu Sans",Verdana,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
.watermark{border:3px solid #a61b1b;color:#a61b1b;font-weight:bold;padding:.5rem 1rem;text-align:center}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top}
caption{font-weight:bold;text-align:left}dt{font-weight:bold}dd{margin:0 0 .5rem 0}.meta{color:#4a4a4a;font-size:.9rem}
@media print{.watermark{position:fixed;top:45%;left:0;right:0;transform:rotate(-30deg);opacity:.25;border:none;font-size:2.5rem}}`

const blockOf = (block: Block): string => {
  if (block._tag === "Paragraph") return `<p>${escapeHtml(block.text)}</p>`
  if (block._tag === "Fields") return `<dl>${block.rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join("")}</dl>`
  const head = `<thead><tr>${block.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join("")}</tr></thead>`
  const body = `<tbody>${block.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`).join("")}</tbody>`
  return `<table><caption>${escapeHtml(block.caption)}</caption>${head}${body}</table>`
}

const sectionOf = (section: Section, level: 2 | 3, id: string): string =>
  `<section aria-labelledby="${id}"><h${level} id="${id}">${escapeHtml(section.heading)}</h${level}>${section.blocks.map(blockOf).join("")}` +
  `${(section.subsections ?? []).map((subsection, i) => sectionOf(subsection, 3, `${id}-${i + 1}`)).join("")}</section>`

/**
 * The document as one accessible HTML page (no scripts, no external resources): landmarks, one h1, headings in
 * order, tables with captions and column headers, label and value pairs as a description list, the watermark as
 * text a screen reader announces before the content.
 */
export const renderHtml = (document: DocumentModel): string =>
  `<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${escapeHtml(document.title)}</title><style>${style}</style></head><body><main>` +
  `${document.watermark === undefined ? "" : `<p class="watermark" role="note">${escapeHtml(document.watermark)}</p>`}` +
  `<h1>${escapeHtml(document.title)}</h1><p>${escapeHtml(document.subtitle)}</p>` +
  `<p class="meta">Prepared for ${escapeHtml(document.preparedFor)} at <time datetime="${escapeHtml(document.generatedAt)}">${escapeHtml(document.generatedAt)}</time>.</p>` +
  `${document.sections.map((section, i) => sectionOf(section, 2, `s${i + 1}`)).join("")}</main></body></html>\n`
