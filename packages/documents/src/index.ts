export { renderHtml } from "./renderHtml.js"
export { renderPdf } from "./renderPdf.js"
