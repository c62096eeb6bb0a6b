import { type Actor, AuthorityPolicy, Policies } from "@carepanel/core"
import { Effect, Schema } from "effect"
import { builder } from "../builder.js"
import { revealsIdentity } from "../disclosure/applyDisclosure.js"
import { PanelRef } from "../panel/panel.js"
import { read } from "../run.js"
import { RoleEnum } from "../shared/enums.js"

const AuthorityRef = builder.objectRef<AuthorityPolicy>("Authority").implement({
  description: "The caller's authority and the policy it runs its panels by.",
  fields: (t) => ({
    id: t.id({ resolve: (policy) => policy.authority.id }),
    name: t.string({ resolve: (policy) => policy.authority.name }),
    policySource: t.string({ description: "The terms of reference the policy encodes.", resolve: (policy) => policy.source }),
    panels: t.field({ type: [PanelRef], resolve: (policy) => policy.panels }),
    policy: t.field({ type: "JSON", description: "The whole policy, as a policy file would hold it.", resolve: (policy) => Schema.encodeSync(AuthorityPolicy)(policy) })
  })
})

interface Viewer {
  readonly actor: Actor
  readonly revealsIdentity: boolean
}

const ViewerRef = builder.objectRef<Viewer>("Viewer").implement({
  description: "Who is calling, as their token says.",
  fields: (t) => ({
    personId: t.string({ resolve: (viewer) => viewer.actor.personId }),
    name: t.string({ resolve: (viewer) => viewer.actor.name }),
    roles: t.field({ type: [RoleEnum], resolve: (viewer) => viewer.actor.roles }),
    identityGranted: t.boolean({
      description: "Whether children's identities and the free text written about them are shown to this caller (docs/api.md lists the fields).",
      resolve: (viewer) => viewer.revealsIdentity
    }),
    authority: t.field({
      type: AuthorityRef,
      resolve: (viewer, _args, context) => read(context, () => Effect.flatMap(Policies, (policies) => policies.forAuthority(viewer.actor.authorityId)))
    })
  })
})

builder.queryField("viewer", (t) =>
  t.field({ type: ViewerRef, resolve: (_root, _args, context) => ({ actor: context.actor, revealsIdentity: revealsIdentity(context) }) })
)
