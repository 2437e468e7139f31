export * from './labelled-answers';
