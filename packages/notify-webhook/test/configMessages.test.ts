import { Effect, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { decodeWebhookSettings, webhookSettingsFromEnv } from "../src/WebhookConfig.js"
import { newSecret } from "./receiver.js"

// What an integrator sees for each bad webhook setting: the setting to fix, by path, and why.

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(Effect.either(effect))
const secret = newSecret()
const secretOf = (bytes: number) => `whsec_${Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString("base64")}`
const withSecret = (value: string) => ({ endpoints: { lincolnshire: { url: "https://cases.example.gov.uk/hook", secrets: [value] } } })
const withUrl = (url: string, allowPrivateNetwork?: boolean) => ({
  endpoints: { lincolnshire: { url, secrets: [secret], ...(allowPrivateNetwork === undefined ? {} : { allowPrivateNetwork }) } }
})
const withTimeout = (timeoutMs: number) => ({ ...withUrl("https://cases.example.gov.uk/hook"), timeoutMs })
const endpointsEnv = JSON.stringify(withUrl("https://cases.example.gov.uk/hook").endpoints)

const secretMessage =
  "Webhook settings are not usable: endpoints.lincolnshire.secrets.0 must be whsec_ followed by the base64 of 24 to 64 random bytes."
const urlMessage = "Webhook settings are not usable: endpoints.lincolnshire.url must be an http:// or https:// URL."
const timeoutEnvMessage = "Webhook settings are not usable: WEBHOOK_TIMEOUT_MS must be a number of milliseconds from 1 to 300000."

describe("given a signing secret", () => {
  it("when it holds 24 to 64 bytes (with 0, 1 or 2 padding characters) then it is accepted and kept as given", () => {
    for (const bytes of [24, 25, 32, 64]) {
      const value = secretOf(bytes)
      const result = run(decodeWebhookSettings(withSecret(value)))
      const kept = result._tag === "Right" ? Object.values(result.right.endpoints)[0]?.secrets.map(Redacted.value) : result.left.message
      expect([bytes, kept]).toEqual([bytes, [value]])
    }
  })

  it("when it holds 23 or 65 bytes, or is not whsec_ and base64, then the secret's place is named and the secret is not repeated", () => {
    const valid = secretOf(32)
    const bad = [
      secretOf(23),
      secretOf(65),
      valid.slice("whsec_".length),
      `x${valid}`,
      `${valid} `,
      `${valid}==`,
      `whsec_${"%".repeat(40)}`,
      "whsec_"
    ]
    for (const value of bad) {
      const result = run(decodeWebhookSettings(withSecret(value)))
      expect([value, result]).toMatchObject([value, { left: { setting: "endpoints.lincolnshire.secrets.0", message: secretMessage } }])
      if (value.length > 20) expect(JSON.stringify(result)).not.toContain(value.slice(6, 20))
    }
  })
})

describe("given an endpoint URL", () => {
  it("when it is not a URL, or not http(s), then its place is named", () => {
    for (const url of ["cases.example.gov.uk/hook", "ftp://cases.example.gov.uk/hook", "git+https://cases.example.gov.uk/hook", ""]) {
      expect([url, run(decodeWebhookSettings(withUrl(url, true)))]).toMatchObject([
        url,
        { left: { setting: "endpoints.lincolnshire.url", message: urlMessage } }
      ])
    }
  })

  it("when it is plain http:// then it is refused unless the endpoint allows the private network (development only)", () => {
    const message =
      "Webhook settings are not usable: endpoints.lincolnshire.url must use https:// (plain http:// only with allowPrivateNetwork: true)."
    for (const allow of [undefined, false]) {
      expect(run(decodeWebhookSettings(withUrl("http://cases.example.gov.uk/hook", allow)))).toMatchObject({
        left: { setting: "endpoints.lincolnshire.url", message }
      })
    }
    const allowed = run(decodeWebhookSettings(withUrl("http://localhost:3000/hook", true)))
    expect(allowed).toMatchObject({ right: { endpoints: { lincolnshire: { url: "http://localhost:3000/hook", allowPrivateNetwork: true } } } })
  })

  it("when https:// is given without allowPrivateNetwork then the private network stays refused", () => {
    expect(run(decodeWebhookSettings(withUrl("https://cases.example.gov.uk/hook")))).toMatchObject({
      right: { endpoints: { lincolnshire: { allowPrivateNetwork: false } } }
    })
  })
})

describe("given a timeout in a settings file", () => {
  it("when none is given then a request may take 10 seconds", () => {
    expect(run(decodeWebhookSettings(withUrl("https://cases.example.gov.uk/hook")))).toMatchObject({ right: { timeoutMs: 10_000 } })
  })

  it("when it is 1 ms to 5 minutes then it is used; outside that, or not whole, then timeoutMs is named", () => {
    for (const ms of [1, 300_000]) expect(run(decodeWebhookSettings(withTimeout(ms)))).toMatchObject({ right: { timeoutMs: ms } })
    for (const [ms, why] of [
      [0, "Expected a number between 1 and 300000, actual 0"],
      [300_001, "Expected a number between 1 and 300000, actual 300001"],
      [1.5, "Expected an integer, actual 1.5"]
    ] as const) {
      expect(run(decodeWebhookSettings(withTimeout(ms)))).toMatchObject({
        left: { setting: "timeoutMs", message: `Webhook settings are not usable: timeoutMs ${why}.` }
      })
    }
  })
})

describe("given settings with several mistakes", () => {
  it("when decoded then every mistake is listed, and the first one is the setting to fix", () => {
    const result = run(
      decodeWebhookSettings({
        endpoints: { lincolnshire: { url: "nope", secrets: [secret] }, knowsley: { url: "https://x.example/", secrets: ["whsec_"] } },
        timeoutMs: 0
      })
    )
    expect(result).toMatchObject({
      left: {
        setting: "endpoints.lincolnshire.url",
        message:
          "Webhook settings are not usable: endpoints.lincolnshire.url must be an http:// or https:// URL; " +
          "endpoints.knowsley.secrets.0 must be whsec_ followed by the base64 of 24 to 64 random bytes; " +
          "timeoutMs Expected a number between 1 and 300000, actual 0."
      }
    })
  })

  it("when the settings are not an object at all then the whole settings are named", () => {
    expect(run(decodeWebhookSettings(42))).toMatchObject({
      left: { setting: "settings", message: expect.stringMatching(/^Webhook settings are not usable: settings Expected /) }
    })
  })
})

describe("given WEBHOOK_TIMEOUT_MS in the environment", () => {
  it("when it is unset or empty then a request may take 10 seconds", () => {
    for (const env of [{}, { WEBHOOK_TIMEOUT_MS: "" }, { WEBHOOK_TIMEOUT_MS: undefined }]) {
      expect(run(webhookSettingsFromEnv({ WEBHOOK_ENDPOINTS: endpointsEnv, ...env }))).toMatchObject({ right: { timeoutMs: 10_000 } })
    }
  })

  it("when it is 1 to 300000 then it is used as milliseconds", () => {
    for (const ms of ["1", "300000", "0750"]) {
      expect(run(webhookSettingsFromEnv({ WEBHOOK_ENDPOINTS: endpointsEnv, WEBHOOK_TIMEOUT_MS: ms }))).toMatchObject({
        right: { timeoutMs: Number(ms) }
      })
    }
  })

  it("when it is 0, over 300000 or not a whole number of milliseconds then WEBHOOK_TIMEOUT_MS is named", () => {
    for (const ms of ["0", "300001", "2.5", "10s", " 500", "500 ", "-5", "1e3"]) {
      expect([ms, run(webhookSettingsFromEnv({ WEBHOOK_ENDPOINTS: endpointsEnv, WEBHOOK_TIMEOUT_MS: ms }))]).toMatchObject([
        ms,
        { left: { setting: "WEBHOOK_TIMEOUT_MS", message: timeoutEnvMessage } }
      ])
    }
  })
})

describe("given WEBHOOK_ENDPOINTS in the environment", () => {
  it("when it is empty then it is reported missing (not as bad JSON), along with a bad timeout", () => {
    expect(run(webhookSettingsFromEnv({ WEBHOOK_ENDPOINTS: "", WEBHOOK_TIMEOUT_MS: "10s" }))).toMatchObject({
      left: {
        setting: "WEBHOOK_ENDPOINTS",
        message:
          "Webhook settings are not usable: WEBHOOK_ENDPOINTS is missing; WEBHOOK_TIMEOUT_MS must be a number of milliseconds from 1 to 300000."
      }
    })
  })

  it("when it is an empty object then it is refused, not a notifier that fails every delivery", () => {
    expect(run(webhookSettingsFromEnv({ WEBHOOK_ENDPOINTS: " {} " }))).toMatchObject({
      left: {
        setting: "WEBHOOK_ENDPOINTS",
        message:
          "Webhook settings are not usable: WEBHOOK_ENDPOINTS names no authority: give at least one endpoint, or leave it unset to send no webhooks."
      }
    })
  })

  it("when an endpoint inside it is wrong then the place is named from WEBHOOK_ENDPOINTS down", () => {
    const env = { WEBHOOK_ENDPOINTS: JSON.stringify(withUrl("ftp://cases.example.gov.uk/hook").endpoints) }
    expect(run(webhookSettingsFromEnv(env))).toMatchObject({
      left: {
        setting: "WEBHOOK_ENDPOINTS.lincolnshire.url",
        message: "Webhook settings are not usable: WEBHOOK_ENDPOINTS.lincolnshire.url must be an http:// or https:// URL."
      }
    })
  })

  it("when other variables are set then only the WEBHOOK_ ones are read", () => {
    const env = { WEBHOOK_ENDPOINTS: endpointsEnv, PATH: "/usr/bin", TIMEOUT_MS: "nonsense", SMTP_URL: "" }
    expect(run(webhookSettingsFromEnv(env))).toMatchObject({
      right: { timeoutMs: 10_000, endpoints: { lincolnshire: { url: "https://cases.example.gov.uk/hook" } } }
    })
  })
})
