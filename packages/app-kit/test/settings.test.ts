import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import fc from "fast-check"
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

  it("numbers: 0x1c, 1e1, +28, 28.0 and the like are refused by name, though Number() reads each as a whole number", () => {
    for (const typed of ["0x1c", "1e1", "+28", "28.0", "-0", "1e3", "28."]) {
      expect(refusal(() => intSetting({ CAREPANEL_INBOX_DAYS: typed }, "CAREPANEL_INBOX_DAYS", 14, 0, 65_535)), typed).toEqual({
        setting: "CAREPANEL_INBOX_DAYS",
        message: "CAREPANEL_INBOX_DAYS: must be a whole number from 0 to 65535"
      })
    }
  })

  it("numbers: any other spelling of a whole number in range (sign, exponent, hex, octal, binary, decimal point) is refused by name; plain digits are read", () => {
    const otherSpellings: ReadonlyArray<(n: number) => string> = [
      (n) => `+${n}`,
      (n) => `${n}.0`,
      (n) => `${n}.`,
      (n) => `${n}e0`,
      (n) => `${n}0e-1`,
      (n) => `0x${n.toString(16)}`,
      (n) => `0X${n.toString(16).toUpperCase()}`,
      (n) => `0o${n.toString(8)}`,
      (n) => `0b${n.toString(2)}`,
      (n) => (n === 0 ? "-0" : `${n / 10 ** Math.floor(Math.log10(n))}e${Math.floor(Math.log10(n))}`)
    ]
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65_535 }), fc.constantFrom(...otherSpellings), fc.constantFrom("", " ", "\t"), (n, spell, space) => {
        expect(refusal(() => intSetting({ PORT: `${space}${spell(n)}${space}` }, "PORT", 4000, 0, 65_535))).toEqual({
          setting: "PORT",
          message: "PORT: must be a whole number from 0 to 65535"
        })
      })
    )
    fc.assert(fc.property(fc.integer({ min: 0, max: 65_535 }), fc.constantFrom("", " ", "\t"), (n, space) => intSetting({ PORT: `${space}${n}${space}` }, "PORT", 4000, 0, 65_535) === n))
  })

  it("email only where SMTP is configured; an email directory that is not JSON is refused by name", () => {
    expect(emailNotifierFromEnv({}, [])).toBeUndefined()
    expect(emailNotifierFromEnv({ SMTP_URL: "smtp://127.0.0.1:2525" }, [])).toBeDefined()
    expect(refusal(() => emailNotifierFromEnv({ SMTP_URL: "smtp://127.0.0.1:2525", CAREPANEL_EMAIL_DIRECTORY: "{ nope" }, [])).setting).toBe("CAREPANEL_EMAIL_DIRECTORY")
  })
})
