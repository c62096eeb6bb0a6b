import { execSync } from "node:child_process"
import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"
import { describe, expect, it } from "vitest"
import { findSource, loadSources, parseSources, SourcesFileError } from "../src/config/sources.js"
import { secret, sourcesFor } from "./support/fixtures.js"

const parse = (data: unknown) => () => parseSources(JSON.stringify(data), "sources.json")

describe("the sources file", () => {
  it("reports every problem, each by its path, and never repeats a secret", () => {
    const file = {
      authorities: {
        wexcombe: {
          sources: {
            mosaic: { secrets: ["whsec_short", "not-a-secret-at-all"], events: ["request.submitted", "request.teleported"], roles: ["wizard"] },
            Eclipse: { secrets: [], events: [], roles: ["social_worker"] }
          }
        }
      }
    }
    let error: SourcesFileError | undefined
    try {
      parse(file)()
    } catch (thrown) {
      error = thrown as SourcesFileError
    }
    expect(error).toBeInstanceOf(SourcesFileError)
    const paths = error!.problems.map((problem) => problem.split(":")[0])
    expect(paths).toEqual(
      expect.arrayContaining([
        "authorities.wexcombe.sources.mosaic.secrets[0]",
        "authorities.wexcombe.sources.mosaic.secrets[1]",
        "authorities.wexcombe.sources.mosaic.events[1]",
        "authorities.wexcombe.sources.mosaic.roles[0]",
        "authorities.wexcombe.sources.Eclipse"
      ])
    )
    const said = (path: string) => error!.problems.filter((problem) => problem.startsWith(`${path}: `))
    // Each problem in its own words: the secrets' rule for the secrets only, what was wrong elsewhere.
    expect(said("authorities.wexcombe.sources.mosaic.secrets[0]")).toEqual([
      "authorities.wexcombe.sources.mosaic.secrets[0]: must be whsec_ followed by the base64 of 24 to 64 random bytes"
    ])
    // One line a problem, in the API's words, not a line for each role it is not (before: twelve "Expected ..." lines).
    expect(said("authorities.wexcombe.sources.mosaic.roles[0]")).toEqual([
      'authorities.wexcombe.sources.mosaic.roles[0]: must be one of "social_worker", "team_manager", "practice_supervisor", "head_of_service", "service_manager", "assistant_director", "panel_chair", "vice_chair", "panel_administrator", "panel_member", "integrator", "auditor"; got "wizard"'
    ])
    expect(said("authorities.wexcombe.sources.mosaic.events[1]")).toHaveLength(1)
    expect(said("authorities.wexcombe.sources.mosaic.events[1]")[0]).toMatch(/: must be one of "request.submitted", .*"request.withdrawn", .*; got "request.teleported"$/)
    // Before: "is unexpected, expected: a string matching the pattern ^[a-z0-9][a-z0-9-]{0,62}$".
    expect(said("authorities.wexcombe.sources.Eclipse")).toEqual([
      "authorities.wexcombe.sources.Eclipse: a source's id must be lower-case letters, digits and hyphens (up to 63), as in its URL /webhooks/{authority}/{source}"
    ])
    expect(error!.message).not.toContain("whsec_short")
    expect(error!.message).not.toContain("not-a-secret-at-all")
  })

  it("names a plain http:// outbound URL once, at the URL, and how to allow it; no false line about its secrets", () => {
    const mosaic = sourcesFor().authorities.wexcombe.sources.mosaic
    const file = { authorities: { wexcombe: { sources: { mosaic: { ...mosaic, outbound: { url: "http://127.0.0.1:4702/hooks", secrets: [secret] } } } } } }
    // Before: also "authorities.wexcombe.sources.mosaic.outbound: must be whsec_ followed by ...", of a valid secret.
    expect(parse(file)).toThrow(
      /^The sources file sources.json cannot be used:\n {2}- authorities.wexcombe.sources.mosaic.outbound.url: must use https:\/\/ \(plain http:\/\/ only with allowPrivateNetwork: true\)$/
    )
  })

  it("accepts docs/webhooks.md's outbound endpoint for trying it out on your own machine, with a real secret in place of whsec_...", () => {
    const example = /`"outbound": (\{ "url": "http:\/\/127\.0\.0\.1[^`]*\})`/.exec(repositoryFile("docs/webhooks.md"))?.[1]
    expect(example, "docs/webhooks.md shows an outbound endpoint on 127.0.0.1").toBeDefined()
    const outbound = JSON.parse(example!.replace("whsec_...", secret))
    const mosaic = { ...sourcesFor().authorities.wexcombe.sources.mosaic, outbound }
    const sources = parse({ authorities: { wexcombe: { sources: { mosaic } } } })()
    expect(findSource(sources, "wexcombe", "mosaic")?.outbound).toMatchObject({ url: "http://127.0.0.1:4702/hooks/carepanel", allowPrivateNetwork: true })
  })

  it("takes a secret made by docs/webhooks.md's command, for a source and for its outbound endpoint", () => {
    const command = /`(node -e '[^`]*')`/.exec(repositoryFile("docs/webhooks.md"))![1]!
    const made = () => execSync(command, { encoding: "utf8" }).trim()
    const [first, second] = [made(), made()]
    expect(first).not.toBe(second)
    const mosaic = { ...sourcesFor().authorities.wexcombe.sources.mosaic, secrets: [first], outbound: { url: "https://cases.wexcombe.example/hooks", secrets: [second] } }
    expect(findSource(parse({ authorities: { wexcombe: { sources: { mosaic } } } })(), "wexcombe", "mosaic")?.secrets).toHaveLength(1)
  })

  it("refuses a file that is not JSON, naming the file", () => {
    expect(() => parseSources("{ authorities", "sources.json")).toThrow(/The sources file sources.json cannot be used:\n {2}- is not JSON/)
  })
  it("names a misspelt field, a missing one, and a file that is not an object, at the top level", () => {
    const misspelt = { authorities: { wexcombe: { sources: { mosaic: { secret: [secret], events: ["request.withdrawn"], roles: ["social_worker"] } } } } }
    expect(() => parse(misspelt)()).toThrow(
      [
        "The sources file sources.json cannot be used:",
        '  - authorities.wexcombe.sources.mosaic.secret: is unexpected, expected: "secrets" | "events" | "roles" | "outbound"',
        "  - authorities.wexcombe.sources.mosaic.secrets: is missing"
      ].join("\n")
    )
    expect(() => parse({})()).toThrow(/cannot be used:\n {2}- authorities: is missing$/)
    expect(() => parse([])()).toThrow(/cannot be used:\n {2}- \(top level\): Expected \{ readonly authorities/)
  })

  it("refuses a file it cannot read, naming the file and why", () => {
    expect(() => loadSources("/nonexistent/carepanel/sources.json")).toThrow(
      "The sources file /nonexistent/carepanel/sources.json cannot be used:\n  - cannot be read: ENOENT"
    )
  })

  it("finds a source by the URL's names, and none for a name every object has (constructor, __proto__, toString)", () => {
    const sources = parseSources(JSON.stringify(sourcesFor()), "sources.json")
    expect(findSource(sources, "wexcombe", "eclipse")?.roles).toEqual(["social_worker"])
    expect(findSource(sources, "wexcombe", "eclipse")?.secrets).toHaveLength(1)
    expect(findSource(sources, "wexcombe", "liquidlogic")).toBeUndefined()
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(findSource(sources, name, "mosaic"), name).toBeUndefined()
      expect(findSource(sources, "wexcombe", name), name).toBeUndefined()
    }
  })
})
