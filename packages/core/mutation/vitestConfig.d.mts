export declare const mutationTestOptions: (exclude: ReadonlyArray<string>) => {
  include?: Array<string>
  isolate: boolean
  setupFiles: Array<string>
  reporters: Array<string>
  exclude: Array<string>
}
