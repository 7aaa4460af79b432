"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { contactPointsQueryOptions, removeContactPointOptions } from "@/lib/queries/alerts";
import { AddContactPointForm } from "./add-contact-point-form";
import { ContactPointRow } from "./contact-point-row";

export function ContactPoints() {
  const points = useQuery(contactPointsQueryOptions());
  const remove = useMutation(removeContactPointOptions());
  return (
    <Card title="Contact points" description="Where alert messages go. URLs and addresses are encrypted on the server and shown masked.">
      {points.isError && (
        <Notice tone="warning" title="Could not load the contact points">
          {points.error.message}
        </Notice>
      )}
      {remove.isError && (
        <p role="alert" className="text-sm text-notice-warning">
          Could not delete it: {remove.error.message}
        </p>
      )}
      {points.data?.length === 0 && <p className="text-faint">No contact points yet.</p>}
      {points.data && points.data.length > 0 && (
        <ul className="mb-4 divide-y divide-line" data-testid="contact-points">
          {points.data.map((point) => (
            <ContactPointRow key={point.id} point={point} removing={remove.isPending && remove.variables === point.id} onRemove={() => remove.mutate(point.id)} />
          ))}
        </ul>
      )}
      <AddContactPointForm />
    </Card>
  );
}
