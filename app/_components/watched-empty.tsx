import { Card } from "@/components/ui/card";

export function WatchedEmpty() {
  return (
    <Card data-testid="watched-empty" className="border-dashed text-center">
      <p className="text-xl font-semibold">No batches watched yet</p>
      <p className="mx-auto mt-2 max-w-xl text-muted">
        Pick the provider, paste the batch id from its dashboard or API, and press{" "}
        <strong className="text-ink">Watch</strong>. The batch then shows here for everyone on the
        team, updating live.
      </p>
    </Card>
  );
}
