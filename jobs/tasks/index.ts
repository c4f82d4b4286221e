import type { TaskList } from "graphile-worker";
import { SEND_NOTIFICATION } from "../../lib/notifications/queue";
import { MAKE_ORDER_AVAILABLE, REMIND_REGISTRATION } from "../../lib/orders/jobs";
import { RUN_TECHNICAL_WORKFLOW } from "../../lib/technical/registry";
import { CASCADE_PACKAGE_CANCEL, PUBLISH_PACKAGE, REMIND_PACKAGE_APPROVAL } from "../../lib/packages/jobs";
import { cascadePackageCancelTask } from "./cascade-package-cancel";
import { makeOrderAvailableTask, remindRegistrationTask } from "./order-jobs";
import { publishPackageTask } from "./publish-package";
import { remindPackageApprovalTask } from "./remind-package-approval";
import { runTechnicalWorkflowTask } from "./run-technical-workflow";
import { sendNotification } from "./send-notification";
import { SEND_DELIVERY } from "../../lib/deliveries/start";
import { REMIND_TARGET_APPROVAL } from "../../lib/execution/local-approval";
import { sendDeliveryTask } from "./send-delivery";
import { remindTargetApprovalTask } from "./target-approval-jobs";

// The one registry of job tasks; names are snake_case verbs and stable once jobs exist.
export const taskList: TaskList = {
  [SEND_NOTIFICATION]: sendNotification,
  [PUBLISH_PACKAGE]: publishPackageTask,
  [REMIND_PACKAGE_APPROVAL]: remindPackageApprovalTask,
  [CASCADE_PACKAGE_CANCEL]: cascadePackageCancelTask,
  [MAKE_ORDER_AVAILABLE]: makeOrderAvailableTask,
  [REMIND_REGISTRATION]: remindRegistrationTask,
  [RUN_TECHNICAL_WORKFLOW]: runTechnicalWorkflowTask,
  [SEND_DELIVERY]: sendDeliveryTask,
  [REMIND_TARGET_APPROVAL]: remindTargetApprovalTask,
};
