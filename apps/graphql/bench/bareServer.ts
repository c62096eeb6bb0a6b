import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { createSchema, createYoga } from "graphql-yoga"

/**
 * The baseline: graphql-yoga on node:http answering the same documents with the same shapes from memory, with no
 * authentication, limits, Effect runtime or store. What the API costs on top of this is the figure of interest.
 */
const typeDefs = /* GraphQL */ `
  interface DomainError { code: String! message: String! }
  type NotFound implements DomainError { code: String! message: String! }
  type RuleStep { role: String! ruleId: String! }
  type AgendaItem { referralId: String! childIds: [String!]! kind: String! summary: String! startsAt: String! endsAt: String! }
  type Sitting { id: ID! date: String! agenda: [AgendaItem!]! }
  type Referral { id: ID! status: String! pendingApprovals: [RuleStep!]! }
  union SittingResult = Sitting | NotFound
  union SubmitReferralResult = Referral | NotFound
  input SubmitReferralInput { referralId: ID! }
  type Query { sitting(id: ID!): SittingResult! }
  type Mutation { submitReferral(input: SubmitReferralInput!): SubmitReferralResult! }
`

const startsAt = Date.now() + 7 * 86_400_000
const sitting = {
  __typename: "Sitting",
  id: "sit_bench",
  date: new Date(startsAt).toISOString().slice(0, 10),
  agenda: Array.from({ length: 8 }, (_, i) => ({
    referralId: `ref_bench_${String(i).padStart(7, "0")}`,
    childIds: [`bench-child-${i}`],
    kind: "request",
    summary: "Request: a legal planning meeting",
    startsAt: new Date(startsAt + i * 1_200_000).toISOString(),
    endsAt: new Date(startsAt + (i + 1) * 1_200_000).toISOString()
  }))
}
const submitted = new Set<string>()

const yoga = createYoga({
  logging: false,
  schema: createSchema({
    typeDefs,
    resolvers: {
      SittingResult: { __resolveType: (value: { __typename: string }) => value.__typename },
      SubmitReferralResult: { __resolveType: (value: { __typename: string }) => value.__typename },
      Query: { sitting: () => sitting },
      Mutation: {
        submitReferral: (_root: unknown, { input }: { input: { referralId: string } }) => {
          submitted.add(input.referralId)
          return { __typename: "Referral", id: input.referralId, status: "awaiting_approval", pendingApprovals: [{ role: "team_manager", ruleId: "LIN-3" }] }
        }
      }
    }
  })
})

const server = createServer(yoga)
server.listen(0, "127.0.0.1", () => console.log(`Bare yoga at http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`))
