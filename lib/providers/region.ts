// Client-safe: where a provider may host an account. A connection picks one; the server maps it to
// an allowlisted base URL, so people choose a region, never a URL.
export const REGIONS = ["global", "eu"] as const;
export type Region = (typeof REGIONS)[number];
