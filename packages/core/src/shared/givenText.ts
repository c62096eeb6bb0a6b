import { Effect } from "effect"
import { InvalidInput } from "./errors.js"

/**
 * Free text a command cannot do without (a reason, the evidence, a note), trimmed; blank, refused as the API's edge
 * refuses it ("Nothing was saved. Please correct: reason must not be empty."). In the use case, so that every way in
 * (the API, the terminal UI, the webhook receiver, an embedding service) keeps a record from saying nothing.
 */
export const givenText = (text: string, field: string): Effect.Effect<string, InvalidInput> => {
  const trimmed = text.trim()
  return trimmed === "" ? Effect.fail(InvalidInput.of([{ path: field, message: "must not be empty" }])) : Effect.succeed(trimmed)
}
