import { type AuthorityId, type AuthorityPolicy, preset, presetSlugs } from "@carepanel/core"

/** The n-th fictional authority (1-based): its id, and a preset's policy taken in turn (round robin). */
export const englandAuthorityId = (n: number) => `eng-${String(n).padStart(3, "0")}` as AuthorityId

/** The preset the n-th authority's policy is taken from. */
export const englandPreset = (n: number) => presetSlugs[(n - 1) % presetSlugs.length]!

export const englandPolicy = (n: number): AuthorityPolicy => {
  const base = preset(englandPreset(n))
  return { ...base, authority: { ...base.authority, id: englandAuthorityId(n), name: `Fictional Authority ${n}` } }
}
