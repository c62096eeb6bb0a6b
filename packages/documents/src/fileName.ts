import type { DocumentModel } from "@carepanel/core"

/** A file name from the document's title, safe in any file system and header: "Minutes-Support-Panel-Wed-9-Jun-2027.pdf". */
export const fileNameOf = (document: DocumentModel, extension: "pdf" | "html" | "json"): string =>
  `${document.title.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "")}.${extension}`
