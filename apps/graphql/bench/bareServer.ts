import { createServer } from "node:http"
import { createRequire } from "node:module"
import type { AddressInfo } from "node:net"
import { createSchema, createYoga } from "graphql-yoga"

/**
 * The floors: graphql-yoga on node:http answering the same documents with the same shapes, with no authentication,
 * limits, access log, Effect runtime or event store. Reads come from memory. Writes come from memory too, unless
 * `BARE_SQLITE_FILE` is set: then each mutation first inserts one row into that SQLite file with the durability the
 * API's store has (WAL, synchronous=FULL, better-sqlite3, the same driver): the honest floor for a durable write.
 */
interface Statement {
  run(...values: ReadonlyArray<unknown>): unknown
}
interface Database {
  pragma(text: string): unknown
  exec(text: string): unknown
  prepare(text: string): Statement
}
const openDatabase = (file: string): Database => {
  const Database = createRequire(import.meta.url)("better-sqlite3") as new (file: string) => Database
  const db = new Database(file)
  db.pragma("journal_mode = WAL")
  db.pragma("synchronous = FULL")
  db.exec("CREATE TABLE IF NOT EXISTS submissions (seq INTEGER PRIMARY KEY, referral_id TEXT NOT NULL, at TEXT NOT NULL, data TEXT NOT NULL)")
  return db
}
const durableFile = process.env.BARE_SQLITE_FILE
const insert = durableFile === undefined ? undefined : openDatabase(durableFile).prepare("INSERT INTO submissions (referral_id, at, data) VALUES (?, ?, ?)")
const write = (referralId: string, data: unknown) => insert?.run(referralId, new Date().toISOString(), JSON.stringify(data))

const typeDefs = /* GraphQL */ `
  interface DomainError { code: String! message: String! }
  type NotFound implements DomainError { code: String! message: String! }
  type RuleStep { role: String! ruleId: String! }
  type AgendaItem { referralId: String! childIds: [String!]! kind: String! summary: String! startsAt: String! endsAt: String! }
  type Sitting { id: ID! date: String! agenda: [AgendaItem!]! }
  type Child { childId: ID! fullName: String dateOfBirth: String legalStatus: String plan: String }
  type Document { documentId: String! kind: String! title: String! }
  type Criterion { ruleId: String! reason: String! level: String! description: String! }
  type Referral {
    id: ID! status: String! panelId: String! requestTypes: [String!]! children: [Child!]!
    request: String reason: String proposedPlan: String caseSummary: String
    documents: [Document!]! pendingApprovals: [RuleStep!]! criteria: [Criterion!]! createdAt: String! submittedAt: String
  }
  union SittingResult = Sitting | NotFound
  union ReferralResult = Referral | NotFound
  union SubmitReferralResult = Referral | NotFound
  union CreateReferralDraftResult = Referral | NotFound
  input SubmitReferralInput { referralId: ID! }
  input CreateReferralDraftInput { form: JSONObject! }
  scalar JSONObject
  type Query { sitting(id: ID!): SittingResult! referral(id: ID!): ReferralResult! }
  type Mutation {
    submitReferral(input: SubmitReferralInput!): SubmitReferralResult!
    createReferralDraft(input: CreateReferralDraftInput!): CreateReferralDraftResult!
  }
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
const text = "A fictional paragraph of the form, about as long as a social worker writes in this box. ".repeat(4)
const referral = (id: string, status: string) => ({
  __typename: "Referral",
  id,
  status,
  panelId: "lincolnshire-resource-panel",
  requestTypes: ["legal_planning_meeting"],
  children: [{ childId: "bench-child-1", fullName: "Bench Child 1", dateOfBirth: "2015-04-02", legalStatus: "CIN", plan: "CIN" }],
  request: text,
  reason: text,
  proposedPlan: text,
  caseSummary: text,
  documents: [{ documentId: `${id}-doc-0`, kind: "chronology", title: "chronology" }],
  pendingApprovals: [{ role: "team_manager", ruleId: "LIN-3" }],
  criteria: [{ ruleId: "LIN-1", reason: "legal_planning", level: "must", description: "A legal planning meeting comes to panel." }],
  createdAt: new Date().toISOString(),
  submittedAt: null
})

let drafts = 0
const yoga = createYoga({
  logging: false,
  schema: createSchema({
    typeDefs,
    resolvers: {
      SittingResult: { __resolveType: (value: { __typename: string }) => value.__typename },
      ReferralResult: { __resolveType: (value: { __typename: string }) => value.__typename },
      SubmitReferralResult: { __resolveType: (value: { __typename: string }) => value.__typename },
      CreateReferralDraftResult: { __resolveType: (value: { __typename: string }) => value.__typename },
      Query: { sitting: () => sitting, referral: (_root: unknown, { id }: { id: string }) => referral(id, "draft") },
      Mutation: {
        submitReferral: (_root: unknown, { input }: { input: { referralId: string } }) => {
          write(input.referralId, { _tag: "ReferralSubmitted", referralId: input.referralId })
          return referral(input.referralId, "awaiting_approval")
        },
        createReferralDraft: (_root: unknown, { input }: { input: { form: unknown } }) => {
          const id = `ref_bare_${drafts++}`
          write(id, { _tag: "DraftCreated", referralId: id, form: input.form })
          return referral(id, "draft")
        }
      }
    }
  })
})

const server = createServer(yoga)
server.listen(0, "127.0.0.1", () => console.log(`Bare yoga at http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`))
