/** One task queue for the lifecycle workflows and their activities. */
export const LIFECYCLE_TASK_QUEUE = 'amiflow-lifecycle';
