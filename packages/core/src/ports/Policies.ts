import { Context, type Effect } from "effect"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { NotFound } from "../shared/errors.js"
import type { AuthorityId } from "../shared/ids.js"

/** Each authority's policy. Apps load it from presets or policy files; tests from a map. */
export class Policies extends Context.Tag("@carepanel/core/Policies")<
  Policies,
  { readonly forAuthority: (authorityId: AuthorityId) => Effect.Effect<AuthorityPolicy, NotFound> }
>() {}
