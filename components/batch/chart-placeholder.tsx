import { Card } from "@/components/ui/card";

/** Holds the chart's place while its code loads, so the page does not jump. */
export function ChartPlaceholder({ title, height }: { title: string; height: number }) {
  return (
    <Card title={title}>
      <div
        className="flex w-full items-center justify-center rounded-lg bg-raised/50 text-sm text-faint"
        style={{ height }}
      >
        Drawing chart…
      </div>
    </Card>
  );
}
