import { infiniteQueryOptions, mutationOptions, queryOptions } from "@tanstack/react-query";
import { requestJson, requestNoContent } from "@/lib/api-client";
import {
  alertDeliveryPageSchema,
  alertRuleListSchema,
  contactPointListSchema,
  contactPointTestResultSchema,
  createdContactPointSchema,
  type CreateAlertRuleInput,
  type CreateContactPointInput,
} from "@/lib/alerts";
import { z } from "zod/mini";

const CONTACT_POINTS_PATH = "/api/alerts/contact-points";
const RULES_PATH = "/api/alerts/rules";
const DELIVERIES_PATH = "/api/alerts/deliveries";
// Retries land over a minute or so: the log refreshes while someone reads it.
const DELIVERIES_POLL_MS = 5_000;

const contactPointsKey = ["alerts", "contact-points"] as const;
const rulesKey = ["alerts", "rules"] as const;
const deliveriesKey = ["alerts", "deliveries"] as const;
const createdRuleSchema = z.object({ id: z.string() });

export function contactPointsQueryOptions() {
  return queryOptions({
    queryKey: contactPointsKey,
    queryFn: async ({ signal }) => (await requestJson(CONTACT_POINTS_PATH, contactPointListSchema, { signal })).items,
    retry: false,
  });
}

export function addContactPointOptions() {
  return mutationOptions({
    mutationKey: ["alerts", "contact-points", "add"],
    mutationFn: (input: CreateContactPointInput) => requestJson(CONTACT_POINTS_PATH, createdContactPointSchema, { method: "POST", body: input }),
    onSuccess: (_created, _input, _result, { client }) => void client.invalidateQueries({ queryKey: contactPointsKey }),
  });
}

export function removeContactPointOptions() {
  return mutationOptions({
    mutationKey: ["alerts", "contact-points", "remove"],
    mutationFn: (id: string) => requestNoContent(`${CONTACT_POINTS_PATH}/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: (_data, _id, _result, { client }) => void client.invalidateQueries({ queryKey: contactPointsKey }),
  });
}

export function testContactPointOptions() {
  return mutationOptions({
    mutationKey: ["alerts", "contact-points", "test"],
    mutationFn: (id: string) => requestJson(`${CONTACT_POINTS_PATH}/${encodeURIComponent(id)}/test`, contactPointTestResultSchema, { method: "POST" }),
    onSettled: (_data, _error, _id, _result, { client }) => void client.invalidateQueries({ queryKey: deliveriesKey }),
  });
}

export function alertRulesQueryOptions() {
  return queryOptions({
    queryKey: rulesKey,
    queryFn: async ({ signal }) => (await requestJson(RULES_PATH, alertRuleListSchema, { signal })).items,
    retry: false,
  });
}

export function addAlertRuleOptions() {
  return mutationOptions({
    mutationKey: ["alerts", "rules", "add"],
    mutationFn: (input: CreateAlertRuleInput) => requestJson(RULES_PATH, createdRuleSchema, { method: "POST", body: input }),
    onSuccess: (_created, _input, _result, { client }) => void client.invalidateQueries({ queryKey: rulesKey }),
  });
}

export function removeAlertRuleOptions() {
  return mutationOptions({
    mutationKey: ["alerts", "rules", "remove"],
    mutationFn: (id: string) => requestNoContent(`${RULES_PATH}/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: (_data, _id, _result, { client }) => void client.invalidateQueries({ queryKey: rulesKey }),
  });
}

export function alertDeliveriesQueryOptions() {
  return infiniteQueryOptions({
    queryKey: deliveriesKey,
    queryFn: ({ signal, pageParam }) =>
      requestJson(pageParam ? `${DELIVERIES_PATH}?${new URLSearchParams({ cursor: pageParam })}` : DELIVERIES_PATH, alertDeliveryPageSchema, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: DELIVERIES_POLL_MS,
    retry: false,
  });
}
