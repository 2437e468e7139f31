import { Global, Module } from '@nestjs/common';
import { LifecycleCommands } from './lifecycle-commands.service';

@Global()
@Module({ providers: [LifecycleCommands], exports: [LifecycleCommands] })
export class LifecycleModule {}
