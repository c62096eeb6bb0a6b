import { execFile } from "node:child_process"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"

const appDir = fileURLToPath(new URL("../..", import.meta.url))

export interface Stopped {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Starts the TUI from source as `npm run tui` does, with these settings over the test's, and answers how it stopped. */
export const startTui = (env: Readonly<Record<string, string>>): Promise<Stopped> =>
  promisify(execFile)("node", ["--conditions=@carepanel/source", "--import", "tsx", "src/main.tsx"], {
    cwd: appDir,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(appDir, "tsconfig.json"), ...env }
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: Stopped) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr })
  )
