import { Select } from "@/components/ui/select";
import { CONNECTION_REGIONS, REGION_LABELS } from "@/lib/connection";
import type { Region } from "@/lib/connection";
import { Field } from "@/components/ui/field";

function isRegion(value: string): value is Region {
  return (CONNECTION_REGIONS as readonly string[]).includes(value);
}

/** A choice, never a URL: the server maps each region to its allowlisted host. */
export function RegionSelect({ id, value, onChange }: { id: string; value: Region; onChange: (region: Region) => void }) {
  return (
    <Field id={id} label="Region">
      <Select id={id} value={value} onChange={(event) => isRegion(event.target.value) && onChange(event.target.value)}>
        {CONNECTION_REGIONS.map((region) => (
          <option key={region} value={region}>
            {REGION_LABELS[region]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
