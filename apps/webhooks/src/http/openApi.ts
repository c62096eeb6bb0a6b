import { JSONSchema } from "effect"
import type { Hono } from "hono"
import { InboundEvent } from "../events/inboundEvent.js"

const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } })

/** The receiver as OpenAPI 3.1; every event's JSON Schema is generated from the Effect schemas that decode it. */
export const openApiDocument = () => {
  const schemas: Record<string, JSONSchema.JsonSchema7> = {}
  const event = JSONSchema.fromAST(InboundEvent.ast, { definitions: schemas, definitionPath: "#/components/schemas/", target: "openApi3.1" })
  return {
    openapi: "3.1.0",
    info: { title: "Carepanel webhook receiver", version: "0.1.0", description: "Standard Webhooks from case systems; see docs/webhooks.md." },
    paths: {
      "/webhooks/{authority}/{source}": {
        post: {
          summary: "Deliver one event (signed as a Standard Webhook)",
          parameters: ["authority", "source", "webhook-id", "webhook-timestamp", "webhook-signature"].map((name, i) => ({
            name,
            in: i < 2 ? "path" : "header",
            required: true,
            schema: { type: "string" }
          })),
          requestBody: { required: true, content: { "application/json": { schema: event } } },
          responses: {
            "200": { description: "Applied: the records it touched" },
            "202": { description: "Parked: about a record not known yet" },
            "401": problemResponse("Not verified (no hint which check failed)"),
            "403": problemResponse("A type the source may not send"),
            "409": problemResponse("The webhook-id was received with another body"),
            "413": problemResponse("The body is too large"),
            "415": problemResponse("Not application/json"),
            "422": problemResponse("Invalid event (every problem by path), refused by the core (its code and message)"),
            "429": problemResponse("The source sent more deliveries than its rate limit: send it again after Retry-After seconds"),
            "503": problemResponse("The store could not be reached: send it again")
          }
        }
      }
    },
    components: {
      schemas: {
        ...schemas,
        Problem: {
          type: "object",
          required: ["type", "title", "status"],
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            code: { type: "string" },
            problems: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } }
          }
        }
      }
    }
  }
}

export const openApiRoute = (app: Hono) => {
  const document = JSON.stringify(openApiDocument())
  app.get("/openapi.json", (c) => c.body(document, 200, { "content-type": "application/json" }))
}
