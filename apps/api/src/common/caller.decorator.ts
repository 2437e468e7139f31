import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { actorOf } from '../auth/principal';
import type { CommandContext } from '../lifecycle/lifecycle-commands.service';

/**
 * What a command carries into its workflow: the actor the verified token speaks for and the
 * request's correlation id.
 */
export const Caller = createParamDecorator(
  (_: unknown, context: ExecutionContext): CommandContext => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.principal) throw new Error('Caller used on a route the guard did not check');
    return { actor: actorOf(request.principal), correlationId: request.id };
  },
);
