export { runContractWriter } from "./processes/runContractWriter.js"
export { runStoreContract } from "./runStoreContract.js"
export type {
  DispatcherSpec,
  MakeStoreLayer,
  SharedStore,
  StoreContractOptions,
  StorePorts,
  WriterSpec
} from "./StoreContractOptions.js"
