// The workflow bundle's entry point: every exported function is a workflow type, stored by
// Temporal under its name. Never rename one (docs/versioning.md).
export { campaignLifecycle } from './campaign/campaign.workflow';
export { dossierLifecycle } from './dossier/dossier.workflow';
