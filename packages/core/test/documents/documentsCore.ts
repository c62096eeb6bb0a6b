import { createHash } from "node:crypto"
import { Effect, Layer } from "effect"
import { Documents } from "../../src/documents/Documents.js"
import type { DocumentModel } from "../../src/documents/DocumentModel.js"
import type { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { InMemoryAccessLog } from "../../src/testing/InMemoryAccessLog.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"

/** Stands in for the PDF: the model's JSON, so its hash changes with any word of the sheet. */
export const fileOf = (document: DocumentModel) =>
  Effect.sync(() => {
    const bytes = JSON.stringify(document)
    return { bytes, sha256: createHash("sha256").update(bytes).digest("hex") }
  })

/** The core in memory with its documents and access log, for one authority. */
export const documentsCore = (policy: AuthorityPolicy) => Documents.Default.pipe(Layer.provideMerge(inMemoryCore(policy)), Layer.provideMerge(InMemoryAccessLog))
