import { extractText, getDocumentProxy } from "unpdf"

/** The text of every page of a PDF (pdf.js through unpdf), whitespace collapsed: what a reader's copy would say. */
export const pdfPages = async (pdf: Uint8Array): Promise<ReadonlyArray<string>> => {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false })
  return text.map((page) => page.replace(/\s+/g, " ").trim())
}

/** Fails naming the first needle that is missing or out of order. */
export const inOrder = (text: string, needles: ReadonlyArray<string>): string | undefined => {
  let at = 0
  for (const needle of needles) {
    const found = text.indexOf(needle, at)
    if (found < 0) return `"${needle}" not found after position ${at}`
    at = found + needle.length
  }
  return undefined
}
