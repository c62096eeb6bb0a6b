import { Schema } from "effect"
import { AuthorityId } from "./ids.js"
import { Role } from "./roles.js"

/** The actor holds none of the roles the use case allows. */
export class NotPermitted extends Schema.TaggedError<NotPermitted>()("NotPermitted", {
  action: Schema.String,
  allowed: Schema.Array(Role),
  message: Schema.String
}) {}

/**
 * The record belongs to another authority. Callers answer exactly as for a missing record,
 * so that nobody can learn what another authority holds.
 */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {
  what: Schema.String,
  id: Schema.String,
  message: Schema.String
}) {
  static of(what: string, id: string) {
    return new NotFound({ what, id, message: `No ${what} with id ${id} was found.` })
  }
}

/** A command on a record that does not exist. Use cases answer it as NotFound, with the record's id. */
export class NoSuchRecord extends Schema.TaggedError<NoSuchRecord>()("NoSuchRecord", { message: Schema.String }) {}

export class WrongAuthority extends Schema.TaggedError<WrongAuthority>()("WrongAuthority", {
  authorityId: AuthorityId,
  message: Schema.String
}) {}

/**
 * Infrastructure failed (database, network). Never a user's fault; shown without detail. `retryAfterSeconds` is
 * set when the store was only busy (another process held its write lock for longer than this one may wait):
 * nothing was written, and the same command may be sent again after that many seconds (HTTP 503 + Retry-After).
 */
export class PersistenceError extends Schema.TaggedError<PersistenceError>()("PersistenceError", {
  operation: Schema.String,
  message: Schema.String,
  cause: Schema.optional(Schema.Defect),
  retryAfterSeconds: Schema.optional(Schema.Number)
}) {}

/** The store was busy, not broken: the failure to answer with 503 and `Retry-After` rather than 500. */
export const isStoreBusy = (error: unknown): error is PersistenceError & { readonly retryAfterSeconds: number } =>
  error instanceof PersistenceError && typeof error.retryAfterSeconds === "number"

/** One thing wrong with a command's input: where (e.g. `content.actions[0].description`) and what, in plain words. */
export const InputProblem = Schema.Struct({ path: Schema.String, message: Schema.String })
export type InputProblem = typeof InputProblem.Type

/** The command's input does not fit its schema (a blank reason, a number out of range): nothing was written. */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  problems: Schema.Array(InputProblem),
  message: Schema.String
}) {
  static of(problems: ReadonlyArray<InputProblem>) {
    const listed = problems.map((problem) => `${problem.path || "input"} ${problem.message}`).join("; ")
    return new InvalidInput({ problems: [...problems], message: `Nothing was saved. Please correct: ${listed}.` })
  }
}
