import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { type AuthorityPolicy, parsePolicyText, preset, type PresetSlug, presetSlugs } from "@carepanel/core"
import { demoPolicyFile } from "@carepanel/demo"
import { Effect } from "effect"
import { ConfigError, type Env, invocationDir } from "./env.js"

const isPreset = (entry: string): entry is PresetSlug => (presetSlugs as ReadonlyArray<string>).includes(entry)

const loadPolicy = (entry: string, baseDir: string): AuthorityPolicy => {
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

/** `CAREPANEL_POLICIES` as the API reads it: preset slugs or policy files; the demonstration authority when unset. */
export const policiesFromEnv = (env: Env = process.env): ReadonlyArray<AuthorityPolicy> => {
  const entries = (env.CAREPANEL_POLICIES ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
  return (entries.length === 0 ? [demoPolicyFile] : entries).map((entry) => loadPolicy(entry, invocationDir(env)))
}
