import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { preset } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { checkBundle } from "@carepanel/documents"
import { generateSigningKeyPem, SqliteStoreLayer, signingKeyFromPem, trustedKeyOf } from "@carepanel/store-sql"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestApp, type TestApp } from "./support/harness.js"
import { decide, readyRequest, sittingWith, tokenFor } from "./support/scenario.js"

const policy = preset("care-planning")
const staff = staffOf(policy.authority.id)
const child = { id: "bundle-child-1", name: "Rowan Pike" }
const keyPem = generateSigningKeyPem()
let app: TestApp

beforeAll(async () => {
  // the main job's wiring on a signing store: the seal reaches the court bundle through coreLayer
  const store = SqliteStoreLayer({ dataDir: mkdtempSync(join(tmpdir(), "carepanel-signed-bundle-")), signingKeyPem: keyPem })
  app = await startTestApp([policy], { store, accessLog: store, readiness: store })
  const referral = await readyRequest(app, policy, child)
  const sitting = await sittingWith(app, policy, [referral.id])
  await decide(app, policy, referral.id, sitting)
})
afterAll(() => app.close())

describe("a court bundle from the API on a signing store", () => {
  it("carries the signed checkpoint and re-checks offline against the authority's public key", async () => {
    const response = await fetch(`${app.url}/documents/court-bundles/${child.id}.json`, {
      headers: { authorization: `Bearer ${await tokenFor(app, staff.assistantDirector)}` }
    })
    expect(response.status).toBe(200)
    const manifest = await response.json()
    expect(manifest.integrity.checkpoint).toMatchObject({ v: 2, keyId: signingKeyFromPem(keyPem).keyId })
    expect(checkBundle(manifest, [trustedKeyOf(signingKeyFromPem(keyPem))])).toMatchObject({ ok: true, uncovered: [] })
    expect(checkBundle(manifest, [trustedKeyOf(signingKeyFromPem(generateSigningKeyPem()))])).toMatchObject({ ok: false })
  })
})
