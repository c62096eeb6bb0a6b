import { describe, expect, it } from "vitest"
import { parseSources, SourcesFileError } from "../src/config/sources.js"

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
    expect(error!.message).not.toContain("whsec_short")
    expect(error!.message).not.toContain("not-a-secret-at-all")
  })

  it("refuses a file that is not JSON, naming the file", () => {
    expect(() => parseSources("{ authorities", "sources.json")).toThrow(/The sources file sources.json cannot be used:\n {2}- is not JSON/)
  })
})
