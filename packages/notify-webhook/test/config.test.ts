import { Effect, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { decodeWebhookSettings, webhookSettingsFromEnv } from "../src/WebhookConfig.js"
import { newSecret } from "./receiver.js"

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(Effect.either(effect))
const secret = newSecret()

describe("webhook settings", () => {
  it("reads each authority's endpoint and secrets from WEBHOOK_ENDPOINTS", () => {
    const old = newSecret()
    const endpoints = { "north-somerset": { url: "https://cases.example.gov.uk/carepanel", secrets: [secret, old] } }
    const result = run(webhookSettingsFromEnv({ WEBHOOK_ENDPOINTS: JSON.stringify(endpoints), WEBHOOK_TIMEOUT_MS: "2500" }))
    if (result._tag === "Left") throw new Error(result.left.message)
    const endpoint = result.right.endpoints["north-somerset" as keyof typeof result.right.endpoints]
    expect(result.right.timeoutMs).toBe(2_500)
    expect(endpoint?.url).toBe("https://cases.example.gov.uk/carepanel")
    expect(endpoint?.allowPrivateNetwork).toBe(false)
    expect(endpoint?.secrets.map(Redacted.value)).toEqual([secret, old])
  })

  it("names the field of a bad secret without repeating it", () => {
    const result = run(
      decodeWebhookSettings({ endpoints: { lincolnshire: { url: "https://x.example/hook", secrets: ["whsec_dG9vc2hvcnQ="] } } })
    )
    expect(result).toMatchObject({
      left: {
        setting: "endpoints.lincolnshire.secrets.0",
        message:
          "Webhook settings are not usable: endpoints.lincolnshire.secrets.0 must be whsec_ followed by the base64 of 24 to 64 random bytes."
      }
    })
    expect(JSON.stringify(result)).not.toContain("dG9vc2hvcnQ")
  })

  it("asks for https:// unless allowPrivateNetwork, at least one secret, and valid JSON", () => {
    const plain = run(decodeWebhookSettings({ endpoints: { knowsley: { url: "http://x.example/hook", secrets: [secret] } } }))
    expect(plain).toMatchObject({ left: { setting: "endpoints.knowsley.url", message: expect.stringContaining("must use https://") } })
    const dev = run(
      decodeWebhookSettings({ endpoints: { knowsley: { url: "http://localhost:3000/hook", secrets: [secret], allowPrivateNetwork: true } } })
    )
    expect(dev._tag).toBe("Right")
    const none = run(decodeWebhookSettings({ endpoints: { knowsley: { url: "https://x.example/hook", secrets: [] } } }))
    expect(none).toMatchObject({ left: { message: expect.stringContaining("endpoints.knowsley.secrets.0 is missing") } })
    const broken = run(webhookSettingsFromEnv({ WEBHOOK_ENDPOINTS: `{"knowsley": {"secrets": ["${secret}"` }))
    expect(broken).toMatchObject({ left: { message: "Webhook settings are not usable: WEBHOOK_ENDPOINTS is not valid JSON." } })
    expect(run(webhookSettingsFromEnv({}))).toMatchObject({ left: { message: expect.stringContaining("WEBHOOK_ENDPOINTS is missing") } })
  })
})
