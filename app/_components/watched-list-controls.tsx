import { STATE_STYLES } from "@/components/batch/batch-styles";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { BATCH_STATES } from "@/lib/batch-snapshot";
import { PROVIDER_IDS, PROVIDER_INFO } from "@/lib/providers/provider-id";
import { readWatchedView, watchedViewSearch, type WatchedView } from "@/lib/watched-view";

const SORT_LABELS = {
  added: "Order added",
  name: "Name",
  state: "State",
  provider: "Provider",
  progress: "Progress",
} as const satisfies Record<WatchedView["sort"], string>;

type WatchedListControlsProps = { view: WatchedView; onChange: (view: WatchedView) => void };

/** Search, state and provider filters, and the sort of the watched list. */
export function WatchedListControls({ view, onChange }: WatchedListControlsProps) {
  // A choice goes through the reader the address goes through, so each value is checked once.
  const choose = (name: "state" | "provider" | "sort", value: string) => {
    const params = new URLSearchParams(watchedViewSearch(view));
    params.set(name, value);
    onChange({ ...readWatchedView(params), q: view.q });
  };
  return (
    <div
      role="search"
      aria-label="Find in the watched list"
      data-testid="watched-controls"
      className="grid grid-cols-2 gap-2 sm:grid-cols-3 sm:gap-3 lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))]"
    >
      <Input
        type="search"
        className="col-span-2 sm:col-span-3 lg:col-span-1"
        aria-label="Search by name, id or provider"
        placeholder="Search by name, id or provider"
        value={view.q}
        onChange={(event) => onChange({ ...view, q: event.target.value })}
      />
      <Select
        aria-label="State"
        value={view.state ?? ""}
        onChange={(event) => choose("state", event.target.value)}
      >
        <option value="">Every state</option>
        {BATCH_STATES.map((state) => (
          <option key={state} value={state}>
            {STATE_STYLES[state].label}
          </option>
        ))}
      </Select>
      <Select
        aria-label="Provider"
        value={view.provider ?? ""}
        onChange={(event) => choose("provider", event.target.value)}
      >
        <option value="">Every provider</option>
        {PROVIDER_IDS.map((id) => (
          <option key={id} value={id}>
            {PROVIDER_INFO[id].name}
          </option>
        ))}
      </Select>
      <Select
        aria-label="Sort by"
        className="col-span-2 sm:col-span-1"
        value={view.sort}
        onChange={(event) => choose("sort", event.target.value)}
      >
        {Object.entries(SORT_LABELS).map(([sort, label]) => (
          <option key={sort} value={sort}>
            Sort: {label}
          </option>
        ))}
      </Select>
    </div>
  );
}
