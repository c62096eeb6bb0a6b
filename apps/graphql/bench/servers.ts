import { type ChildProcess, spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { devKeyFile } from "@carepanel/store-sql"
import { devAudience, devIssuer } from "../src/auth/devKeys.js"
import { fileURLToPath } from "node:url"

const thisAppDir = fileURLToPath(new URL("..", import.meta.url))

export interface ChildServer {
  readonly url: string
  /** Its process id: the benches read its CPU time from /proc. */
  readonly pid: number
  readonly stop: () => Promise<void>
}

/**
 * Starts a server script in its own process (its own core) and waits for the line that gives its URL. `nodeArgs`
 * go to node before the script (e.g. `--cpu-prof`).
 */
export const startChild = (
  script: string,
  env: Readonly<Record<string, string>> = {},
  nodeArgs: ReadonlyArray<string> = [],
  appDir = thisAppDir
): Promise<ChildServer> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "--conditions=@carepanel/source", "--import", "tsx", script], {
      cwd: appDir,
      // As deployed: libraries such as graphql-js skip their development checks in production.
      env: { ...process.env, NODE_ENV: "production", ...env },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let seen = ""
    const onData = (chunk: Buffer) => {
      seen += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(seen)
      if (match) {
        child.stdout?.off("data", onData)
        child.stdout?.resume()
        resolve({
          url: match[1]!,
          pid: child.pid!,
          stop: () =>
            new Promise((done) => {
              child.once("exit", () => done())
              child.kill("SIGTERM")
            })
        })
      }
    }
    child.stdout?.on("data", onData)
    child.stderr?.on("data", (chunk: Buffer) => {
      seen += chunk.toString()
    })
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}:\n${seen}`)))
  })

/**
 * What production requires of the API (docs/deployment.md), made from the development keys the bench signs its tokens
 * with (`loadDevKeys(dataDir)` first): their issuer as the authority's identity provider, the store's signing key the
 * seed used, and a cursor key.
 */
const productionSettings = (dataDir: string) => {
  const { publicJwk } = JSON.parse(readFileSync(join(dataDir, "dev-jwt-key.json"), "utf8")) as { readonly publicJwk: object }
  const issuer = { issuer: devIssuer(benchAuthority), audience: devAudience, jwks: { keys: [publicJwk] }, roleClaim: "roles" }
  return {
    CAREPANEL_AUTH: JSON.stringify({ [benchAuthority]: issuer }),
    CAREPANEL_SIGNING_KEY_FILE: join(dataDir, devKeyFile),
    CAREPANEL_CURSOR_KEY: "a bench's cursor key, at least thirty-two characters long"
  }
}

const benchAuthority = "lincolnshire"

/**
 * The real API (src/main.ts) as deployed (NODE_ENV=production) on the SQLite file under `dataDir`, at the store's
 * default synchronous=FULL, with no demonstration seed and the deadline watcher idle; from this checkout, or from the
 * API's folder `appDir` of another. Its tokens are signed with `loadDevKeys(dataDir)`, which must have run.
 */
export const startApi = (dataDir: string, nodeArgs: ReadonlyArray<string> = [], extraEnv: Readonly<Record<string, string>> = {}, appDir?: string) =>
  startChild(
    "src/main.ts",
    {
      CAREPANEL_DATA_DIR: dataDir,
      CAREPANEL_POLICIES: benchAuthority,
      CAREPANEL_SEED: "false",
      CAREPANEL_DEADLINE_POLL_SECONDS: "86400",
      // the load generator is one client going as fast as it can: its per-caller limit must not be what is measured
      CAREPANEL_REQUESTS_PER_MINUTE: "1000000",
      PORT: "0",
      ...productionSettings(dataDir),
      ...extraEnv
    },
    nodeArgs,
    appDir
  )
