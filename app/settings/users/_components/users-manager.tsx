"use client";

import { useQuery } from "@tanstack/react-query";
import { Notice } from "@/components/ui/notice";
import { usersQueryOptions } from "@/lib/queries/users";
import { SettingsHeading } from "../../_components/settings-heading";
import { InviteUserForm } from "./invite-user-form";
import { UserRow } from "./user-row";

export function UsersManager({ currentUserId }: { currentUserId: string }) {
  const list = useQuery(usersQueryOptions());
  return (
    <div className="space-y-6 sm:space-y-8">
      <SettingsHeading title="People">
        Members use boards, batches and share links; operators may also act on sends (pause, resume,
        cancel, stop); admins also manage connections and people and see the team&rsquo;s activity.
      </SettingsHeading>
      <InviteUserForm />
      {list.isError && (
        <Notice tone="warning" title="Could not load the people of your team" data-testid="users-error">
          {list.error.message}
        </Notice>
      )}
      {list.isPending && <p className="text-muted">Loading people…</p>}
      {list.data && (
        <ul className="space-y-3" aria-label="People">
          {list.data.map((user) => (
            <UserRow key={user.id} user={user} isYou={user.id === currentUserId} />
          ))}
        </ul>
      )}
    </div>
  );
}
