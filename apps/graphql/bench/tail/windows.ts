import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const probe = fileURLToPath(new URL("./probe.mjs", import.meta.url))

/** One measured load in the bench: which server, when, and the client's own p50 / p99 of it. */
export interface TailWindow {
  readonly label: string
  readonly server: "api" | "floor" | "memory"
  readonly start: number
  readonly end: number
  readonly p50: number
  readonly p99: number
}

/** node's arguments and the environment that load the tail probe into a server, writing `<dir>/<name>.json`; none without a dir. */
export const probeArgs = (dir: string | undefined, name: string): { readonly node: ReadonlyArray<string>; readonly env: Readonly<Record<string, string>> } => {
  if (dir === undefined) return { node: [], env: {} }
  mkdirSync(dir, { recursive: true })
  return { node: ["--import", probe], env: { TAIL_PROBE_OUT: join(dir, `${name}.json`) } }
}

export const writeTailWindows = (dir: string, windows: ReadonlyArray<TailWindow>) => writeFileSync(join(dir, "windows.json"), JSON.stringify(windows))
