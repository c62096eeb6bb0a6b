import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { ConfigError, dataDirOf, emailNotifierFromEnv, intSetting, onOff, policiesFromEnv } from "../src/index.js"

/** The ConfigError a setting raises: its name and the one line an operator reads. */
const refusal = (read: () => unknown) => {
  try {
    read()
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return { setting: (error as ConfigError).setting, message: (error as ConfigError).message }
  }
  throw new Error("expected a ConfigError")
}

describe("the settings every app reads alike", () => {
  const dir = mkdtempSync(join(tmpdir(), "carepanel-app-kit-"))

  it("CAREPANEL_POLICIES: the demonstration authority when unset; presets and files (which may extend a preset) by name", () => {
    expect(policiesFromEnv({ INIT_CWD: dir }).map((policy) => policy.authority.id)).toEqual(["wexcombe"])
    writeFileSync(join(dir, "eastmoor.yaml"), "extends: knowsley\nauthority:\n  id: eastmoor\n  name: Eastmoor (fictional)\n")
    expect(policiesFromEnv({ INIT_CWD: dir, CAREPANEL_POLICIES: " lincolnshire , eastmoor.yaml " }).map((policy) => policy.authority.id)).toEqual(["lincolnshire", "eastmoor"])
  })

  it("CAREPANEL_POLICIES: docs/adding-an-authority.md says how to run the apps on its example file, and that line loads it", () => {
    const guide = readFileSync(new URL("../../../docs/adding-an-authority.md", import.meta.url), "utf8")
    const yaml = guide.match(/```yaml\n([\s\S]*?)```/)![1]!
    const [, fileName] = guide.match(/`CAREPANEL_POLICIES=(\S+) npm start`/) ?? []
    expect(fileName, "the guide names the setting the apps read a policy file from").toBeDefined()
    writeFileSync(join(dir, fileName!), yaml)
    expect(policiesFromEnv({ INIT_CWD: dir, CAREPANEL_POLICIES: fileName }).map((policy) => policy.authority.id)).toEqual(["fenmoor"])
  })

  it("CAREPANEL_POLICIES: an unreadable entry, an invalid file and two policies for one authority are refused by name", () => {
    expect(refusal(() => policiesFromEnv({ INIT_CWD: dir, CAREPANEL_POLICIES: "nowhere.yaml" }))).toMatchObject({
      setting: "CAREPANEL_POLICIES",
      message: expect.stringContaining('"nowhere.yaml" is neither a preset (')
    })
    writeFileSync(join(dir, "broken.yaml"), "authority: 7\n")
    expect(refusal(() => policiesFromEnv({ INIT_CWD: dir, CAREPANEL_POLICIES: "broken.yaml" })).setting).toBe("CAREPANEL_POLICIES")
    expect(refusal(() => policiesFromEnv({ INIT_CWD: dir, CAREPANEL_POLICIES: "knowsley,knowsley" })).message).toBe('CAREPANEL_POLICIES: two policies are for the authority "knowsley"')
  })

  it("numbers, on/off and the data directory: defaults when unset, the setting named when wrong", () => {
    expect(intSetting({}, "PORT", 4000, 0, 65_535)).toBe(4000)
    expect(intSetting({ PORT: "4100" }, "PORT", 4000, 0, 65_535)).toBe(4100)
    expect(refusal(() => intSetting({ PORT: "99999" }, "PORT", 4000, 0, 65_535)).message).toBe("PORT: must be a whole number from 0 to 65535")
    expect(onOff({ CAREPANEL_DISPATCHER: " OFF " }, "CAREPANEL_DISPATCHER", true)).toBe(false)
    expect(refusal(() => onOff({ CAREPANEL_DISPATCHER: "yes" }, "CAREPANEL_DISPATCHER", true)).message).toBe('CAREPANEL_DISPATCHER: must be "on" or "off"')
    expect(dataDirOf({ INIT_CWD: dir })).toBe(join(dir, "data"))
  })

  it("email only where SMTP is configured; an email directory that is not JSON is refused by name", () => {
    expect(emailNotifierFromEnv({}, [])).toBeUndefined()
    expect(emailNotifierFromEnv({ SMTP_URL: "smtp://127.0.0.1:2525" }, [])).toBeDefined()
    expect(refusal(() => emailNotifierFromEnv({ SMTP_URL: "smtp://127.0.0.1:2525", CAREPANEL_EMAIL_DIRECTORY: "{ nope" }, [])).setting).toBe("CAREPANEL_EMAIL_DIRECTORY")
  })
})
