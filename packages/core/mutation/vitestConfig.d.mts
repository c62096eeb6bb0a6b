import type { UserConfig } from "vitest/config"

export declare const mutationTestOptions: (exclude: ReadonlyArray<string>) => {
  isolate: boolean
  setupFiles: Array<string>
  reporters: Array<string>
  exclude: Array<string>
}

export declare const mutationTestConfig: (base: UserConfig, exclude: ReadonlyArray<string>) => UserConfig
