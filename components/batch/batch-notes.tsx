import { Card } from "@/components/ui/card";

export function BatchNotes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <Card title="Notes">
      <ul className="list-disc space-y-1.5 pl-5 text-muted">
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </Card>
  );
}
