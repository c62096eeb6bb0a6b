import type { AuthorityPolicy } from "@carepanel/core"
import { exampleForm } from "@carepanel/core/testing"

/** The GraphQL documents the bench sends, the same to the API and to the bare servers. */
const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables })

export const agendaQuery = body(
  "query Agenda($id: ID!) { sitting(id: $id) { __typename ... on Sitting { id date agenda { referralId childIds kind summary startsAt endsAt } } } }",
  { id: "sit_bench" }
)

/** What a request's page shows: the form's text and children (each read written to the access log), papers, approvals. */
export const requestPageQuery = (referralId: string) =>
  body(
    "query RequestPage($id: ID!) { referral(id: $id) { __typename ... on Referral { id status panelId requestTypes children { childId fullName dateOfBirth legalStatus plan } request reason proposedPlan caseSummary documents { documentId kind title } pendingApprovals { role ruleId } criteria { ruleId reason level description } createdAt submittedAt } ... on DomainError { code message } } }",
    { id: referralId }
  )

export const submitMutation = (referralId: string) =>
  body(
    "mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { __typename ... on Referral { id status pendingApprovals { role ruleId } } ... on DomainError { code message } } }",
    { input: { referralId } }
  )

/** A social worker's new draft for a fictional child: `createReferralDraft` with the core's example form. */
export const createDraftMutation = (policy: AuthorityPolicy, i: number) =>
  body(
    "mutation CreateDraft($input: CreateReferralDraftInput!) { createReferralDraft(input: $input) { __typename ... on Referral { id status } ... on DomainError { code message } } }",
    { input: { form: exampleForm(policy.panels[0].id, policy.referral.inScope.requestTypes[0]!, { id: `bench-new-child-${i}`, name: `New Bench Child ${i}` }) } }
  )
