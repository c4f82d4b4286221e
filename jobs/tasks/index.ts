import type { TaskList } from "graphile-worker";
import { SEND_NOTIFICATION } from "../../lib/notifications/queue";
import { sendNotification } from "./send-notification";

// The one registry of job tasks; names are snake_case verbs and stable once jobs exist.
export const taskList: TaskList = {
  [SEND_NOTIFICATION]: sendNotification,
};
