import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { AuthorityPolicy, Role } from "@carepanel/core"
import { InMemoryAccessLog, InMemoryStoreLayer } from "@carepanel/core/testing"
import { LogNotifier } from "../../src/app/logNotifier.js"
import { type AppOptions, startApp } from "../../src/app/startApp.js"
import { loadDevKeys, signDevToken } from "../../src/auth/devKeys.js"
import { travelClock } from "./travelClock.js"

export interface GraphQLResponse {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  readonly body: any
}

/** The API on 127.0.0.1, a free port, an in-memory store, a clock the test can move: one per test file. */
export const startTestApp = async (policies: ReadonlyArray<AuthorityPolicy>, options: Partial<AppOptions> = {}) => {
  const dataDir = mkdtempSync(join(tmpdir(), "carepanel-graphql-"))
  const devKeys = await loadDevKeys(dataDir)
  const time = travelClock()
  const logs: string[] = []
  const notifications: string[] = []
  const app = await startApp({
    host: "127.0.0.1",
    port: 0,
    production: false,
    policies,
    store: InMemoryStoreLayer,
    accessLog: InMemoryAccessLog,
    notifier: LogNotifier((line) => notifications.push(line)),
    auth: {},
    devKeys,
    log: (line) => logs.push(line),
    deadlinePollMs: 3_600_000,
    clock: time.clock,
    // Tests send faster than people: test/security/rateLimits.test.ts sets the limits it tests.
    clientDefaults: { caller: { rate: { requests: 1_000_000, windowSeconds: 60 }, maxSubscriptions: 1_000 }, unauthenticated: { requests: 1_000_000, windowSeconds: 60 } },
    ...options
  })

  const token = (authorityId: string, roles: ReadonlyArray<Role>, extra: { readonly scopes?: ReadonlyArray<string>; readonly name?: string; readonly personId?: string } = {}) =>
    signDevToken(devKeys, { authorityId, roles, ...extra })

  const post = async (bearer: string | undefined, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResponse> => {
    const response = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers },
      body: JSON.stringify({ query, variables })
    })
    const text = await response.text()
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      body = undefined
    }
    return { status: response.status, headers: response.headers, text, body }
  }

  return { ...app, dataDir, devKeys, logs, notifications, token, post, travelTo: time.travelTo, now: time.now }
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>
