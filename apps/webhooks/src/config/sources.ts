import { readFileSync } from "node:fs"
import { AuthorityId, problemsOf, Role } from "@carepanel/core"
import { WebhookEndpoint, WebhookSecret } from "@carepanel/notify-webhook"
import { Either, Redacted, Schema } from "effect"
import { inboundEventTypes } from "../events/inboundEvent.js"

/** A source's id in the URL: `/webhooks/{authority}/{source}`. */
const sourceId = /^[a-z0-9][a-z0-9-]{0,62}$/
const sourceIdRule = "a source's id must be lower-case letters, digits and hyphens (up to 63), as in its URL /webhooks/{authority}/{source}"

/**
 * The sources whose ids cannot be in a URL, by path. Checked on the file as read, beside the schema: a record's key
 * schema that fails reports "is unexpected" with the pattern, and a check on the decoded record runs only once every
 * source in it decodes.
 */
const badSourceIds = (data: unknown): ReadonlyArray<string> => {
  const authorities = typeof data === "object" && data !== null ? (data as { readonly authorities?: unknown }).authorities : undefined
  if (typeof authorities !== "object" || authorities === null) return []
  return Object.entries(authorities).flatMap(([authorityId, authority]) => {
    const sources = typeof authority === "object" && authority !== null ? (authority as { readonly sources?: unknown }).sources : undefined
    if (typeof sources !== "object" || sources === null) return []
    return Object.keys(sources)
      .filter((id) => !sourceId.test(id))
      .map((id) => `authorities.${authorityId}.sources.${id}: ${sourceIdRule}`)
  })
}

/** One sending system (a case system, usually behind an integration engine) of one authority. */
export const Source = Schema.Struct({
  /** Every current secret verifies: during a rotation list the new one and the old one. */
  secrets: Schema.NonEmptyArray(WebhookSecret),
  /** The event types it may send; any other is refused (403) before anything is stored. */
  events: Schema.NonEmptyArray(Schema.Literal(...inboundEventTypes)),
  /** The roles a delivery may act as, for the staff member it names. */
  roles: Schema.NonEmptyArray(Role),
  /** Where the panel's outcomes go back to, signed with the endpoint's own secrets. */
  outbound: Schema.optional(WebhookEndpoint)
})
export type Source = typeof Source.Type

export const SourcesFile = Schema.Struct({
  authorities: Schema.Record({ key: AuthorityId, value: Schema.Struct({ sources: Schema.Record({ key: Schema.String, value: Source }) }) })
})
export type SourcesFile = typeof SourcesFile.Type

/** The sources file cannot be used: every problem, each by its path (`authorities.wexcombe.sources.mosaic.roles[0]`). */
export class SourcesFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ReadonlyArray<string>
  ) {
    super(`The sources file ${file} cannot be used:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`)
    this.name = "SourcesFileError"
  }
}

const decode = Schema.decodeUnknownEither(SourcesFile, { errors: "all", onExcessProperty: "error" })

/** Decodes the file's JSON, collecting every problem; secrets are never repeated in a message. */
export const parseSources = (text: string, file: string): SourcesFile => {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new SourcesFileError(file, [`is not JSON: ${(error as Error).message}`])
  }
  const decoded = decode(data)
  const ids = badSourceIds(data)
  if (Either.isRight(decoded) && ids.length === 0) return decoded.right
  // In the core's words, as the API answers bad input ("must be one of ...; got ..."), a secret never repeated.
  const problems = Either.isLeft(decoded)
    ? problemsOf(decoded.left).map(
        ({ path, message }) => `${path || "(top level)"}: ${message.includes("whsec_") ? "must be whsec_ followed by the base64 of 24 to 64 random bytes" : message}`
      )
    : []
  throw new SourcesFileError(file, [...ids, ...problems])
}

export const loadSources = (file: string): SourcesFile => {
  let text: string
  try {
    text = readFileSync(file, "utf8")
  } catch (error) {
    throw new SourcesFileError(file, [`cannot be read: ${(error as NodeJS.ErrnoException).code ?? "unknown error"}`])
  }
  return parseSources(text, file)
}

/** The source a URL names, or undefined (answered as any other failed check: 401). */
export const findSource = (sources: SourcesFile, authorityId: string, sourceId: string): Source | undefined =>
  Object.hasOwn(sources.authorities, authorityId) && Object.hasOwn(sources.authorities[authorityId as AuthorityId]!.sources, sourceId)
    ? sources.authorities[authorityId as AuthorityId]!.sources[sourceId]
    : undefined

export const secretsOf = (source: Source): ReadonlyArray<string> => source.secrets.map(Redacted.value)
