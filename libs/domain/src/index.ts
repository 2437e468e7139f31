export * from './errors/domain-error';
export * from './errors/domain-error-code';
export * from './dossier/dossier.commands';
export * from './dossier/dossier.decider';
export * from './dossier/dossier.events';
export * from './dossier/dossier.state';
