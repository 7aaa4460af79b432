import { SettingsHeading } from "../../_components/settings-heading";
import { ContactPoints } from "./contact-points";
import { AlertRules } from "./alert-rules";
import { DeliveryLog } from "./delivery-log";

export function AlertsManager() {
  return (
    <div className="space-y-6 sm:space-y-8">
      <SettingsHeading title="Alerts">
        Sendboard tells the team when a send finishes, fails, stalls or cannot be read: one message per incident and contact point,
        however many instances run, and another when it clears.
      </SettingsHeading>
      <ContactPoints />
      <AlertRules />
      <DeliveryLog />
    </div>
  );
}
