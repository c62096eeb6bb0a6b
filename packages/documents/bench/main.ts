/**
 * `npm run bench`: how long documents take to make.
 * - one sitting's minutes with 14 items: the model from the records, then PDF, then HTML;
 * - a five-year court bundle for one child (60 requests, 60 decisions, 600 events, each its own signed commit): the
 *   model, the PDF, the offline re-check (hashes, 600 signatures, the checkpoint and the list of records).
 */
import { courtBundle, sittingMinutes } from "@carepanel/core"
import { generateSigningKeyPem, signingKeyFromPem, trustedKeyOf } from "@carepanel/store-sql"
import { Bench } from "tinybench"
import { checkBundle as recheck } from "../src/checkBundle.js"
import { renderHtml } from "../src/renderHtml.js"
import { renderPdf } from "../src/renderPdf.js"
import { fiveYearBundle, minutesInputs } from "./fixtures.js"

const minutes = await minutesInputs(14)
const key = signingKeyFromPem(generateSigningKeyPem())
const bundleInputs = fiveYearBundle(minutes, key)
const bundle = courtBundle(bundleInputs)
const pdfBytes = (await renderPdf(courtBundle(bundleInputs).document)).length
const manifestBytes = JSON.stringify(bundle.manifest).length

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
  .add(`court bundle, 5 years (${bundleInputs.events.length} events): model + PDF (${Math.round(pdfBytes / 1024)} KiB; manifest ${Math.round(manifestBytes / 1024)} KiB)`, async () => {
    await renderPdf(courtBundle(bundleInputs).document)
  })
  .add(`court bundle, 5 years: offline re-check of ${bundle.manifest.events.length} hashes and signed commits`, () => {
    const result = recheck(bundle.manifest, [trustedKeyOf(key)])
    if (!result.ok) throw new Error(result.problem)
  })

await bench.run()
console.table(
  bench.tasks.map((task) => {
    const latency = task.result?.latency
    return { task: task.name, "mean ms": latency?.mean.toFixed(1), "p99 ms": latency?.p99?.toFixed(1), samples: latency?.samples.length }
  })
)
