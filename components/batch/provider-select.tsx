import type { ComponentProps } from "react";
import { Select } from "@/components/ui/select";
import { PROVIDER_IDS, PROVIDER_INFO, isProviderId } from "@/lib/providers/provider-id";
import type { ProviderId } from "@/lib/providers/provider-id";

type ProviderSelectProps = Omit<ComponentProps<"select">, "value" | "onChange"> & {
  value: ProviderId;
  onChange: (provider: ProviderId) => void;
};

export function ProviderSelect({ value, onChange, ...props }: ProviderSelectProps) {
  return (
    <Select
      value={value}
      onChange={(event) => {
        if (isProviderId(event.target.value)) onChange(event.target.value);
      }}
      {...props}
    >
      {PROVIDER_IDS.map((id) => (
        <option key={id} value={id}>
          {PROVIDER_INFO[id].name} ({PROVIDER_INFO[id].channel})
        </option>
      ))}
    </Select>
  );
}
