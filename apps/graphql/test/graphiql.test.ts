import { preset } from "@carepanel/core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestApp, type TestApp } from "./support/harness.js"

let app: TestApp

beforeAll(async () => {
  app = await startTestApp([preset("support-panels")])
})
afterAll(() => app.close())

const fetchOk = async (path: string) => {
  const response = await fetch(`${app.url}${path}`)
  expect(response.status, path).toBe(200)
  return response
}

describe("GraphiQL in development", () => {
  it("is served whole by the server itself: the page, every script, style and worker it names, nothing from elsewhere", async () => {
    expect((await fetch(`${app.url}/graphql`)).status).toBe(401) // without Accept: text/html it is the API, and needs a token
    const html = await (await fetch(`${app.url}/graphql`, { headers: { accept: "text/html" } })).text()
    expect(html).toMatch(/^<!doctype html>/)
    const referenced = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!)
    expect(referenced.filter((address) => !address.startsWith("/graphiql/"))).toEqual([])
    expect(html).not.toMatch(/<script>/) // no inline script: a content security policy of script-src 'self' allows the page
    const start = await (await fetchOk("/graphiql/start.js")).text()
    const workers = ["editor", "json", "graphql"].map((name) => `/graphiql/${name}.worker.js`)
    expect(start).toContain('"/graphiql/" +')
    for (const path of [...referenced, ...workers]) {
      const response = await fetchOk(path)
      const type = response.headers.get("content-type") ?? ""
      if (path.endsWith(".js")) expect(type, path).toMatch(/^text\/javascript/)
      if (path.endsWith(".css")) expect(type, path).toMatch(/^text\/css/)
      expect((await response.arrayBuffer()).byteLength, path).toBeGreaterThan(0)
    }
    expect(await (await fetchOk("/graphiql/yoga-graphiql.js")).text()).toContain("renderYogaGraphiQL")
  })

  it("says how to get a token and where to put the bearer header", async () => {
    const html = await (await fetch(`${app.url}/graphql`, { headers: { accept: "text/html" } })).text()
    expect(html).toContain("npm run -w @carepanel/graphql dev-token -- --role panel_administrator")
    expect(html).toContain('{"Authorization": "Bearer &lt;token&gt;"}')
    const options = JSON.parse(/<script type="application\/json" id="graphiql-options">(.*?)<\/script>/s.exec(html)![1]!)
    expect(JSON.parse(options.headers)).toEqual({ Authorization: "Bearer <paste the token from dev-token here>" })
    expect(options.defaultEditorToolsVisibility).toBe("headers")
  })

  it("answers 404 for a file it does not have", async () => {
    expect((await fetch(`${app.url}/graphiql/missing.js`)).status).toBe(404)
  })
})
