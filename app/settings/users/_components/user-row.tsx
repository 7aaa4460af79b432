"use client";

import { useMutation } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { changeRoleOptions, removeUserOptions } from "@/lib/queries/users";
import type { TeamUser } from "@/lib/team-user";
import { ConfirmButton } from "../../_components/confirm-button";
import { FormError } from "../../_components/form-error";
import { RoleSelect } from "./role-select";

const STATUS_BADGES = { active: null, invited: "Invited", invite_expired: "Invite expired" } as const;

export function UserRow({ user, isYou }: { user: TeamUser; isYou: boolean }) {
  const changeRole = useMutation(changeRoleOptions(user.id));
  const remove = useMutation(removeUserOptions(user.id));
  const status = STATUS_BADGES[user.status];
  const failure = changeRole.error ?? remove.error;

  return (
    <li data-testid="user-row" data-email={user.email} className="rounded-xl border border-line bg-panel p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-2 font-semibold">
            <span className="truncate">{user.name}</span>
            {isYou && <Badge>You</Badge>}
            {status && <Badge dashed tone={user.status === "invite_expired" ? "text-notice-warning" : undefined}>{status}</Badge>}
          </p>
          <p className="truncate text-sm text-muted">{user.email}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <div className="w-36">
            <RoleSelect label={`Role of ${user.name}`} value={user.role} disabled={isYou || changeRole.isPending} onChange={(role) => changeRole.mutate(role)} />
          </div>
          {!isYou && <ConfirmButton label="Remove" question={`Remove ${user.name}? They are signed out at once.`} confirmLabel="Yes, remove" pending={remove.isPending} onConfirm={() => remove.mutate()} />}
        </div>
      </div>
      <FormError message={failure ? failure.message : null} />
    </li>
  );
}
