/** The child-process side of the contract, without vitest: import it from the writer script you spawn. */
export { runContractWriter } from "./processes/runContractWriter.js"
export type { StorePorts, WriterSpec } from "./StoreContractOptions.js"
