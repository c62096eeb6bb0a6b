export { renderHtml } from "./renderHtml.js"
export { renderPdf } from "./renderPdf.js"
export { fileNameOf } from "./fileName.js"
