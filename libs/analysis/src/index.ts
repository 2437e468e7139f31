export * from './french/fold-accents';
export * from './french/french-terms';
export * from './french/passages';
export * from './suggestions/theme-suggestion';
export * from './suggestions/theme-suggester';
export * from './measure/measure-suggestions';
