import { execFileSync, spawnSync } from "node:child_process"
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"

/**
 * A throwaway PostgreSQL cluster for the tests: Debian's server binaries (installed with apt-get when
 * missing), a fresh data directory in a temp dir, 127.0.0.1 on a free port. For speed it runs with
 * fsync, synchronous_commit and full_page_writes off: a test cluster need not survive a power cut.
 */
export interface PostgresCluster {
  readonly url: (database: string) => string
  readonly stop: () => void
  /** Shuts the server down as a managed restart does (`pg_ctl stop -m fast`: every session ended); the data stays. */
  readonly shutDown: () => void
  /** Starts it again on the same port and data directory. */
  readonly startAgain: () => void
}

const fail = (message: string): never => {
  throw new Error(`PostgreSQL for the store-sql tests could not start: ${message}`)
}

const findBinDir = (): string | undefined => {
  const root = "/usr/lib/postgresql"
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a))
  return versions.map((v) => join(root, v, "bin")).find((dir) => existsSync(join(dir, "initdb")))
}

const installPostgres = (): void => {
  if (process.getuid?.() !== 0) fail("its server binaries are missing and only root can apt-get install postgresql")
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", "postgresql"]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } })
    if (result.status !== 0) fail(`apt-get ${args.join(" ")} exited with ${result.status ?? result.signal}`)
  }
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))))
    })
  })

const isRoot = process.getuid?.() === 0

/** initdb and the server refuse to run as root: as root, run them as the `postgres` user. */
const asPostgres = (program: string, args: ReadonlyArray<string>): [string, Array<string>] =>
  isRoot ? ["runuser", ["-u", "postgres", "--", program, ...args]] : [program, [...args]]

const run = (program: string, args: ReadonlyArray<string>, logFile?: string) => {
  const [command, argv] = asPostgres(program, args)
  try {
    execFileSync(command, argv, { stdio: "pipe" })
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string }
    const log = logFile && existsSync(logFile) ? `\n${readFileSync(logFile, "utf8")}` : ""
    fail(`${program} failed: ${e.stderr?.toString().trim() || e.message}${log}`)
  }
}

export const startPostgresCluster = async (): Promise<PostgresCluster> => {
  if (findBinDir() === undefined) installPostgres()
  const binDir = findBinDir() ?? fail("apt-get installed postgresql but there is no initdb under /usr/lib/postgresql/*/bin")
  const dir = mkdtempSync(join(tmpdir(), "carepanel-pg-"))
  if (isRoot) {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"]).toString().trim())
    chownSync(dir, id("-u"), id("-g"))
  }
  const data = join(dir, "data")
  const log = join(dir, "server.log")
  const port = await freePort()
  const settings = [
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`,
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
  ].join(" ")
  const start = () => run(join(binDir, "pg_ctl"), ["-D", data, "-o", settings, "-l", log, "-w", "-t", "30", "start"], log)
  try {
    run(join(binDir, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"])
    start()
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    shutDown: () => run(join(binDir, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "-t", "30", "stop"], log),
    startAgain: start,
    stop: () => {
      const [command, argv] = asPostgres(join(binDir, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"])
      spawnSync(command, argv, { stdio: "ignore" })
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
