import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { defaultOperatorsFile, operatorOf, operatorSourceFromEnv } from "../src/config/operators.js"
import { demoPolicy } from "./support/harness.js"

const fileWith = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), "operators-")), "operators.yaml")
  writeFileSync(file, text)
  return file
}

describe("the operator at the keyboard", () => {
  it("is the OS user's entry in the operators file", () => {
    const file = fileWith("operators:\n  jsmith:\n    personId: jo-smith\n    name: Jo Smith\n    authorityId: wexcombe\n    roles: [panel_chair]\n")
    const actor = operatorOf({ file, user: "jsmith", production: true }, [demoPolicy])
    expect(actor).toMatchObject({ personId: "jo-smith", name: "Jo Smith", authorityId: "wexcombe", roles: ["panel_chair"] })
  })

  it("is the demonstration administrator for an unlisted user of a fresh checkout, but nobody in production", () => {
    expect(operatorOf({ file: defaultOperatorsFile, user: "anyone", production: false }, [demoPolicy])).toMatchObject({
      name: "Dev Ingleby",
      roles: ["panel_administrator"]
    })
    expect(() => operatorOf({ file: defaultOperatorsFile, user: "anyone", production: true }, [demoPolicy])).toThrow(
      /has no entry for the user "anyone" \(developmentDefault is not used in production\)/
    )
  })

  it("outside production, a login not in a file without a development default is nobody, said as that alone", () => {
    const file = fileWith("operators:\n  jsmith:\n    personId: jo-smith\n    name: Jo Smith\n    authorityId: wexcombe\n    roles: [panel_chair]\n")
    expect(() => operatorOf({ file, user: "pat", production: false }, [demoPolicy])).toThrow(new RegExp(`\\(${file}\\): has no entry for the user "pat"$`))
  })

  it("on a new authority's policy alone, the shipped file's development default (Wexcombe's administrator) is refused saying what to do", () => {
    const brackenmoor = { ...demoPolicy, authority: { id: "brackenmoor", name: "Brackenmoor (fictional)" } } as typeof demoPolicy
    expect(() => operatorOf({ file: defaultOperatorsFile, user: "anyone", production: false }, [brackenmoor])).toThrow(
      'developmentDefault.authorityId: "wexcombe" is not an authority this installation runs (brackenmoor): name an operator at one of them in an operators file of your own and point CAREPANEL_OPERATORS at it'
    )
  })

  it("names every problem of the file by its path, all at once", () => {
    const file = fileWith(
      "operators:\n  jsmith:\n    personId: jo-smith\n    name: ''\n    authorityId: elsewhere\n    roles: [tea_maker]\n  pat:\n    personId: pat\n    name: Pat\n    authorityId: elsewhere\n    roles: [panel_chair]\n"
    )
    let message = ""
    try {
      operatorOf({ file, user: "jsmith", production: false }, [demoPolicy])
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain(`CAREPANEL_OPERATORS (${file}): operators.jsmith.name: `)
    expect(message).toMatch(/; operators\.jsmith\.roles\[0\]: /)
    const second = fileWith("operators:\n  pat:\n    personId: pat\n    name: Pat\n    authorityId: elsewhere\n    roles: [panel_chair]\n")
    expect(() => operatorOf({ file: second, user: "pat", production: false }, [demoPolicy])).toThrow(
      /operators\.pat\.authorityId: "elsewhere" is not an authority this installation runs \(wexcombe\)/
    )
  })

  it("names a misspelt field, and a file that is not a map of operators, rather than finding nobody in it", () => {
    const misspelt = fileWith("operator:\n  jsmith:\n    personId: jo-smith\n    name: Jo Smith\n    authorityId: wexcombe\n    roles: [panel_chair]\n")
    expect(() => operatorOf({ file: misspelt, user: "jsmith", production: true }, [demoPolicy])).toThrow(/: operator: is unexpected, expected: "operators" \| "developmentDefault"/)
    expect(() => operatorOf({ file: fileWith("- jsmith\n"), user: "jsmith", production: true }, [demoPolicy])).toThrow(/\.yaml\): \(the file\): /)
  })

  it("lists every authority the installation runs when an operator is at another", () => {
    const brackenmoor = { ...demoPolicy, authority: { id: "brackenmoor", name: "Brackenmoor (fictional)" } } as typeof demoPolicy
    const file = fileWith("operators:\n  pat:\n    personId: pat\n    name: Pat\n    authorityId: elsewhere\n    roles: [panel_chair]\n")
    expect(() => operatorOf({ file, user: "pat", production: false }, [demoPolicy, brackenmoor])).toThrow(
      /"elsewhere" is not an authority this installation runs \(wexcombe, brackenmoor\)/
    )
  })

  it("is read from CAREPANEL_OPERATORS relative to where npm was started, spaces around it ignored; blank is the shipped file", () => {
    expect(operatorSourceFromEnv({ INIT_CWD: "/srv/panel-office", CAREPANEL_OPERATORS: " operators.yaml " }).file).toBe("/srv/panel-office/operators.yaml")
    expect(operatorSourceFromEnv({ INIT_CWD: "/srv/panel-office", CAREPANEL_OPERATORS: "  " }).file).toBe(defaultOperatorsFile)
  })

  it("refuses a file that is not YAML, saying so with the parser's first line", () => {
    expect(() => operatorOf({ file: fileWith("operators: [unclosed"), user: "x", production: false }, [demoPolicy])).toThrow(
      /: cannot be read as YAML: Flow sequence in block collection must be sufficiently indented and end with a \] at line 1, column 21:$/
    )
    expect(() => operatorOf({ file: "/nonexistent/operators.yaml", user: "x", production: false }, [demoPolicy])).toThrow(/cannot be read/)
  })
})
