import { JSONSchema } from "effect"
import type { Hono } from "hono"
import { InboundEvent } from "../events/inboundEvent.js"

const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } })

const jsonResponse = (description: string, schema: string) => ({ description, content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } } })

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
            "200": jsonResponse("Applied: the records it touched (also to a repeat of a parked delivery applied since)", "Applied"),
            "202": jsonResponse("Parked: about a record not known yet, named by waitingFor", "Parked"),
            "401": problemResponse("Not verified (no hint which check failed)"),
            "403": problemResponse("A type the source may not send"),
            "409": problemResponse("The webhook-id was received with another body"),
            "413": problemResponse("The body is too large"),
            "415": problemResponse("Not application/json"),
            "422": problemResponse("Invalid event (every problem by path), refused by the core (its code and message), or, to a repeat, parked until it died (waitingFor)"),
            "429": problemResponse("The source sent more deliveries than its rate limit: send it again after Retry-After seconds"),
            "503": problemResponse("The store could not be reached, or did not answer in time: send it again, with the same webhook-id, after Retry-After seconds")
          }
        }
      }
    },
    components: {
      schemas: {
        ...schemas,
        Applied: {
          type: "object",
          required: ["deliveryId", "outcome", "touched"],
          properties: {
            deliveryId: { type: "string", description: "Your webhook-id" },
            outcome: { type: "string", enum: ["applied"] },
            touched: {
              type: "array",
              description: "The records it created or changed: a request, a placement, or a child's statutory record (by the child's id)",
              items: { type: "object", required: ["type", "id"], properties: { type: { type: "string", enum: ["request", "placement", "child"] }, id: { type: "string" } } }
            }
          }
        },
        Parked: {
          type: "object",
          required: ["deliveryId", "outcome", "waitingFor"],
          properties: {
            deliveryId: { type: "string", description: "Your webhook-id" },
            outcome: { type: "string", enum: ["parked"] },
            waitingFor: { type: "string", description: "The record it waits for: {source}/{request|placement}/{your reference}" }
          }
        },
        Problem: {
          type: "object",
          required: ["type", "title", "status"],
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            code: { type: "string", description: "A refusal's code (422 refused), e.g. ReferralNotInStatus" },
            ruleId: { type: "string", description: "The rule a refusal cites, where it cites one (422 refused), e.g. STAT-S20-CONSENT" },
            deliveryId: { type: "string", description: "Your webhook-id (409, 422 refused or waited-too-long)" },
            waitingFor: { type: "string", description: "422 waited-too-long: the record it waited for" },
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
