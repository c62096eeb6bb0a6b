import type { Block, DocumentModel, Section } from "@carepanel/core"
import PDFDocument from "pdfkit"
import { fontFiles } from "./fonts.js"

type Pdf = PDFKit.PDFDocument

const margin = 56
const size = { title: 18, heading: 14, subheading: 12, body: 10, small: 8 } as const
const grey = "#555555"

const ensureRoom = (pdf: Pdf, height: number) => {
  if (pdf.y + height > pdf.page.height - margin) pdf.addPage()
}

const heading = (pdf: Pdf, text: string, level: 1 | 2) => {
  const fontSize = level === 1 ? size.heading : size.subheading
  pdf.font("Bold").fontSize(fontSize)
  ensureRoom(pdf, pdf.heightOfString(text) + 3 * fontSize)
  pdf.moveDown(0.6).text(text).moveDown(0.3)
}

const fieldsBlock = (pdf: Pdf, rows: ReadonlyArray<readonly [string, string]>) => {
  for (const [label, value] of rows) {
    pdf.fontSize(size.body)
    ensureRoom(pdf, pdf.heightOfString(`${label}: ${value}`) + 4)
    pdf.font("Bold").text(`${label}: `, { continued: true }).font("Body").text(value).moveDown(0.2)
  }
}

/** Columns share the width in proportion to their longest cell, each at least an eighth of it. */
const columnWidths = (pdf: Pdf, columns: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): ReadonlyArray<number> => {
  const width = pdf.page.width - 2 * margin
  const longest = columns.map((column, i) => Math.max(column.length, ...rows.map((row) => (row[i] ?? "").length), 1))
  const weights = longest.map((length) => Math.max(Math.sqrt(length), Math.sqrt(longest.reduce((a, b) => a + b, 0)) / 8))
  const total = weights.reduce((a, b) => a + b, 0)
  return weights.map((weight) => (weight / total) * width)
}

const tableRow = (pdf: Pdf, cells: ReadonlyArray<string>, widths: ReadonlyArray<number>, font: "Body" | "Bold") => {
  pdf.font(font).fontSize(size.small + 1)
  const padding = 3
  const height = Math.max(...cells.map((cell, i) => pdf.heightOfString(cell, { width: widths[i]! - 2 * padding }))) + 2 * padding
  ensureRoom(pdf, height)
  const top = pdf.y
  let x = margin
  cells.forEach((cell, i) => {
    pdf.text(cell, x + padding, top + padding, { width: widths[i]! - 2 * padding })
    x += widths[i]!
  })
  pdf.moveTo(margin, top + height).lineTo(x, top + height).lineWidth(0.5).strokeColor("#999999").stroke()
  pdf.x = margin
  pdf.y = top + height
}

const tableBlock = (pdf: Pdf, block: Extract<Block, { _tag: "Table" }>) => {
  const widths = columnWidths(pdf, block.columns, block.rows)
  pdf.font("Bold").fontSize(size.body)
  ensureRoom(pdf, 4 * size.body)
  pdf.text(block.caption).moveDown(0.2)
  tableRow(pdf, block.columns, widths, "Bold")
  for (const row of block.rows) tableRow(pdf, row, widths, "Body")
  pdf.moveDown(0.5)
}

const blockOf = (pdf: Pdf, block: Block) => {
  if (block._tag === "Paragraph") {
    pdf.font("Body").fontSize(size.body)
    ensureRoom(pdf, pdf.heightOfString(block.text) + 4)
    pdf.text(block.text).moveDown(0.3)
  } else if (block._tag === "Fields") fieldsBlock(pdf, block.rows)
  else tableBlock(pdf, block)
}

const sectionOf = (pdf: Pdf, section: Section, level: 1 | 2) => {
  heading(pdf, section.heading, level)
  for (const block of section.blocks) blockOf(pdf, block)
  for (const subsection of section.subsections ?? []) sectionOf(pdf, subsection, 2)
}

/** The watermark across the page and the footer, drawn over each finished page. */
const stamp = (pdf: Pdf, document: DocumentModel, page: number, pages: number) => {
  const { width, height } = pdf.page
  // Drawn in the margin: without this pdfkit would start a new page for the footer.
  pdf.page.margins.bottom = 0
  if (document.watermark !== undefined) {
    pdf.save().rotate(-35, { origin: [width / 2, height / 2] }).font("Bold").fontSize(34).fillColor("#c0392b").fillOpacity(0.18)
    pdf.text(document.watermark, 0, height / 2 - 20, { width, align: "center", lineBreak: false })
    pdf.restore()
  }
  pdf.font("Body").fontSize(size.small).fillColor(grey).fillOpacity(1)
  pdf.text(`${document.title} - page ${page} of ${pages}`, margin, height - margin + 16, { width: width - 2 * margin, align: "center", lineBreak: false })
}

/**
 * The document as a PDF (pdfkit, fonts embedded): title, the line under it, who it was prepared for, then every
 * section in the model's order; a record that is not final carries its watermark on every page.
 */
export const renderPdf = (document: DocumentModel): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: "A4",
      margin,
      bufferPages: true,
      lang: "en-GB",
      displayTitle: true,
      info: { Title: document.title, Subject: document.subtitle, Author: "Carepanel", Creator: "Carepanel", CreationDate: new Date(document.generatedAt) }
    })
    const chunks: Buffer[] = []
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk))
    pdf.on("end", () => resolve(Buffer.concat(chunks)))
    pdf.on("error", reject)
    pdf.registerFont("Body", fontFiles.regular)
    pdf.registerFont("Bold", fontFiles.bold)

    pdf.font("Bold").fontSize(size.title).text(document.title)
    pdf.font("Body").fontSize(size.body).text(document.subtitle)
    pdf.fillColor(grey).fontSize(size.small).text(`Prepared for ${document.preparedFor} at ${document.generatedAt}.`).fillColor("black")
    for (const section of document.sections) sectionOf(pdf, section, 1)

    const { start, count } = pdf.bufferedPageRange()
    for (let page = start; page < start + count; page++) {
      pdf.switchToPage(page)
      stamp(pdf, document, page - start + 1, count)
    }
    pdf.end()
  })
