import type { GraphQLSchema } from "graphql"
import { NoSchemaIntrospectionCustomRule } from "graphql"
import { createYoga, type Plugin } from "graphql-yoga"
import type { Runner, ServerContext } from "./context.js"
import { AccessTracker } from "./accessTracker.js"
import { accessLogPlugin } from "./accessLogPlugin.js"
import { FailedReads, failedReadsPlugin } from "./failedReads.js"
import { armorPlugin, type OperationLimits } from "./limits.js"
import { operationSpansPlugin } from "./operationSpans.js"
import { requestKeyOf } from "./requestKey.js"
import { requestKeyPlugin } from "./requestKeyPlugin.js"
import { forProduction, isGraphQLError, maskErrorWith, type ServerLog } from "./masking.js"
import type { AppChangeFeed } from "../subscriptions/changeFeed.js"
import type { AppPubSub } from "../subscriptions/pubsub.js"

export interface YogaOptions {
  readonly schema: GraphQLSchema
  readonly run: Runner
  readonly pubsub: AppPubSub
  readonly feed: AppChangeFeed
  readonly limits: OperationLimits
  readonly production: boolean
  readonly log: ServerLog
  /** A span per operation (telemetry on). */
  readonly traced?: boolean
}

const noIntrospection: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule(NoSchemaIntrospectionCustomRule)
  }
}

/** Validation errors skip yoga's maskError: word them for production here (see productionMessages.ts). */
const productionValidation: Plugin = {
  onValidate() {
    return ({ valid, result, setResult }) => {
      if (!valid) setResult(result.map((error) => (isGraphQLError(error) ? forProduction(error) : error)))
    }
  }
}

/** graphql-yoga over the Pothos schema: armor limits, masked errors, the access log, no introspection in production. */
export const makeYoga = (options: YogaOptions) => {
  const reads = new FailedReads()
  return createYoga<ServerContext>({
    schema: options.schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    // GraphiQL is served by src/http/graphiql.ts, from this server's own files: yoga's page loads it from a CDN.
    graphiql: false,
    maskedErrors: { maskError: maskErrorWith(options.log, options.production, reads), isDev: false },
    logging: false,
    // src/http/server.ts has read the whole body within CAREPANEL_BODY_LIMIT_BYTES before yoga sees it; yoga's own
    // limit would pipe it again through a stream (a few per cent of a read's CPU, an AbortError made per request).
    maxRequestBodySize: false,
    context: ({ caller, request }) => ({
      actor: caller.actor,
      run: options.run,
      access: new AccessTracker(),
      pubsub: options.pubsub,
      feed: options.feed,
      requestKey: requestKeyOf(request.headers.get("idempotency-key"))
    }),
    plugins: [
      armorPlugin(options.limits),
      requestKeyPlugin as unknown as Plugin,
      ...(options.production ? [noIntrospection, productionValidation] : []),
      failedReadsPlugin(reads),
      accessLogPlugin(options.log, reads) as unknown as Plugin,
      ...(options.traced === true ? [operationSpansPlugin as unknown as Plugin] : [])
    ]
  })
}

export type Yoga = ReturnType<typeof makeYoga>
