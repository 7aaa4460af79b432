import { digitsOf, unitHashOf } from "./hash";

// Realistic mobile numbers in E.164, the way Mindo and Bolna report recipients. Stable per
// (batch, index), so a recipient keeps its number between calls.
const MOBILE = {
  // +54 9, then an area code and subscriber number of ten digits together.
  AR: { prefix: "+549", areas: ["11", "351", "223", "341"], digits: 10 },
  MX: { prefix: "+52", areas: ["55", "33", "81"], digits: 10 },
  BR: { prefix: "+55", areas: ["119", "219", "319"], digits: 11 },
  ES: { prefix: "+34", areas: ["6", "7"], digits: 9 },
  CO: { prefix: "+57", areas: ["3"], digits: 10 },
  IN: { prefix: "+91", areas: ["9", "8", "7"], digits: 10 },
  US: { prefix: "+1", areas: ["415", "646", "312", "737"], digits: 10 },
} as const;

export type Country = keyof typeof MOBILE;

export function phoneNumber(country: Country, batchId: string, index: number): string {
  const { prefix, areas, digits } = MOBILE[country];
  const area = areas[Math.floor(unitHashOf("area", batchId, index) * areas.length)] ?? areas[0];
  // A subscriber number never starts with 0 or 1.
  const first = String(2 + Math.floor(unitHashOf("first", batchId, index) * 8));
  return `${prefix}${area}${first}${digitsOf(digits - area.length - 1, batchId, index)}`;
}
