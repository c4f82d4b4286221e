import type { ActionDef } from "@/lib/actions";
import { acceptInvitationDef, requestSignInLinkDef } from "@/lib/auth/actions";
import {
  createCampaignDef,
  createPlanDef,
  createProgramDef,
  createTemplateDef,
  evaluateCampaignTargetDef,
  updateCampaignDef,
  updateLocalCampaignDef,
  updateTemplateDef,
} from "@/lib/campaigns/actions";
import { addContactDef, importContactsDef, setContactStatusDef } from "@/lib/contacts/actions";
import { createEntity, importEntitiesAction, updateEntity } from "@/lib/entities/actions";
import { retryNotificationDef } from "@/lib/notifications/actions";
import { inviteOperatorDef } from "@/lib/operators/actions";
import {
  cancelOwnOrderDef,
  deleteOrderDef,
  editOrderGeneralDef,
  editOwnOrderDef,
  evaluateOrderTargetDef,
  placeOrderDef,
  previewOrderDef,
  rejectSubscriptionFromLinkDef,
  reviewOrderDef,
  reviewOrderFromLinkDef,
} from "@/lib/orders/actions";
import {
  addPackageDocumentDef,
  cancelPackageDef,
  createPackageDef,
  reinitializePackageDef,
  removePackageDocumentDef,
  reviewPackageDef,
  reviewPackageFromLinkDef,
  submitPackageDef,
  updatePackageDef,
} from "@/lib/packages/actions";

import { createDistributionDef, updateDistributionDef } from "@/lib/distributions/actions";
import { approveDeliveryFileDef, createProviderDef, finishProviderDeliveryDef, updateProviderDef } from "@/lib/providers/actions";
import { runTechnicalWorkflowNowDef, setTechnicalWorkflowStatusDef } from "@/lib/technical/actions";
import { requestReferenceWorkflowCommandDef, requestWorkflowCommandDef } from "@/lib/workflows/actions";
import { approveTargetingDef, setTargetChecksDef, unsubscribeFromLinkDef } from "@/lib/execution/actions";
import {
  reviewDeliveryApprovalDef,
  reviewDeliveryFromLinkDef,
  sendDeliveryProofDef,
  sendOwnDeliveryProofDef,
  stopDeliveryDef,
  stopOwnDeliveryDef,
  submitDeliveryDef,
  submitOwnDeliveryDef,
  updateDeliveryDef,
  updateOwnDeliveryContentDef,
} from "@/lib/deliveries/actions";

import { budgetActionDefs } from "@/lib/budgets/budget-actions";
import { campaignBudgetActionDefs } from "@/lib/budgets/campaign-budget-actions";
import { stockActionDefs } from "@/lib/stock/actions";

/**
 * Every server action, by name. The access test walks this list and refuses each action to the
 * wrong role and the wrong tenant; another test checks that every `"use server"` file only
 * invokes actions listed here, so a new action cannot skip the proof.
 */
export const actionRegistry: ActionDef<never, unknown>[] = [
  requestSignInLinkDef,
  acceptInvitationDef,
  createEntity,
  updateEntity,
  importEntitiesAction,
  inviteOperatorDef,
  retryNotificationDef,
  addContactDef,
  importContactsDef,
  setContactStatusDef,
  createPlanDef,
  createProgramDef,
  createTemplateDef,
  updateTemplateDef,
  createCampaignDef,
  updateCampaignDef,
  updateLocalCampaignDef,
  evaluateCampaignTargetDef,
  createPackageDef,
  updatePackageDef,
  submitPackageDef,
  reviewPackageDef,
  reviewPackageFromLinkDef,
  cancelPackageDef,
  reinitializePackageDef,
  editOrderGeneralDef,
  deleteOrderDef,
  placeOrderDef,
  editOwnOrderDef,
  cancelOwnOrderDef,
  reviewOrderDef,
  reviewOrderFromLinkDef,
  rejectSubscriptionFromLinkDef,
  evaluateOrderTargetDef,
  previewOrderDef,
  addPackageDocumentDef,
  removePackageDocumentDef,
  runTechnicalWorkflowNowDef,
  setTechnicalWorkflowStatusDef,
  createProviderDef,
  updateProviderDef,
  approveDeliveryFileDef,
  finishProviderDeliveryDef,
  createDistributionDef,
  updateDistributionDef,
  requestWorkflowCommandDef,
  requestReferenceWorkflowCommandDef,
  setTargetChecksDef,
  approveTargetingDef,
  unsubscribeFromLinkDef,
  updateDeliveryDef,
  updateOwnDeliveryContentDef,
  submitDeliveryDef,
  submitOwnDeliveryDef,
  reviewDeliveryApprovalDef,
  reviewDeliveryFromLinkDef,
  stopDeliveryDef,
  stopOwnDeliveryDef,
  sendDeliveryProofDef,
  sendOwnDeliveryProofDef,
  ...budgetActionDefs,
  ...campaignBudgetActionDefs,
  ...stockActionDefs,
] as unknown as ActionDef<never, unknown>[];
