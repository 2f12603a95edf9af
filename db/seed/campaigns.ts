/** The seed inserts its campaigns with the app's template instantiation (db/campaigns/instantiate). */
export {
  insertCampaignFromTemplate,
  type CreatedAssignment,
  type CreatedCampaign,
  type CreatedFigure,
  type CreatedTask,
  type InsertCampaignOptions,
  type UnitRef,
} from "../campaigns/instantiate";
