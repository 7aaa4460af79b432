import "server-only";

// The send times the team gives for batches whose provider cannot report them (SendGrid).
export { assertTakesSendTime, findSendTime, saveSendTime } from "./send-times";
export type { SendTimeKey } from "./send-times";
