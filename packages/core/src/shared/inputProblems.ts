import { ParseResult } from "effect"
import { type InputProblem, InvalidInput } from "./errors.js"

/** `content.actions[0].description` */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out === "" ? String(key) : `${out}.${String(key)}`), "")

const rewrites: ReadonlyArray<readonly [RegExp, (match: RegExpExecArray) => string]> = [
  [/actual "\s*"$/s, () => "must not be empty"],
  [/^Expected (?:a string with no leading or trailing whitespace|Trimmed)\b.*$/s, () => "must not start or end with spaces"],
  [/^Expected (?:a non empty string|NonEmptyTrimmedString|NonEmptyString)\b.*$/s, () => "must not be empty"],
  [/^(?:Expected DateTimeUtc.*actual|Unable to decode) (.*?)(?: into a DateTime\.Utc)?$/s, (m) => `must be a date and time such as 2027-06-14T10:00:00Z, not ${m[1]}`],
  [/^Expected a non empty array.*$/s, () => "must have at least one entry"],
  [/^Expected an integer, actual (.*)$/s, (m) => `must be a whole number, not ${m[1]}`],
  [/^Expected a positive number, actual (.*)$/s, (m) => `must be more than 0, not ${m[1]}`],
  [/^Expected a non-negative number, actual (.*)$/s, (m) => `must be 0 or more, not ${m[1]}`],
  [/^Expected a number between (\S+) and (\S+), actual (.*)$/s, (m) => `must be from ${m[1]} to ${m[2]}, not ${m[3]}`]
]

const readable = (message: string): string => {
  for (const [pattern, write] of rewrites) {
    const match = pattern.exec(message)
    if (match) return write(match)
  }
  return message
}

/** Schema's message for a value outside a list of literals, one per literal. */
export const literalMiss = /^Expected (".*"|\d+|true|false), actual (.*)$/
/** Schema's message for an id that cannot be one of an authority's own rules (`policy/rules.ts`). */
export const notAnOwnRuleId = "Expected an id for one of the authority's own rules"

/**
 * A rule id outside the catalogue fails once per catalogue id and once as an authority's own: the second says nothing
 * the list does not, so it goes.
 */
export const withoutOwnRuleMiss = (messages: ReadonlyArray<string>): ReadonlyArray<string> => {
  const literals = messages.filter((message) => literalMiss.test(message))
  const others = messages.filter((message) => !literalMiss.test(message))
  const ownMiss = (message: string) => message.startsWith(`${notAnOwnRuleId}, actual `) || message.startsWith("Expected string, actual ")
  return literals.length > 0 && others.length > 0 && others.every(ownMiss) ? literals : messages
}

/**
 * Schema's message for an optional (or nullable) field that is there but wrong: noise beside that field's real problem,
 * which the field's own schema reports.
 */
export const optionalMiss = /^Expected (undefined|null), actual /

/** One problem per path, in plain words; "must be one of a, b" for a value outside a list of literals. */
export const problemsOf = (error: ParseResult.ParseError, prefix: ReadonlyArray<PropertyKey> = []): ReadonlyArray<InputProblem> => {
  const byPath = new Map<string, string[]>()
  for (const issue of ParseResult.ArrayFormatter.formatErrorSync(error)) {
    // An empty list where one entry is needed reads as "[0] is missing": name the list instead.
    const emptyList = issue.message === "is missing" && issue.path.at(-1) === 0
    const path = formatPath([...prefix, ...(emptyList ? issue.path.slice(0, -1) : issue.path)])
    byPath.set(path, [...(byPath.get(path) ?? []), emptyList ? "must have at least one entry" : issue.message])
  }
  // An optional section that is there but wrong inside also fails as "undefined", quoting the whole section (a name, a
  // secret): noise beside the real problems, which Schema reports at their own paths inside it.
  const paths = [...byPath.keys()]
  const noise = (path: string, all: ReadonlyArray<string>) =>
    all.every((message) => optionalMiss.test(message)) && paths.some((other) => other.startsWith(`${path}.`) || other.startsWith(`${path}[`))
  return [...byPath].filter(([path, all]) => !noise(path, all)).map(([path, all]) => {
    // An optional field's "Expected undefined" goes first, so that an optional choice reads as its choices too.
    const meaningful = all.filter((message) => !optionalMiss.test(message))
    const messages = withoutOwnRuleMiss(meaningful.length > 0 ? meaningful : all)
    const misses = messages.map((message) => literalMiss.exec(message))
    if (messages.length > 1 && misses.every((miss) => miss !== null)) {
      return { path, message: `must be one of ${misses.map((miss) => miss![1]).join(", ")}; got ${misses[0]![2]}` }
    }
    return { path, message: [...new Set(messages.map(readable))].join("; ") }
  })
}

/** A parse error as the refusal a person reads: every problem by its path. */
export const invalidInput = (error: ParseResult.ParseError, prefix: ReadonlyArray<PropertyKey> = []): InvalidInput =>
  InvalidInput.of(problemsOf(error, prefix))
