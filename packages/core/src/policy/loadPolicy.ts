import { Effect, ParseResult, Schema } from "effect"
import * as AST from "effect/SchemaAST"
import { parse as parseYaml } from "yaml"
import { formatPath, literalMiss, optionalMiss, withoutOwnRuleMiss } from "../shared/inputProblems.js"
import { AuthorityPolicy } from "./AuthorityPolicy.js"
import { type PresetSlug, presetInputs } from "./authorities/index.js"
import { misplacedDefaults, notARule } from "./citedDefaults.js"
import { withoutNulledParts } from "./nulledParts.js"
import { isCatalogueRuleId } from "./rules.js"

export interface PolicyProblem {
  /** Where in the file, e.g. `panels[0].schedule.weekday`. */
  readonly path: string
  readonly message: string
}

/** A policy file was refused. Every problem is listed, each with its path; nothing was loaded. */
export class InvalidPolicy extends Schema.TaggedError<InvalidPolicy>()("InvalidPolicy", {
  source: Schema.String,
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String })),
  message: Schema.String
}) {
  static of(source: string, problems: ReadonlyArray<PolicyProblem>) {
    const lines = problems.map((problem) => `  ${problem.path || "(file)"}: ${problem.message}`)
    return new InvalidPolicy({
      source,
      problems: [...problems],
      message: `The policy in ${source} was refused:\n${lines.join("\n")}`
    })
  }
}


const tagMiss = /^Expected ("[^"]*"(?: \| "[^"]*")+), actual (.*)$/

/** A path's messages as one problem: a value outside a list of literals reads "expected one of a, b, c". */
const problemAt = (path: string, messages: ReadonlyArray<string>): PolicyProblem => {
  // A misspelt `_tag` fails once, its choices in one message (`Expected "A" | "B", actual "C"`): worded as a literal's.
  const choices = messages.length === 1 ? tagMiss.exec(messages[0]!) : null
  if (choices !== null) return { path, message: `expected one of ${choices[1]!.split(" | ").join(", ")}; got ${choices[2]}` }
  const literals = withoutOwnRuleMiss(messages)
  const misses = literals.map((message) => literalMiss.exec(message))
  if (literals.length > 1 && misses.every((miss) => miss !== null)) {
    // A rule id outside the catalogue: the list of every id there is says nothing of what this authority may cite.
    const ruleIdsExpected = misses.every((miss) => miss![1]!.startsWith('"') && isCatalogueRuleId(JSON.parse(miss![1]!)))
    if (ruleIdsExpected && misses[0]![2]!.startsWith('"')) return { path, message: notARule(JSON.parse(misses[0]![2]!), path) }
    const expected = misses.map((miss) => miss![1]).join(", ")
    return { path, message: `expected one of ${expected}; got ${misses[0]![2]}` }
  }
  return { path, message: messages.join("; ") }
}

/** One problem per path, in the order Schema found them. */
const problemsOf = (issues: ReadonlyArray<ParseResult.ArrayFormatterIssue>): ReadonlyArray<PolicyProblem> => {
  const byPath = new Map<string, string[]>()
  for (const issue of issues) {
    const path = formatPath(issue.path)
    byPath.set(path, [...(byPath.get(path) ?? []), issue.message])
  }
  // An optional section that is there but wrong also fails as "undefined", quoting the whole section: noise beside the
  // section's real problem, which Schema reports too, at the section or inside it.
  return [...byPath].flatMap(([path, all]) => {
    const messages = all.filter((message) => !optionalMiss.test(message))
    return messages.length === 0 ? [] : [problemAt(path, messages)]
  })
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * Objects merge key by key; arrays and scalars in `override` replace those in `base`, and so does an object of another
 * `_tag` (a `DaysBefore` clock over a preset's `WeekdayBefore` keeps none of its `weekday`).
 */
const deepMerge = (base: unknown, override: unknown): unknown => {
  if (!isPlainObject(base) || !isPlainObject(override)) return override
  if (override._tag !== undefined && override._tag !== base._tag) return override
  const merged: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(override)) merged[key] = deepMerge(base[key], value)
  return merged
}

/** `extends: <preset>` starts from a built-in preset; the rest of the file overrides it. */
const resolveExtends = (raw: unknown, source: string): Effect.Effect<unknown, InvalidPolicy> => {
  if (!isPlainObject(raw) || raw.extends === undefined) return Effect.succeed(raw)
  const { extends: slug, ...overrides } = raw
  if (typeof slug !== "string" || !(slug in presetInputs)) {
    const known = Object.keys(presetInputs).join(", ")
    return Effect.fail(InvalidPolicy.of(source, [{ path: "extends", message: `expected one of ${known}` }]))
  }
  return Effect.succeed(deepMerge(presetInputs[slug as PresetSlug], overrides))
}

const policyInput = AST.encodedAST(AuthorityPolicy.ast)

/** Decodes a policy from already-parsed data (a JSON object), naming every problem by path. */
export const decodePolicy = (raw: unknown, source = "policy"): Effect.Effect<AuthorityPolicy, InvalidPolicy> =>
  resolveExtends(raw, source).pipe(
    Effect.map((merged) => withoutNulledParts(policyInput, merged)),
    Effect.flatMap((input) => {
      const misplaced = misplacedDefaults(input)
      return Schema.decodeUnknown(AuthorityPolicy, { errors: "all", onExcessProperty: "error" })(input).pipe(
        Effect.mapError((error) => InvalidPolicy.of(source, [...problemsOf(ParseResult.ArrayFormatter.formatErrorSync(error)), ...misplaced])),
        Effect.filterOrFail(() => misplaced.length === 0, () => InvalidPolicy.of(source, misplaced))
      )
    })
  )

/** Parses a policy file's text, JSON or YAML (by file name), and decodes it. */
export const parsePolicyText = (text: string, fileName: string): Effect.Effect<AuthorityPolicy, InvalidPolicy> =>
  Effect.try({
    try: () => (/\.ya?ml$/i.test(fileName) ? parseYaml(text) : JSON.parse(text)) as unknown,
    catch: (error) =>
      InvalidPolicy.of(fileName, [{ path: "", message: `not valid ${/\.ya?ml$/i.test(fileName) ? "YAML" : "JSON"}: ${String((error as Error).message)}` }])
  }).pipe(Effect.flatMap((raw) => decodePolicy(raw, fileName)))
