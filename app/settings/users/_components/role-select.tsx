import { Select } from "@/components/ui/select";
import { isUserRole, ROLE_LABELS, USER_ROLES } from "@/lib/team-user";
import type { UserRole } from "@/lib/team-user";

type RoleSelectProps = { id?: string; value: UserRole; disabled?: boolean; label?: string; onChange: (role: UserRole) => void };

export function RoleSelect({ id, value, disabled, label, onChange }: RoleSelectProps) {
  return (
    <Select id={id} aria-label={label} value={value} disabled={disabled} onChange={(event) => isUserRole(event.target.value) && onChange(event.target.value)}>
      {USER_ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </Select>
  );
}
