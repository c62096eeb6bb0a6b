/** The child-process side of the contract, without vitest: import it from the writer script you spawn. */
export { runContractDispatcher } from "./processes/runContractDispatcher.js"
export { runContractWriter } from "./processes/runContractWriter.js"
export type { DispatcherSpec, StorePorts, WriterSpec } from "./StoreContractOptions.js"
