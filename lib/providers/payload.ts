import "server-only";
import { z } from "zod";
import { badPayloadError } from "./http";
import { lenientCount } from "./lenient";

// Numbers, numeric strings ("12"), null and missing read as counts; a counter holding "lots", true
// or an object means the payload is not the one the docs describe, so parsing fails instead.
const countLike = z.union([z.number(), z.string().regex(/^\s*(-?\d+(\.\d+)?)?\s*$/), z.null()]);
export const countField = z
  .preprocess((value) => value ?? null, countLike)
  .transform((value) => lenientCount.parse(value));

/** A nested object we can live without: missing or the wrong shape becomes null. */
export function optionalObject<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object(shape).nullable().catch(null);
}

/** Parses a provider payload or throws provider_bad_response (never the zod issues: they echo the body). */
export function parsePayload<Schema extends z.ZodType>(
  schema: Schema,
  raw: unknown,
  providerName: string,
): z.output<Schema> {
  const result = schema.safeParse(raw);
  if (!result.success) throw badPayloadError(providerName);
  return result.data;
}
