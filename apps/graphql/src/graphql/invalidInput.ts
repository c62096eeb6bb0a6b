import { Schema } from "effect"

/** One thing wrong with the input: where (e.g. `form.children[0].dateOfBirth`) and what, in plain words. */
export const InputProblem = Schema.Struct({ path: Schema.String, message: Schema.String })
export type InputProblem = typeof InputProblem.Type

/** The input was refused before reaching the domain: nothing was written. */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  problems: Schema.Array(InputProblem),
  message: Schema.String
}) {
  static of(problems: ReadonlyArray<InputProblem>) {
    const [first] = problems
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : ""
    const what = first === undefined ? "" : `: ${first.path || "input"} ${first.message}${more}`
    return new InvalidInput({ problems: [...problems], message: `The input was refused and nothing was saved${what}.` })
  }
}
