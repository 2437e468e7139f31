import { Module } from '@nestjs/common';
import { SignInController } from './sign-in.controller';

/** The routes the console's sign-in page calls before anyone is signed in. */
@Module({ controllers: [SignInController] })
export class SignInModule {}
