import "server-only";
import { CONTACT_POINT_TYPES, type ContactPointType } from "@/lib/alerts";

export function isContactPointType(value: string): value is ContactPointType {
  return (CONTACT_POINT_TYPES as readonly string[]).includes(value);
}
