import { Effect, Layer } from "effect"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { Policies } from "../ports/Policies.js"
import { NotFound } from "../shared/errors.js"

/** Policies from a fixed list, e.g. presets; an unknown authority is not found. */
export const staticPolicies = (...policies: ReadonlyArray<AuthorityPolicy>) =>
  Layer.succeed(
    Policies,
    Policies.of({
      forAuthority: (authorityId) => {
        const policy = policies.find((candidate) => candidate.authority.id === authorityId)
        return policy ? Effect.succeed(policy) : Effect.fail(NotFound.of("authority", authorityId))
      }
    })
  )
