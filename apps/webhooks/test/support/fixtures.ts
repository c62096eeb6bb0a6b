import { decodePolicy, preset, type RequestType } from "@carepanel/core"
import { exampleForm } from "@carepanel/core/testing"
import { Effect } from "effect"

/** Fictional secrets for the test sources (24 random bytes each, generated once for these tests). */
export const secret = "whsec_dGVzdC1zZWNyZXQtb25lLWZvci13ZWJob29rcw=="
export const nextSecret = "whsec_dGVzdC1zZWNyZXQtdHdvLWZvci13ZWJob29rcw=="
/** The other source's own secret: a delivery for one source signed for the other is refused. */
export const eclipseSecret = "whsec_dGVzdC1zZWNyZXQtZWNsaXBzZS13ZWJob29rcw=="
export const authority = "wexcombe"

export const wexcombeTerms = "Wexcombe Support Panel, terms of reference (2027)"
export const wexcombeScope =
  "The Support Panel decides requests for a legal planning meeting, pre-proceedings or care proceedings, accommodation, the type of placement, edge-of-care and family support, and expenditure."

/**
 * Wexcombe (fictional) as the receiver runs it by default (Lincolnshire's procedure), its requests in scope cited
 * under a rule of its own terms of reference (WEX-2), as an authority's policy may (docs/adding-an-authority.md).
 */
export const wexcombe = Effect.runSync(
  decodePolicy(
    {
      extends: "lincolnshire",
      authority: { id: authority, name: "Wexcombe Borough Council (fictional)" },
      ownRules: { source: wexcombeTerms, rules: { "WEX-2": wexcombeScope } },
      referral: { inScope: { ...preset("lincolnshire").referral.inScope, ruleId: "WEX-2" } }
    },
    "wexcombe.yaml"
  )
)

export const sourcesFor = (secrets: ReadonlyArray<string> = [secret]) => ({
  authorities: {
    [authority]: {
      sources: {
        mosaic: {
          secrets,
          events: [
            "request.submitted",
            "request.approved",
            "request.returned",
            "request.withdrawn",
            "document.attached",
            "placement.connected_person_started",
            "police_protection.started",
            "police_protection.ended",
            "accommodation.s20_started",
            "accommodation.s20_consent_withdrawn",
            "placement.ended",
            "visit.recorded",
            "legal_status.changed"
          ],
          roles: ["social_worker", "team_manager"]
        },
        eclipse: { secrets: [eclipseSecret], events: ["request.withdrawn"], roles: ["social_worker"] }
      }
    }
  }
})

export const socialWorker = { personId: "priya-ashdown", name: "Priya Ashdown", role: "social_worker" }
export const teamManager = { personId: "tom-brackley", name: "Tom Brackley", role: "team_manager" }

const papers = ["chronology", "genogram", "assessment", "direct_work", "family_safety_plan", "signs_of_safety_mapping"]

/** A complete request about a fictional child, with every paper Wexcombe (Lincolnshire's procedure) asks for. */
export const submitted = (formId: string, child = { id: "child-ash-01", name: "Robin Ashdale" }, requestType: RequestType = "s20_accommodation") => ({
  type: "request.submitted",
  timestamp: "2027-06-01T09:00:00Z",
  data: {
    formId,
    actor: socialWorker,
    form: exampleForm("support-panel", requestType, child),
    documents: papers.map((kind, i) => ({ documentId: `${formId}-doc-${i}`, kind, title: `The ${kind.replaceAll("_", " ")}` }))
  }
})

export const approved = (formId: string) => ({ type: "request.approved", data: { formId, actor: teamManager } })
export const withdrawn = (formId: string, reason = "The family moved out of the area") => ({ type: "request.withdrawn", data: { formId, actor: socialWorker, reason } })
