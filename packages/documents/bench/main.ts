/**
 * `npm run bench`: how long documents take to make.
 * - one sitting's minutes with 14 items: the model from the records, then PDF, then HTML;
 * - a five-year court bundle for one child (60 requests, 60 decisions, 600 events): the model, the PDF, the re-check.
 */
import { courtBundle, sittingMinutes } from "@carepanel/core"
import { Bench } from "tinybench"
import { checkBundle as recheck } from "../src/checkBundle.js"
import { renderHtml } from "../src/renderHtml.js"
import { renderPdf } from "../src/renderPdf.js"
import { fiveYearBundle, minutesInputs } from "./fixtures.js"

const minutes = await minutesInputs(14)
const bundleInputs = fiveYearBundle(minutes)
const bundle = courtBundle(bundleInputs)
const pdfBytes = (await renderPdf(courtBundle(bundleInputs).document)).length

const bench = new Bench({ time: 3_000, warmupTime: 500, iterations: 5 })
bench
  .add("minutes, 14 items: model from the records", () => {
    sittingMinutes(minutes)
  })
  .add("minutes, 14 items: model + PDF", async () => {
    await renderPdf(sittingMinutes(minutes))
  })
  .add("minutes, 14 items: model + HTML", () => {
    renderHtml(sittingMinutes(minutes))
  })
  .add(`court bundle, 5 years (${bundleInputs.events.length} events): model + PDF (${Math.round(pdfBytes / 1024)} KiB)`, async () => {
    await renderPdf(courtBundle(bundleInputs).document)
  })
  .add(`court bundle, 5 years: offline re-check of ${bundle.manifest.events.length} hashes`, () => {
    recheck(bundle.manifest, [])
  })

await bench.run()
console.table(
  bench.tasks.map((task) => {
    const latency = task.result?.latency
    return { task: task.name, "mean ms": latency?.mean.toFixed(1), "p99 ms": latency?.p99?.toFixed(1), samples: latency?.samples.length }
  })
)
