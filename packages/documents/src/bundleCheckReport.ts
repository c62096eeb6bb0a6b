import type { BundleCheck } from "./checkBundle.js"

/** What `carepanel-bundle-check` prints and its exit code: 0 all covered, 1 a mismatch, 2 events after the checkpoint. */
export const bundleCheckReport = (result: BundleCheck): { readonly exitCode: 0 | 1 | 2; readonly lines: ReadonlyArray<string> } => {
  if (!result.ok) return { exitCode: 1, lines: [`FAILED${result.position === undefined ? "" : ` at position ${result.position}`}: ${result.problem}`] }
  const { checkpoint, uncovered } = result
  const matched = `${result.events} events in ${result.streams} records, up to position ${result.lastPosition}, match their hashes and the signed commits`
  const signed = `checkpoint: store ${checkpoint.storeId}, position ${checkpoint.position}, ${checkpoint.at}, key ${checkpoint.keyId}`
  if (uncovered.length === 0) return { exitCode: 0, lines: [`OK: ${matched}; the signed checkpoint covers every one.`, signed] }
  return {
    exitCode: 2,
    lines: [
      `NOT COVERED: ${matched}, but the checkpoint is older than the last events: ${uncovered.length} event(s), positions ${uncovered[0]}-${uncovered.at(-1)}, were recorded after it: they match their hashes, but nothing signed shows whether later events of their records were left out. Ask for a bundle with a newer checkpoint.`,
      signed
    ]
  }
}
