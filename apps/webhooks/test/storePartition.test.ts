import { setTimeout as sleep } from "node:timers/promises"
import { PgStoreLayer } from "@carepanel/store-sql"
import { LogLevel } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startPartitionedPostgres } from "../../../packages/store-sql/dev/partitionableProxy.js"
import { submitted } from "./support/fixtures.js"
import { type Answered, deliver, startTestReceiver } from "./support/receiver.js"
import { countOf } from "./support/storeQuery.js"

/**
 * The database stops answering without refusing anything (a network partition between the receiver and a managed
 * PostgreSQL): packets are held, as TCP holds them while it retransmits. Before, a delivery waited until the operating
 * system gave the connection up, a quarter of an hour later; now it is answered 503 try-again once the store has not
 * answered within CAREPANEL_STORE_ANSWER_SECONDS (2 s here), saying it may still be applied, and the sender's retry
 * under the same webhook-id is applied once whether or not the first attempt's statements reached the database
 * (docs/operations.md, "When the store fails").
 */
let postgres: Awaited<ReturnType<typeof startPartitionedPostgres>>
let receiver: Awaited<ReturnType<typeof startTestReceiver>> | undefined
const lines: Array<string> = []

beforeAll(async () => {
  postgres = await startPartitionedPostgres()
  receiver = await startTestReceiver({ store: PgStoreLayer(postgres.partition.url), storeAnswerMs: 2_000, logLevel: LogLevel.Info, log: (line) => lines.push(line) })
}, 60_000)

afterAll(() => postgres?.stop(async () => receiver?.close()))

/** The store read directly, not through the proxy. */
const direct = () => PgStoreLayer(postgres.cluster.url("postgres"))

const child = (n: string) => ({ id: `child-partition-${n}`, name: `Partition Child ${n}` })
const delivery = (n: string) => ({ payload: submitted(`form-partition-${n}`, child(n)), id: `msg_partition_${n}` })

/** The answer, or "no answer" after 10 s (as a sender's own timeout would end it), and how long it took. */
const timed = async (n: string) => {
  const startedAt = performance.now()
  const answered = await Promise.race([deliver(receiver!.url, delivery(n).payload, { id: delivery(n).id }), sleep(10_000).then(() => "no answer in 10 s" as const)])
  return { answered, seconds: (performance.now() - startedAt) / 1_000 }
}

/** Sends the delivery again, as a sender does, until it is answered other than 503 (its first attempt may still be settling). */
const sentAgain = async (n: string): Promise<Answered> => {
  for (let attempt = 0; ; attempt++) {
    const answered = await deliver(receiver!.url, delivery(n).payload, { id: delivery(n).id })
    if (answered.status !== 503 || attempt === 50) return answered
    await sleep(200)
  }
}

const requestsFor = (n: string) => countOf(direct(), `SELECT COUNT(*) AS n FROM events WHERE type = 'DraftCreated' AND data LIKE '%"child-partition-${n}"%'`)

/** While the network is cut: answered 503 try-again with Retry-After in about 2 s, honest that it may still be applied, and logged once. */
const expectNotAnswered = async (n: string) => {
  postgres.partition.cut()
  const { answered, seconds } = await timed(n)
  expect(answered).toMatchObject({ status: 503, contentType: "application/problem+json", retryAfter: "5" })
  const { body } = answered as Answered
  expect(body).toMatchObject({ type: "https://carepanel.example/problems/try-again", status: 503, title: "The store did not answer in time; please send the delivery again with the same webhook-id." })
  expect(body.detail).toBe(
    "The store did not answer within 2 s. The delivery may still be applied once it does; sending it again with the same webhook-id is safe: it is applied once, and the repeat is answered as the first delivery was."
  )
  expect(seconds).toBeGreaterThanOrEqual(1.9)
  expect(seconds).toBeLessThan(5)
  const logged = lines.map((line) => JSON.parse(line)).filter((line) => line.annotations?.deliveryId === delivery(n).id && line.annotations?.error === "StoreDidNotAnswer")
  expect(logged).toEqual([
    expect.objectContaining({
      logLevel: "ERROR",
      message: "delivery failed; answered 503",
      annotations: { deliveryId: delivery(n).id, source: "mosaic", error: "StoreDidNotAnswer", detail: "the store did not answer within 2 s" }
    })
  ])
  expect(lines.join("\n")).not.toContain(child(n).name)
}

/** Once the network is back: the same delivery sent again is answered applied, and made one request. */
const expectAppliedOnce = async (n: string) => {
  const again = await sentAgain(n)
  expect(again.status, JSON.stringify(again.body)).toBe(200)
  expect(again.body).toMatchObject({ deliveryId: delivery(n).id, outcome: "applied" })
  expect(await requestsFor(n)).toBe(1)
  expect(await countOf(direct(), `SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivery_id = '${delivery(n).id}' AND outcome = 'applied'`)).toBe(1)
}

describe("a database that stops answering (a network partition) under the receiver", () => {
  it("a delivery is answered 503 try-again with Retry-After in seconds; once the network is back its held statements land, and the same delivery sent again is answered applied, one request made", async () => {
    const before = await deliver(receiver!.url, delivery("before").payload, { id: delivery("before").id })
    expect(before.status, JSON.stringify(before.body)).toBe(200)
    await expectNotAnswered("held")
    postgres.partition.heal()
    // The first attempt's statements reach the database once the network is back: it is applied, and the retry is
    // answered as it was.
    await expect.poll(() => requestsFor("held"), { timeout: 10_000 }).toBe(1)
    await expectAppliedOnce("held")
  }, 60_000)

  it("when the partition ends in resets instead (the first attempt's statements lost), the same delivery sent again is applied, one request made", async () => {
    await expectNotAnswered("lost")
    postgres.partition.reset()
    expect(await requestsFor("lost")).toBe(0)
    await expectAppliedOnce("lost")
  }, 60_000)
})
