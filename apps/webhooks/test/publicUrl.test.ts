import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { configFromEnv } from "../src/config/config.js"

const dataDir = mkdtempSync(join(tmpdir(), "carepanel-public-url-"))
const config = (env: Record<string, string>) => configFromEnv({ CAREPANEL_DATA_DIR: dataDir, ...env })

describe("CAREPANEL_WEBHOOKS_PUBLIC_URL: where document links in outbound webhooks point", () => {
  it("is where the receiver listens unless set; set, it must be an http or https URL, named when it is not", () => {
    expect(config({ CAREPANEL_WEBHOOKS_PORT: "4200" }).publicUrl).toBe("http://127.0.0.1:4200")
    expect(config({ HOST: "::1" }).publicUrl).toBe("http://[::1]:4100")
    expect(config({ CAREPANEL_WEBHOOKS_PUBLIC_URL: "https://hooks.wexcombe.example/carepanel" }).publicUrl).toBe("https://hooks.wexcombe.example/carepanel")
    expect(() => config({ CAREPANEL_WEBHOOKS_PUBLIC_URL: "hooks.wexcombe.example" })).toThrow(/CAREPANEL_WEBHOOKS_PUBLIC_URL.*must be a URL/)
    expect(() => config({ CAREPANEL_WEBHOOKS_PUBLIC_URL: "ftp://hooks.wexcombe.example" })).toThrow(/CAREPANEL_WEBHOOKS_PUBLIC_URL.*must be an http or https URL/)
  })
})
