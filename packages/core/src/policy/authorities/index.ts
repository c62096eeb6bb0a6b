import { Schema } from "effect"
import { AuthorityPolicy, type AuthorityPolicyInput } from "../AuthorityPolicy.js"
import { carePlanning } from "./carePlanning.js"
import { knowsley } from "./knowsley.js"
import { lincolnshire } from "./lincolnshire.js"
import { northSomerset } from "./northSomerset.js"
import { supportPanels } from "./supportPanels.js"

/** One built-in preset per seed document, keyed by slug. */
export const presetInputs = {
  knowsley,
  "support-panels": supportPanels,
  "north-somerset": northSomerset,
  "care-planning": carePlanning,
  lincolnshire
} satisfies Record<string, AuthorityPolicyInput>

export type PresetSlug = keyof typeof presetInputs
export const presetSlugs = Object.keys(presetInputs) as ReadonlyArray<PresetSlug>

/** A preset, decoded and validated; an authority may start from one and override any field. */
export const preset = (slug: PresetSlug): AuthorityPolicy => Schema.decodeUnknownSync(AuthorityPolicy)(presetInputs[slug])
