import { MockActivityEnvironment } from '@temporalio/testing';

/**
 * Collects what the activities run in this environment heartbeat, in order: what the server
 * would hand their next attempt as `heartbeatDetails`.
 */
export function heartbeatsOf(environment: MockActivityEnvironment): unknown[] {
  const heartbeats: unknown[] = [];
  environment.on('heartbeat', (details: unknown) => heartbeats.push(details));
  return heartbeats;
}
