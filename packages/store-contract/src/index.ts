export { runContractWriter } from "./processes/runContractWriter.js"
export { runStoreContract, runStoreProcessContract } from "./runStoreContract.js"
export type {
  DispatcherSpec,
  MakeStoreLayer,
  SharedStore,
  StoreContractOptions,
  StoreIntegrity,
  StorePorts,
  WriterSpec
} from "./StoreContractOptions.js"
