export * from './compress-campaign';
export * from './time-scale';
