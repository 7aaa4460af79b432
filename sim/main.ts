// `npm run sim`: the four fake providers on one loopback port, until SIGINT/SIGTERM.
import { readSimEnv } from "./env";
import { startSimulator, type Simulator } from "./server";

let simulator: Simulator;
try {
  simulator = await startSimulator(readSimEnv(process.env));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

console.log(`Provider simulator listening on ${simulator.url}`);
if (simulator.sendgridWebhookKey)
  console.log(
    `SendGrid Event Webhook verification key (SENDGRID_WEBHOOK_PUBLIC_KEY): ${simulator.sendgridWebhookKey}`,
  );

function stop() {
  simulator.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}

process.once("SIGINT", stop);
process.once("SIGTERM", stop);
