import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

type ChartFrameProps = {
  title: string;
  description?: string;
  /** Drawing height in px; the width follows the card. */
  height: number;
  /** The same numbers as the drawing, for screen readers. */
  rows: Array<{ label: string; value: string }>;
  /** Controls of the drawing (range, scale), in the card's header. */
  actions?: ReactNode;
  children: ReactNode;
};

/** Every chart goes through this frame: a titled card, a fixed-height box to draw in, and a table twin. */
export function ChartFrame({ title, description, height, rows, actions, children }: ChartFrameProps) {
  return (
    <Card title={title} description={description} actions={actions}>
      <figure>
        <div aria-hidden className="w-full" style={{ height }}>
          {children}
        </div>
        <figcaption className="sr-only">
          <table>
            <caption>{title}</caption>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td>{row.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figcaption>
      </figure>
    </Card>
  );
}
