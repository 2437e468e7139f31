// The workflow bundle's entry point: every exported function is a workflow type, stored by
// Temporal under its name. Never rename one (DESIGN.md §5).
export { dossierLifecycle } from './dossier/dossier.workflow';
