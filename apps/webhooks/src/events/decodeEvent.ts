import { type InputProblem, problemsOf } from "@carepanel/core"
import { Either, Schema } from "effect"
import { type Answer, invalidEvent, problem } from "../inbox/answer.js"
import { type InboundEvent, inboundEventTypes, schemaOfType } from "./inboundEvent.js"

export type Decoded = { readonly _tag: "Event"; readonly event: InboundEvent } | { readonly _tag: "Answer"; readonly answer: Answer }

const answer = (answer: Answer): Decoded => ({ _tag: "Answer", answer })

/**
 * A problem names the field and what it must be, never the value sent: the answer is kept with the delivery and shown
 * to operators (the TUI's Deliveries screen), and a value that does not fit can be a child's name.
 */
const withoutValue = (problem: InputProblem): InputProblem => ({ ...problem, message: problem.message.replace(/(, actual |; got )[\s\S]*$/, "") })

/**
 * A verified body as one of the inbound events, or the answer to give: 422 problem+json with every problem by
 * path (not JSON, an unknown type, a field that does not fit), or 403 for a type the source may not send.
 * Nothing is stored for either.
 */
export const decodeEvent = (text: string, allowedTypes: ReadonlyArray<string>): Decoded => {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return answer(invalidEvent([{ path: "", message: "must be a JSON object" }], "The body is not JSON."))
  }
  const type = (data as { type?: unknown } | null)?.type
  const schema = typeof type === "string" ? schemaOfType.get(type) : undefined
  if (schema === undefined) {
    const message = `must be one of ${inboundEventTypes.join(", ")}`
    return answer(invalidEvent([{ path: "type", message }], `type ${message}.`))
  }
  if (!allowedTypes.includes(type as string)) {
    return answer(problem(403, "event-type-not-allowed", "This source may not send this type of event.", { detail: `The source's configuration does not list ${String(type)}.` }))
  }
  const decoded = Schema.decodeUnknownEither(schema as Schema.Schema<InboundEvent, unknown>, { errors: "all" })(data)
  if (Either.isLeft(decoded)) {
    const problems = problemsOf(decoded.left).map(withoutValue)
    return answer(invalidEvent(problems, `Please correct: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}.`))
  }
  return { _tag: "Event", event: decoded.right }
}
