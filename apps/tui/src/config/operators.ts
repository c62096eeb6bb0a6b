import { accessSync, constants, readFileSync } from "node:fs"
import { userInfo } from "node:os"
import { dirname, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { ConfigError, type Env, invocationDir } from "@carepanel/app-kit"
import { Actor, type AuthorityPolicy, AuthorityId, PersonId, Role } from "@carepanel/core"
import { Either, ParseResult, Schema } from "effect"
import { parse } from "yaml"

/** The operators file shipped beside this package: the demonstration authority's panel administrator. */
export const defaultOperatorsFile = fileURLToPath(new URL("../../operators.yaml", import.meta.url))

const Operator = Schema.Struct({
  personId: PersonId,
  name: Schema.NonEmptyTrimmedString,
  authorityId: AuthorityId,
  roles: Schema.NonEmptyArray(Role)
})

/** Who may use the terminal, by operating-system user; the authority controls the file, nobody is asked at a prompt. */
const OperatorsFile = Schema.Struct({
  operators: Schema.optionalWith(Schema.Record({ key: Schema.String, value: Operator }), { default: () => ({}) }),
  /** Outside production only: whoever is not listed runs as this operator (a fresh checkout's demonstration). */
  developmentDefault: Schema.optional(Operator)
})

const pathText = (path: ReadonlyArray<PropertyKey>): string =>
  path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join("") || "(the file)"

/** Every problem of the file at once, each by its path, so one edit fixes them all. */
const problemsOf = (raw: unknown, policies: ReadonlyArray<AuthorityPolicy>): Either.Either<typeof OperatorsFile.Type, ReadonlyArray<string>> => {
  const decoded = Schema.decodeUnknownEither(OperatorsFile, { errors: "all", onExcessProperty: "error" })(raw)
  if (Either.isLeft(decoded)) {
    return Either.left(ParseResult.ArrayFormatter.formatErrorSync(decoded.left).map((issue) => `${pathText(issue.path)}: ${issue.message}`))
  }
  const known = policies.map((policy) => policy.authority.id as string)
  const entries = [
    ...Object.entries(decoded.right.operators).map(([user, operator]) => [`operators.${user}`, operator] as const),
    ...(decoded.right.developmentDefault === undefined ? [] : [["developmentDefault", decoded.right.developmentDefault] as const])
  ]
  const unknown = entries
    .filter(([, operator]) => !known.includes(operator.authorityId))
    .map(
      ([path, operator]) =>
        `${path}.authorityId: "${operator.authorityId}" is not an authority this installation runs (${known.join(", ")}): name an operator at one of them in an operators file of your own and point CAREPANEL_OPERATORS at it`
    )
  return unknown.length > 0 ? Either.left(unknown) : Either.right(decoded.right)
}

export interface OperatorSource {
  readonly file: string
  readonly user: string
  readonly production: boolean
  /** Whether the user running the TUI could change the file (and so make themselves anyone): refused in production. */
  readonly writableByUser?: boolean
}

const writable = (path: string): boolean => {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** Whether the file can be changed: written in place, or replaced by whoever can write its directory. */
export const changeable = (file: string, canWrite: (path: string) => boolean = writable): boolean => canWrite(file) || canWrite(dirname(file))

export const operatorSourceFromEnv = (env: Env = process.env): OperatorSource => {
  const file = env.CAREPANEL_OPERATORS?.trim() ? resolve(invocationDir(env), env.CAREPANEL_OPERATORS.trim()) : defaultOperatorsFile
  return { file, user: userInfo().username, production: env.NODE_ENV === "production", writableByUser: changeable(file) }
}

/** The operator at the keyboard: the OS user's entry in the operators file, checked against the authorities run here. */
export const operatorOf = (source: OperatorSource, policies: ReadonlyArray<AuthorityPolicy>): Actor => {
  const setting = `CAREPANEL_OPERATORS (${source.file})`
  if (source.production && source.writableByUser === true) {
    throw new ConfigError(
      setting,
      `can be changed by the user "${source.user}" running the terminal, who could then be any member of staff: in production the operators file must be one the operators cannot write (the authority's administrators own it), and the terminal runs as the operator's own account, not root`
    )
  }
  let raw: unknown
  try {
    raw = parse(readFileSync(source.file, "utf8"))
  } catch (error) {
    throw new ConfigError(setting, `cannot be read as YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`)
  }
  const checked = problemsOf(raw ?? {}, policies)
  if (Either.isLeft(checked)) throw new ConfigError(setting, checked.left.join("; "))
  const operator = checked.right.operators[source.user] ?? (source.production ? undefined : checked.right.developmentDefault)
  if (operator === undefined) {
    throw new ConfigError(setting, `has no entry for the user "${source.user}"${source.production ? " (developmentDefault is not used in production)" : ""}`)
  }
  return new Actor(operator)
}
