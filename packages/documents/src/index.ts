export { renderHtml } from "./renderHtml.js"
export { renderPdf } from "./renderPdf.js"
export { fileNameOf } from "./fileName.js"
export { type BundleCheck, checkBundle } from "./checkBundle.js"
