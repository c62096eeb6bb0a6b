import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { type AuthorityPolicy, NotFound, Policies, parsePolicyText, type PresetSlug, preset, presetSlugs } from "@carepanel/core"
import { demoPolicyFile } from "@carepanel/demo"
import { Effect, Layer } from "effect"
import { ConfigError, type Env, invocationDir } from "./env.js"

const isPreset = (entry: string): entry is PresetSlug => (presetSlugs as ReadonlyArray<string>).includes(entry)

/** One entry of `CAREPANEL_POLICIES`: a preset slug, or a JSON/YAML policy file (which may `extends:` a preset). */
export const loadPolicy = (entry: string, baseDir: string): AuthorityPolicy => {
  if (isPreset(entry)) return preset(entry)
  const path = resolve(baseDir, entry)
  let text: string
  try {
    text = readFileSync(path, "utf8")
  } catch {
    throw new ConfigError("CAREPANEL_POLICIES", `"${entry}" is neither a preset (${presetSlugs.join(", ")}) nor a readable file`)
  }
  const decoded = Effect.runSync(Effect.either(parsePolicyText(text, path)))
  if (decoded._tag === "Left") throw new ConfigError("CAREPANEL_POLICIES", decoded.left.message)
  return decoded.right
}

/**
 * `CAREPANEL_POLICIES`: comma-separated preset slugs or policy files, read alike by every app on one store; the
 * fictional demonstration authority (`policies/wexcombe.yaml` of @carepanel/demo) when unset.
 */
export const policiesFromEnv = (env: Env = process.env): ReadonlyArray<AuthorityPolicy> => {
  const entries = (env.CAREPANEL_POLICIES ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
  const policies = (entries.length === 0 ? [demoPolicyFile] : entries).map((entry) => loadPolicy(entry, invocationDir(env)))
  const ids = policies.map((policy) => policy.authority.id)
  const twice = ids.find((id, i) => ids.indexOf(id) !== i)
  if (twice !== undefined) throw new ConfigError("CAREPANEL_POLICIES", `two policies are for the authority "${twice}"`)
  return policies
}

/** The Policies port over a fixed list; an authority not in it is not found. */
export const policiesLayer = (policies: ReadonlyArray<AuthorityPolicy>) => {
  const byId = new Map(policies.map((policy) => [policy.authority.id as string, policy]))
  return Layer.succeed(
    Policies,
    Policies.of({
      forAuthority: (authorityId) => {
        const policy = byId.get(authorityId)
        return policy ? Effect.succeed(policy) : Effect.fail(NotFound.of("authority", authorityId))
      }
    })
  )
}
